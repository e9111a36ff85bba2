import type { Route } from "../router";
import { authenticateRoute } from "./authenticate";
import { credentialRoutes } from "./credentials-routes";
import { userRoutes } from "./users-routes";

export const leafRoutes: Route[] = [authenticateRoute, ...userRoutes, ...credentialRoutes];
