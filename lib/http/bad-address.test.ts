import { describe, expect, it } from "vitest";
import { badAddress } from "./bad-address";

const page = async (acceptLanguage: string | null, cookie?: string) => {
  const response = badAddress(new Headers(acceptLanguage ? { "accept-language": acceptLanguage } : {}), cookie);
  return { status: response.status, html: await response.text() };
};

describe("badAddress", () => {
  it("is in English when the browser names none of Headland's languages", async () => {
    const { status, html } = await page(null);
    expect(status).toBe(400);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("This address is not valid");
    expect(html).toContain("Go to your start page");
  });

  it("reads in the browser's language, and in the language switch's choice over it", async () => {
    expect((await page("es-MX,es;q=0.9")).html).toContain("Esta dirección no es válida");
    const chosen = await page("es-MX", "pt-BR");
    expect(chosen.html).toContain('<html lang="pt-BR">');
    expect(chosen.html).toContain("Este endereço não é válido");
    expect(chosen.html).toContain("Ir para sua página inicial");
  });
});
