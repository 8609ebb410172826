// A fake of the visitor API (register + sync) behind a stubbed fetch, with the server's semantics:
// stamps unique by id server-wide and per visitor and booth; scripted failures; a request log.
import { syncRequestSchema } from '../../../src/shared/sync.schema.js';
import type { ServerStamp, StampAck, SyncResponse } from '../../../src/shared/sync.schema.js';

export type Failure =
  | 'network'
  /** The server applies the batch, then the reply is lost on the way back. */
  | 'lost-reply'
  | { status: number; code: string; retryAfter?: string };

interface StoredStamp extends ServerStamp {
  visitorId: string;
}

export interface LoggedRequest {
  kind: 'register' | 'sync';
  token: string | null;
  eventIds: string[];
  outcome: 'ok' | 'failed';
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

export class FakeApi {
  readonly visitorsByToken = new Map<string, string>();
  readonly stamps = new Map<string, StoredStamp>();
  readonly requests: LoggedRequest[] = [];
  /** Failures for the next requests, in order (register and sync alike unless `only`). */
  readonly script: { failure: Failure; only?: 'register' | 'sync' }[] = [];
  registrations = 0;
  #clock = Date.parse('2025-05-01T10:00:00Z');

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://test.invalid');
    const kind = url.pathname.endsWith('/visitors') ? 'register' : 'sync';
    const auth = new Headers(init?.headers).get('authorization');
    const token = auth?.replace(/^Bearer /, '') ?? null;
    const body: unknown = JSON.parse(String(init?.body ?? 'null'));
    const eventIds =
      kind === 'sync'
        ? ((body as { events?: { id: string }[] }).events ?? []).map((e) => e.id)
        : [];
    // Let other tasks run, as a real round trip would.
    await new Promise((resolve) => setTimeout(resolve, 1));
    const index = this.script.findIndex((s) => !s.only || s.only === kind);
    const failure = index >= 0 ? this.script.splice(index, 1)[0]!.failure : null;
    const log: LoggedRequest = { kind, token, eventIds, outcome: 'failed' };
    this.requests.push(log);
    if (failure === 'network') throw new TypeError('Failed to fetch');
    if (failure && failure !== 'lost-reply') {
      const headers: Record<string, string> = failure.retryAfter
        ? { 'retry-after': failure.retryAfter }
        : {};
      return json(failure.status, { error: { code: failure.code, message: 'scripted' } }, headers);
    }
    const response = kind === 'register' ? this.#register() : this.#sync(token, body);
    if (failure === 'lost-reply') throw new TypeError('Failed to fetch');
    if (response.ok) log.outcome = 'ok';
    return response;
  };

  /** The server loses every token (e.g. restored from an older backup); stamps stay filed. */
  forgetTokens(): void {
    this.visitorsByToken.clear();
  }

  stampsOf(visitorId: string): StoredStamp[] {
    return [...this.stamps.values()].filter((s) => s.visitorId === visitorId);
  }

  /** Visitor ids in registration order. */
  get visitorIds(): string[] {
    return [...new Set(this.visitorsByToken.values())];
  }

  /** How often each stamp id was sent in a sync request. */
  sendCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const r of this.requests)
      for (const id of r.eventIds) counts.set(id, (counts.get(id) ?? 0) + 1);
    return counts;
  }

  #now(): string {
    this.#clock += 1000;
    return new Date(this.#clock).toISOString();
  }

  #register(): Response {
    this.registrations += 1;
    const visitorId = crypto.randomUUID();
    const token = `token-${crypto.randomUUID()}`;
    this.visitorsByToken.set(token, visitorId);
    return json(201, { visitorId, token });
  }

  #sync(token: string | null, body: unknown): Response {
    const visitorId = token ? this.visitorsByToken.get(token) : undefined;
    if (!visitorId) return json(401, { error: { code: 'unauthorized', message: 'Unknown token' } });
    const batch = syncRequestSchema.safeParse(body);
    if (!batch.success) {
      return json(400, { error: { code: 'validation_failed', message: batch.error.message } });
    }
    const acks: StampAck[] = batch.data.events.map((event) => {
      const sameId = this.stamps.get(event.id);
      if (sameId) {
        return sameId.visitorId === visitorId
          ? { id: event.id, status: 'duplicate' }
          : { id: event.id, status: 'rejected', reason: 'id_conflict' };
      }
      if (this.stampsOf(visitorId).some((s) => s.boothId === event.boothId)) {
        return { id: event.id, status: 'duplicate' };
      }
      this.stamps.set(event.id, {
        id: event.id,
        boothId: event.boothId,
        capturedAt: new Date(event.capturedAt).toISOString(),
        receivedAt: this.#now(),
        visitorId,
      });
      return { id: event.id, status: 'accepted' };
    });
    const card = this.stampsOf(visitorId).map(({ visitorId: _, ...stamp }) => stamp);
    const response: SyncResponse = { v: 1, serverTime: this.#now(), acks, card: { stamps: card } };
    return json(200, response);
  }
}

/** Timers the test fires by hand, recording every delay asked for. */
export class ManualTimers {
  readonly delays: number[] = [];
  #pending = new Map<number, () => void>();
  #next = 1;

  set = (fn: () => void, ms: number): unknown => {
    this.delays.push(ms);
    const handle = this.#next++;
    this.#pending.set(handle, fn);
    return handle;
  };

  clear = (handle: unknown): void => {
    this.#pending.delete(handle as number);
  };

  get count(): number {
    return this.#pending.size;
  }

  /** Runs every due callback now (as if their time had come). */
  fire(): void {
    const due = [...this.#pending.values()];
    this.#pending.clear();
    for (const fn of due) fn();
  }
}
