import { redirect } from "next/navigation";
import { homePath } from "@/lib/auth/page-guards";
import { currentViewer } from "@/lib/auth/viewer";

export default async function Home() {
  redirect(homePath(await currentViewer()));
}
