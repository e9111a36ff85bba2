import { describe, expect, it } from "vitest";
import { acceptedLanguages, chosenLocale, pickLocale, validTimeZone } from "./negotiate";

describe("acceptedLanguages", () => {
  it("orders tags by weight, keeps header order on ties and drops q=0 and *", () => {
    expect(acceptedLanguages("fr;q=0.5, es-MX, pt;q=0.9, en;q=0, *;q=0.1, de;q=0.9")).toEqual([
      "es-MX",
      "pt",
      "de",
      "fr",
    ]);
  });

  it("is empty without a header", () => {
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages("")).toEqual([]);
  });
});

describe("pickLocale", () => {
  it("prefers the language switch's cookie over the browser", () => {
    expect(pickLocale({ cookie: "pt-BR", acceptLanguage: "es-ES,es;q=0.9" })).toBe("pt-BR");
  });

  it("ignores a cookie that is not one of ours", () => {
    expect(pickLocale({ cookie: "xx", acceptLanguage: "es" })).toBe("es");
  });

  it("matches regional variants by language", () => {
    expect(pickLocale({ acceptLanguage: "es-AR,en;q=0.5" })).toBe("es");
    expect(pickLocale({ acceptLanguage: "pt-PT" })).toBe("pt-BR");
    expect(pickLocale({ acceptLanguage: "PT-br" })).toBe("pt-BR");
    expect(pickLocale({ acceptLanguage: "en-GB,es;q=0.8" })).toBe("en");
  });

  it("skips languages we do not have and falls back to English", () => {
    expect(pickLocale({ acceptLanguage: "de-DE,de;q=0.9,pt;q=0.8" })).toBe("pt-BR");
    expect(pickLocale({ acceptLanguage: "de-DE,fr;q=0.9" })).toBe("en");
    expect(pickLocale({})).toBe("en");
  });

  it("falls back to the grower's remembered language before English, never over the reader's own", () => {
    expect(pickLocale({ acceptLanguage: "de-DE,fr;q=0.9", remembered: "es" })).toBe("es");
    expect(pickLocale({ remembered: "pt-BR" })).toBe("pt-BR");
    expect(pickLocale({ acceptLanguage: "en-US", remembered: "es" })).toBe("en");
    expect(pickLocale({ cookie: "pt-BR", acceptLanguage: "fr", remembered: "es" })).toBe("pt-BR");
  });
});

describe("chosenLocale", () => {
  it("is what the reader asked for, or nothing", () => {
    expect(chosenLocale({ cookie: "es", acceptLanguage: "pt" })).toBe("es");
    expect(chosenLocale({ acceptLanguage: "pt-PT" })).toBe("pt-BR");
    expect(chosenLocale({ acceptLanguage: "fr" })).toBeUndefined();
    expect(chosenLocale({})).toBeUndefined();
  });
});

describe("validTimeZone", () => {
  it("accepts IANA zones and refuses anything else", () => {
    expect(validTimeZone("America/Sao_Paulo")).toBe("America/Sao_Paulo");
    expect(validTimeZone("Not/AZone")).toBeUndefined();
    expect(validTimeZone("")).toBeUndefined();
    expect(validTimeZone("x".repeat(100))).toBeUndefined();
  });
});
