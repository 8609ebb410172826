// Public campaign configuration as the visitor app receives it (GET /api/v1/campaigns/:slug).
import { z } from 'zod';
import { localizedTextSchema } from './locale.js';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;
export const slugSchema = z.string().regex(SLUG_PATTERN, 'lower-case letters, digits and dashes');
export const idSchema = z.string().uuid();

export const prizeTierSchema = z.object({
  id: z.string().min(1).max(64),
  name: localizedTextSchema,
  stampsRequired: z.number().int().min(1),
  /** Prizes left; null when the organizer did not limit stock. */
  stockRemaining: z.number().int().min(0).nullable(),
});
export type PrizeTier = z.infer<typeof prizeTierSchema>;

export const campaignRulesSchema = z.object({
  stampsRequired: z.number().int().min(1),
  prizeTiers: z.array(prizeTierSchema).max(10),
});
export type CampaignRules = z.infer<typeof campaignRulesSchema>;

export const floorPositionSchema = z.object({
  floor: z.string().max(20),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
});

export const publicBoothSchema = z.object({
  id: idSchema,
  position: z.number().int().min(0),
  name: localizedTextSchema,
  hint: localizedTextSchema.nullable(),
  floorPosition: floorPositionSchema.nullable(),
  thumbnailUrl: z.string().nullable(),
});
export type PublicBooth = z.infer<typeof publicBoothSchema>;

export const patternSetRefSchema = z.object({
  id: idSchema,
  contentHash: z.string(),
  artifactUrl: z.string(),
  publishedAt: z.string(),
});
export type PatternSetRef = z.infer<typeof patternSetRefSchema>;

export const CAMPAIGN_STATUSES = ['upcoming', 'running', 'ended'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const publicCampaignSchema = z.object({
  v: z.literal(1),
  slug: slugSchema,
  name: localizedTextSchema,
  startsAt: z.string(),
  endsAt: z.string(),
  timezone: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  rules: campaignRulesSchema,
  booths: z.array(publicBoothSchema),
  patternSet: patternSetRefSchema.nullable(),
});
export type PublicCampaign = z.infer<typeof publicCampaignSchema>;

/** Where a campaign stands at `now` given its window (ISO-8601 instants). */
export function campaignStatus(startsAt: string, endsAt: string, now: Date): CampaignStatus {
  const t = now.getTime();
  if (t < Date.parse(startsAt)) return 'upcoming';
  if (t >= Date.parse(endsAt)) return 'ended';
  return 'running';
}
