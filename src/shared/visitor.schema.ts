// Anonymous visitor registration: a device announces its public key and gets an opaque bearer token.
import { z } from 'zod';
import { idSchema } from './campaign.schema.js';

export const registerVisitorRequestSchema = z.object({
  /** The device's public key (base64url SPKI, ECDSA P-256), used later to sign redemption codes. */
  devicePublicKey: z
    .string()
    .min(40)
    .max(400)
    .regex(/^[A-Za-z0-9_-]+$/, 'base64url'),
});
export type RegisterVisitorRequest = z.infer<typeof registerVisitorRequestSchema>;

export const registerVisitorResponseSchema = z.object({
  visitorId: idSchema,
  token: z.string(),
});
export type RegisterVisitorResponse = z.infer<typeof registerVisitorResponseSchema>;
