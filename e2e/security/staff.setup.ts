import { test as setup } from "@playwright/test";
import { apiContext, sharedAppUrl, signIn, staffStatePath } from "../support/api";

// Staff sign in once for the whole run and the security suite reuses the session: sign-in allows only
// 10 attempts per account every 15 minutes, and the browser flows sign the same account in too.
setup("sign staff in once", async () => {
  const api = await apiContext(sharedAppUrl);
  await signIn(api, "staff", { email: "staff@headland.test", password: "headland" });
  await api.storageState({ path: staffStatePath });
  await api.dispose();
});
