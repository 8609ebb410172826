// Sync protocol between a visitor's outbox and the API: a batch of stamp events in, per-event acks out.
import { z } from 'zod';
import { idSchema } from './campaign.schema.js';

export const SYNC_PROTOCOL_VERSION = 1;
export const MAX_EVENTS_PER_BATCH = 200;

export const matchEvidenceSchema = z.object({
  /** Matcher confidence in [0, 1]. */
  score: z.number().min(0).max(1),
  /** Consecutive frames that agreed before the stamp was confirmed. */
  frames: z.number().int().min(1).max(1000).optional(),
  /** How the frame was captured: live camera or a photo taken with the file picker. */
  source: z.enum(['camera', 'photo']).optional(),
});
export type MatchEvidence = z.infer<typeof matchEvidenceSchema>;

export const stampEventSchema = z.object({
  /** Client-generated UUID; the idempotency key of the stamp. */
  id: idSchema,
  boothId: idSchema,
  patternSetId: idSchema,
  capturedAt: z.string().datetime({ offset: true }),
  evidence: matchEvidenceSchema,
});
export type StampEvent = z.infer<typeof stampEventSchema>;

export const syncRequestSchema = z.object({
  v: z.literal(SYNC_PROTOCOL_VERSION),
  events: z.array(stampEventSchema).max(MAX_EVENTS_PER_BATCH),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

export const STAMP_REJECT_REASONS = [
  'unknown_booth',
  'campaign_not_running',
  'pattern_set_unpublished',
  'pattern_set_unknown',
  'capture_time_invalid',
  'id_conflict',
] as const;
export type StampRejectReason = (typeof STAMP_REJECT_REASONS)[number];

export const stampAckSchema = z.discriminatedUnion('status', [
  z.object({ id: idSchema, status: z.literal('accepted') }),
  z.object({ id: idSchema, status: z.literal('duplicate') }),
  z.object({ id: idSchema, status: z.literal('rejected'), reason: z.enum(STAMP_REJECT_REASONS) }),
]);
export type StampAck = z.infer<typeof stampAckSchema>;

export const serverStampSchema = z.object({
  id: idSchema,
  boothId: idSchema,
  capturedAt: z.string(),
  receivedAt: z.string(),
});
export type ServerStamp = z.infer<typeof serverStampSchema>;

export const syncResponseSchema = z.object({
  v: z.literal(SYNC_PROTOCOL_VERSION),
  serverTime: z.string(),
  acks: z.array(stampAckSchema),
  card: z.object({ stamps: z.array(serverStampSchema) }),
});
export type SyncResponse = z.infer<typeof syncResponseSchema>;
