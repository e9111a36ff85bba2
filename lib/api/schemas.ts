import "server-only";
import "zod-openapi";
import { z } from "zod";
import { locales } from "@/i18n/locales";
import { inviteUseLimits } from "@/lib/auth/invite-limits";
import { connectionStatuses } from "@/lib/connections/status";
import { statusFilters } from "@/lib/dashboard/view";
import { eventTypes } from "@/lib/events/types";
import { providers } from "@/lib/providers";

// The partner API's shapes: the same schemas validate requests in the routes and make the OpenAPI document
// (lib/api/openapi.ts), so the two cannot drift. `id` in .meta() makes a schema a named component.

const providerIds = providers.map((p) => p.id) as [string, ...string[]];
const at = z.iso.datetime({ offset: true });

export const providerId = z.enum(providerIds).meta({ id: "ProviderId", description: "A provider Headland connects." });

export const growerId = z
  .string()
  .min(1)
  .max(200)
  .meta({ description: "The grower's Leaf user id: the same id staff see in Headland's grower URLs." });

export const growerPath = z.object({ id: growerId });
export const connectionPath = z.object({ id: growerId, provider: providerId });

export const inviteExpiryDays = { default: 7, min: 1, max: 30 } as const;

export const newInviteRequest = z
  .strictObject({
    maxUses: z
      .number()
      .int()
      .min(inviteUseLimits.min)
      .max(inviteUseLimits.max)
      .default(inviteUseLimits.default)
      .meta({ description: "How many times the link may sign the grower in." }),
    expiresInDays: z
      .number()
      .int()
      .min(inviteExpiryDays.min)
      .max(inviteExpiryDays.max)
      .default(inviteExpiryDays.default)
      .meta({ description: "Days until the link stops working." }),
  })
  .meta({ id: "NewInviteRequest" });

export const createGrowerRequest = z
  .strictObject({
    name: z.string().trim().min(1, "Give the grower's name.").max(200),
    email: z.email("Give a valid email address.").trim().max(320),
    externalId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Your own id for the grower (e.g. your CRM's); unique, returned on every read." }),
    invite: newInviteRequest.optional().meta({ description: "The first invite link's uses and expiry." }),
    locale: z
      .enum(locales)
      .optional()
      .meta({
        description:
          "The grower's language: invite emails are written in it, and the invite page opens in it unless the " +
          "grower's browser asks for another of these. English when not given.",
      }),
  })
  .meta({ id: "CreateGrowerRequest" });

export const listGrowersQuery = z.strictObject({
  cursor: z.string().max(500).optional().meta({ description: "`nextCursor` from the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  q: z.string().trim().max(100).optional().meta({ description: "Matches any part of the name, email or id." }),
  status: z
    .enum(statusFilters)
    .optional()
    .meta({ description: "Growers with a connection in this status; `attention` is every status needing action." }),
  provider: providerId.optional().meta({ description: "Growers connected to this provider (with `status`: in it)." }),
  externalId: z.string().max(200).optional().meta({ description: "The grower with this external id." }),
});

export const listEventsQuery = z.strictObject({
  after: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ description: "`nextCursor` from the previous call: only events after it." }),
  since: at.optional().meta({ description: "Only events at or after this time (for the first call)." }),
  type: z.enum(eventTypes).optional(),
  growerId: growerId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const connection = z
  .object({
    provider: providerId,
    providerName: z.string(),
    status: z.enum(connectionStatuses),
    statusWords: z.string().meta({ description: "The status as the dashboard shows it." }),
    statusSentence: z.string().meta({ description: "What it means and what to do, as staff read it." }),
    since: at.nullable().meta({ description: "When the status last changed; null if never checked." }),
    checkedAt: at.nullable(),
    problem: z.string().nullable().meta({ description: "Why the last check failed, if it did." }),
  })
  .meta({ id: "Connection" });

export const grower = z
  .object({
    id: growerId,
    name: z.string(),
    email: z.string(),
    externalId: z.string().nullable(),
    createdAt: at,
    connections: z.array(connection),
  })
  .meta({ id: "Grower" });

export const invite = z
  .object({ url: z.url(), expiresAt: at, maxUses: z.number().int() })
  .meta({ id: "Invite", description: "A sign-in link for the grower; every earlier link stopped working." });

export const createdGrower = grower.extend({ invite }).meta({ id: "CreatedGrower" });

export const growerPage = z
  .object({
    data: z.array(grower),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null at the end." }),
  })
  .meta({ id: "GrowerPage" });

export const event = z
  .object({
    id: z.number().int(),
    type: z.enum(eventTypes),
    at,
    growerId,
    provider: providerId.nullable(),
    status: z.enum(connectionStatuses).nullable(),
    previousStatus: z.enum(connectionStatuses).nullable(),
    reason: z.string().nullable().meta({ description: "Why a connection broke, when it did." }),
  })
  .meta({ id: "Event" });

export const eventPage = z
  .object({
    data: z.array(event),
    nextCursor: z.number().int().meta({ description: "Pass as `after` next time; unchanged when nothing is new." }),
  })
  .meta({ id: "EventPage" });

export const problemDocument = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details." });

export type GrowerBody = z.output<typeof grower>;
export type EventBody = z.output<typeof event>;
