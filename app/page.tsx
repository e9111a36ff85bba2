import { redirect } from "next/navigation";
import { currentViewer } from "@/lib/auth/viewer";

export default async function Home() {
  const viewer = await currentViewer();
  redirect(viewer?.role === "staff" ? "/dashboard" : viewer ? "/connections" : "/signin");
}
