import { useTranslations } from "next-intl";
import { useId } from "react";

/** A labelled password input; the rules are shown under new passwords so nobody has to guess them. */
export function PasswordField({ label, name, isNew }: { label: string; name: string; isNew?: boolean }) {
  const t = useTranslations("staff.account");
  const hint = useId();
  return (
    <div>
      <label className="block">
        <span className="text-sm font-medium">{label}</span>
        <input
          name={name}
          type="password"
          required
          maxLength={1024}
          autoComplete={isNew ? "new-password" : "current-password"}
          aria-describedby={isNew ? hint : undefined}
          className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
        />
      </label>
      {isNew && (
        <p id={hint} className="mt-1 text-sm text-stone-600">
          {t("rules")}
        </p>
      )}
    </div>
  );
}
