// What the app uses in sandbox mode when nothing is configured, and what the sandbox registers, so
// `npm start` works with no configuration. Providers keep theirs in their own file (`sandbox.client`).
export const sandboxLeafAccount = { username: "sandbox", password: "sandbox" } as const;
