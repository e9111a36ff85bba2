// What the app uses in sandbox mode when nothing is configured, and what the sandbox registers, so
// `npm start` works with no configuration. Providers keep theirs in their own file (`sandbox.client`).
export const sandboxLeafAccount = { username: "sandbox", password: "sandbox" } as const;
/** The demo staff account of sandbox mode, the only credentials the sign-in page ever shows. */
export const sandboxStaffAccount = { email: "staff@headland.test", password: "headland" } as const;
