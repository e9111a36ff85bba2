import type { Catalog } from "../catalog";
import type { Route } from "../router";
import { alertRoutes } from "./alerts";
import { authenticateRoute } from "./authenticate";
import { credentialRoutes } from "./credentials-routes";
import { userRoutes } from "./users-routes";

export const leafRoutes = (catalog: Catalog): Route[] => [
  authenticateRoute,
  ...userRoutes,
  ...credentialRoutes(catalog),
  ...alertRoutes,
];
