// Organizer and staff sign-in.
import { z } from 'zod';

export const ACCOUNT_ROLES = ['organizer', 'staff'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const signInRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const signInResponseSchema = z.object({
  token: z.string(),
  role: z.enum(ACCOUNT_ROLES),
  username: z.string(),
  expiresAt: z.string(),
});
export type SignInResponse = z.infer<typeof signInResponseSchema>;
