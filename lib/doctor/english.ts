import { createTranslator } from "next-intl";
import en from "@/messages/en/doctor.json";
import type { DoctorTranslate } from "./diagnose";

/** The doctor in English, outside any request: staff pages stay English (the catalog's fallback). */
export const inEnglish: DoctorTranslate = asDoctorTranslate(
  createTranslator({ locale: "en", messages: { doctor: en }, namespace: "doctor" }),
);

/** next-intl's translator, typed by its catalog, as the doctor calls it (with keys it builds). */
export function asDoctorTranslate(t: unknown): DoctorTranslate {
  return t as DoctorTranslate;
}
