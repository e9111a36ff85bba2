import { describe, expect, it } from "vitest";
import { inviteMessage } from "./invite-message";

const input = {
  growerName: "Ada Lovelace",
  partnerName: "Acme Agronomy",
  url: "https://headland.example/invite/abc.def",
  expiresAt: new Date("2026-12-09T16:55:00Z"),
  maxUses: 3,
};

describe("inviteMessage", () => {
  it("names the grower and the partner, and gives the link, its uses and its expiry in both bodies", async () => {
    const message = await inviteMessage(input);
    expect(message.subject).toBe("Acme Agronomy: connect your farm accounts");
    for (const body of [message.text, message.html]) {
      expect(body).toContain("Hello Ada Lovelace,");
      expect(body).toContain("Acme Agronomy asks you to connect your Climate FieldView, John Deere and Trimble");
      expect(body).toContain("It works for 3 sign-ins, until Wednesday, December 9, 2026 at 16:55 UTC.");
      expect(body).toContain("https://headland.example/invite/abc.def");
    }
    expect(message.html).toContain('<a href="https://headland.example/invite/abc.def"');
    expect(message.html).toContain('<html lang="en">');
    // The link on a line of its own, so a mail client that wraps text does not break it.
    expect(message.text.split("\n")).toContain("https://headland.example/invite/abc.def");
  });

  it("says one sign-in for a single-use link", async () => {
    expect((await inviteMessage({ ...input, maxUses: 1 })).text).toContain("It works for 1 sign-in, until");
  });

  it("writes the whole email in the grower's language, dates included", async () => {
    const spanish = await inviteMessage({ ...input, locale: "es" });
    expect(spanish.subject).toBe("Acme Agronomy: conecte sus cuentas agrícolas");
    expect(spanish.text).toContain("Hola, Ada Lovelace:");
    expect(spanish.text).toContain("sus cuentas de Climate FieldView, John Deere y Trimble");
    expect(spanish.text).toContain(
      "Sirve para 3 inicios de sesión, hasta el miércoles, 9 de diciembre de 2026, 16:55 UTC.",
    );
    expect(spanish.html).toContain('<html lang="es">');
    expect(spanish.html).toContain(">Conectar sus cuentas</a>");

    const portuguese = await inviteMessage({ ...input, maxUses: 1, locale: "pt-BR" });
    expect(portuguese.subject).toBe("Acme Agronomy: conecte suas contas da fazenda");
    expect(portuguese.text).toContain("suas contas Climate FieldView, John Deere e Trimble");
    expect(portuguese.text).toContain("Ele vale para 1 acesso, até quarta-feira, 9 de dezembro de 2026 às 16:55 UTC.");
    expect(portuguese.text.split("\n")).toContain("https://headland.example/invite/abc.def");
  });

  it("escapes every value in the HTML body and leaves the text body as typed", async () => {
    const message = await inviteMessage({
      ...input,
      growerName: `<img src=x onerror="alert(1)">`,
      partnerName: "Smith & Sons' <b>Co</b>",
      url: 'https://headland.example/invite/a"b<c',
    });
    expect(message.html).not.toMatch(/<img|<b>|onerror="/);
    expect(message.html).toContain("Hello &lt;img src=x onerror=&quot;alert(1)&quot;&gt;,");
    expect(message.html).toContain("Smith &amp; Sons&#39; &lt;b&gt;Co&lt;/b&gt; asks you");
    expect(message.html).toContain('href="https://headland.example/invite/a&quot;b&lt;c"');
    expect(message.text).toContain(`Hello <img src=x onerror="alert(1)">,`);
    expect(message.subject).toBe("Smith & Sons' <b>Co</b>: connect your farm accounts");
  });
});
