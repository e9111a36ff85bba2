import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/messages/en/doctor.json";
import es from "@/messages/es/doctor.json";
import ptBR from "@/messages/pt-BR/doctor.json";
import { allTroubles, type Trouble } from "./cases";
import { type DoctorTranslate, diagnose, troubleOf } from "./diagnose";

const translator = (locale: string, messages: object) =>
  createTranslator({ locale, messages: { doctor: messages }, namespace: "doctor" }) as unknown as DoctorTranslate;
const t = translator("en", en);
const deere = { id: "john-deere", name: "John Deere" };
const connect = "/api/connect/john-deere";
const growerPage = "/growers/leaf-1";

// One row per trouble: the grower's sentence (a distinctive part), the grower's action, the staff action.
const cases: [Trouble, string, [string, string | undefined] | null, string | null][] = [
  ["access_denied", "You chose not to allow access", ["Try again", connect], growerPage],
  ["authorize_failed", "John Deere stopped the sign-in.", ["Try again", connect], growerPage],
  [
    "missing_state",
    "It was already used or is more than 30 minutes old.",
    ["Back to your connections", "/connections"],
    growerPage,
  ],
  [
    "link_expired",
    "press “Connect John Deere” to start again",
    ["Back to your connections", "/connections"],
    growerPage,
  ],
  ["mismatch", "It was started in another browser", ["Back to your connections", "/connections"], growerPage],
  ["signed_out", "Open the invite link you were sent", ["Back to your connections", "/connections"], growerPage],
  ["exchange_failed", "takes too long or is used twice", ["Try again", connect], growerPage],
  ["bad_token_response", "Nothing was saved. Press “Connect John Deere”", ["Try again", connect], growerPage],
  ["no_refresh_token", "allow every permission John Deere asks for", ["Try again", connect], growerPage],
  ["provider_unavailable", "Nothing was saved. Try again in a few minutes.", ["Try again", connect], growerPage],
  ["leaf_rejected", "Our data partner refused the connection.", ["Try again", connect], growerPage],
  ["not_connected", "Connect your account so your data can sync.", ["Connect John Deere", connect], growerPage],
  ["pending", "You don't need to do anything.", null, null],
  ["processing", "This takes a few seconds.", null, null],
  ["ok", "Your data is syncing.", null, null],
  ["reauth", "Access was revoked or expired.", ["Reconnect John Deere", connect], growerPage],
  ["revoked", "Access to John Deere was withdrawn", ["Reconnect John Deere", connect], growerPage],
  ["token_expired", "Your John Deere sign-in expired", ["Reconnect John Deere", connect], growerPage],
  ["missing_permission", "missing some permissions", ["Reconnect John Deere", connect], growerPage],
  [
    "no_organizations",
    "choose at least one organization in John Deere.",
    ["Choose organizations in John Deere", "https://deere.test/select"],
    growerPage,
  ],
  ["unavailable", "Nothing to do; we will keep checking.", null, null],
  ["error", "Something went wrong saving this connection.", ["Reconnect John Deere", connect], growerPage],
  ["invite_expired", "Ask the person who invited you", ["Ask for a new invite link", undefined], growerPage],
  ["leaf_slow", "taking longer than usual", null, null],
  [
    "token_lapsing",
    "stops sharing your data in 5 days unless you reconnect",
    ["Reconnect John Deere", connect],
    growerPage,
  ],
];

describe("diagnose", () => {
  it("has a row here for every trouble it knows", () => {
    expect(cases.map(([trouble]) => trouble).sort()).toEqual([...allTroubles].sort());
  });

  it.each(cases)("%s: one sentence and one action for the grower and for staff", (trouble, sentence, grower, staff) => {
    const situation = {
      trouble,
      provider: deere,
      leafUserId: "leaf-1",
      managementUri: "https://deere.test/select",
      days: 5,
    };
    const forGrower = diagnose(t, { ...situation, audience: "grower" });
    expect(forGrower.sentence).toContain(sentence);
    expect(forGrower.title).not.toMatch(/cases\.|\{/);
    expect(forGrower.action ? [forGrower.action.label, forGrower.action.href] : null).toEqual(grower);
    const forStaff = diagnose(t, { ...situation, audience: "staff" });
    expect(forStaff.sentence).not.toEqual(forGrower.sentence);
    expect(forStaff.action?.href ?? null).toEqual(staff);
  });

  it("sends a grower whose organization page is unknown through the connect flow again", () => {
    const d = diagnose(t, { trouble: "no_organizations", provider: deere, audience: "grower" });
    expect(d.action?.href).toBe(connect);
    expect(d.step).toBe("organizations");
  });

  it("says in Spanish and Portuguese what it says in English, for every trouble", () => {
    for (const [locale, messages] of [
      ["es", es],
      ["pt-BR", ptBR],
    ] as const) {
      const other = translator(locale, messages);
      for (const trouble of allTroubles) {
        for (const audience of ["grower", "staff"] as const) {
          const situation = { trouble, provider: deere, audience, days: 3 };
          const words = diagnose(other, situation);
          expect(words.sentence, `${locale} ${trouble}`).not.toEqual(diagnose(t, situation).sentence);
          expect(words.sentence).not.toMatch(/doctor\.|\{/);
          expect(words.action?.label ?? "").not.toMatch(/actions\./);
        }
      }
    }
  });
});

describe("troubleOf", () => {
  it.each([
    [{ status: "reauth", leafStatus: "REVOKED" }, "revoked"],
    [{ status: "reauth", leafStatus: "expired" }, "token_expired"],
    [{ status: "reauth", leafStatus: "UNAUTHENTICATED" }, "reauth"],
    [{ status: "ok", lapse: { nudge: true } }, "token_lapsing"],
    [{ status: "ok", lapse: { nudge: false } }, "ok"],
    [{ status: "no_organizations", lapse: { nudge: true } }, "no_organizations"],
  ] as const)("%o is %s", (connection, expected) => {
    expect(troubleOf(connection)).toBe(expected);
  });
});
