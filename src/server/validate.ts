// Parses request input with the shared zod schemas; a mismatch becomes a 400 naming the fields.
import type { z } from 'zod';
import { HttpError } from './http-error.js';

export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : what}: ${i.message}`)
    .join('; ');
  throw new HttpError(400, 'validation_failed', `Invalid ${what}: ${details}`);
}
