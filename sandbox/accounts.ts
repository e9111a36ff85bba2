// The sandbox's registered accounts. The app's config uses these as its defaults in sandbox mode,
// so `npm start` works with no configuration; a real deployment sets its own values instead.
export const sandboxLeafAccount = { username: "sandbox", password: "sandbox" } as const;

export const sandboxClients = {
  "climate-fieldview": {
    clientId: "headland-climate-sandbox",
    clientSecret: "sandbox-climate-secret-7c1e",
    apiKey: "sandbox-climate-api-key-52d0",
  },
  "john-deere": {
    clientId: "headland-deere-sandbox",
    clientSecret: "sandbox-deere-secret-a93f",
  },
  trimble: {
    clientId: "headland-trimble-sandbox",
    clientSecret: "sandbox-trimble-secret-4be2",
    applicationName: "headland-sandbox",
  },
} as const;

export type SandboxProviderId = keyof typeof sandboxClients;
