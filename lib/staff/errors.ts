/** Why a change to the staff team was refused: one row per code, with its HTTP status and its sentence. */
const refusals = {
  last_admin: [409, "Headland needs at least one admin. Make someone else an admin first."],
  not_found: [404, "There is no staff member with that email."],
  already_staff: [409, "That person is already on the staff."],
  invite_ended: [410, "This link no longer works. Ask an admin for a new one."],
  weak_password: [400, "Choose a stronger password."],
  wrong_password: [403, "Your current password is not right."],
} as const satisfies Record<string, readonly [number, string]>;

export type StaffRefusal = keyof typeof refusals;

export class StaffChangeError extends Error {
  constructor(
    readonly code: StaffRefusal,
    /** A more precise sentence than the code's own (the password rule that failed). */
    readonly sentence: string = refusals[code][1],
  ) {
    super(code);
  }

  get status(): number {
    return refusals[this.code][0];
  }
}
