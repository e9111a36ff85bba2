// GET|POST /api/auth/*: next-auth (staff password sign-in, grower invite sign-in, JWT sessions).
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request so configuration is read at run time, not at build time.
const handler = (request: Request, context: Context) => NextAuth(authOptions())(request, context);

export { handler as GET, handler as POST };
