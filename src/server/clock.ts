// Time and ids for the server, injectable so tests can move the clock.
import { randomUUID } from 'node:crypto';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const nowIso = (clock: Clock) => clock.now().toISOString();
export const newId = () => randomUUID();
