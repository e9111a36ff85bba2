import "server-only";
import { forbidden, redirect } from "next/navigation";
import { staffRoleOf } from "./staff";
import { currentViewer, type Viewer } from "./viewer";

type Staff = Extract<Viewer, { role: "staff" }>;
type Grower = Extract<Viewer, { role: "grower" }>;

/** Pages for partner staff: anonymous visitors sign in, growers get a 403 page. */
export async function requireStaff(): Promise<Staff> {
  const viewer = await currentViewer();
  if (!viewer) redirect("/signin");
  if (viewer.role !== "staff") forbidden();
  return viewer;
}

/** Pages that manage the staff team: members get a 403 page. The role is read again from the database. */
export async function requireAdmin(): Promise<Staff> {
  const viewer = await requireStaff();
  if (viewer.staffRole !== "admin" || (await staffRoleOf(viewer.email)) !== "admin") forbidden();
  return viewer;
}

/** The grower's own pages: staff and anonymous visitors get a 403 page or the sign-in page. */
export async function requireGrower(): Promise<Grower> {
  const viewer = await currentViewer();
  if (!viewer) redirect("/signin?grower=1");
  if (viewer.role !== "grower") forbidden();
  return viewer;
}

/** Where each visitor starts: staff on the dashboard, a grower on their connections, anyone else signing in. */
export function homePath(viewer: Viewer | undefined): string {
  return viewer?.role === "staff" ? "/dashboard" : viewer ? "/connections" : "/signin";
}

/** The sign-in page is for the signed out: anyone signed in is sent to their start page instead of the form. */
export async function redirectSignedIn(): Promise<void> {
  const viewer = await currentViewer();
  if (viewer) redirect(homePath(viewer));
}
