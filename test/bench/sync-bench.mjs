#!/usr/bin/env node
// `npm run bench:sync`: throughput and latency of the sync endpoint on the embedded SQLite database
// (or DATABASE_URL), through the real app with in-process requests. Prints figures; asserts nothing.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../dist/node/server/app.js';
import { prepareDatabase } from '../../dist/node/server/bootstrap.js';
import { systemClock } from '../../dist/node/server/clock.js';
import { loadConfig } from '../../dist/node/server/config.js';

const VISITORS = Number(process.env.BENCH_VISITORS ?? 300);
const CONCURRENCY = 16;
const config = loadConfig({
  ...process.env,
  DATA_DIR: mkdtempSync(join(tmpdir(), 'sr-bench-')),
  STATIC_DIR: '/nonexistent',
  LOG_LEVEL: 'silent',
  RATE_LIMIT_PER_MINUTE: '100000000',
  TOKEN_RATE_LIMIT_PER_MINUTE: '100000000',
});
const database = await prepareDatabase(config, systemClock);
const app = await buildApp({ config, database, logger: false });
const campaign = (await app.inject({ url: '/api/v1/campaigns/demo' })).json();

async function register() {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64url');
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/campaigns/demo/visitors',
    payload: { devicePublicKey: key },
  });
  return res.json().token;
}

function batchFor() {
  return {
    v: 1,
    events: campaign.booths.map((b) => ({
      id: randomUUID(),
      boothId: b.id,
      patternSetId: campaign.patternSet.id,
      capturedAt: new Date().toISOString(),
      evidence: { score: 0.9, frames: 3, source: 'camera' },
    })),
  };
}

async function run(label, jobs) {
  const latencies = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        const t0 = performance.now();
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/campaigns/demo/sync',
          headers: { authorization: `Bearer ${job.token}` },
          payload: job.batch,
        });
        if (res.statusCode !== 200) throw new Error(`sync ${res.statusCode}: ${res.body}`);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
  const events = jobs.reduce((n, j) => n + j.batch.events.length, 0);
  console.log(
    `${label.padEnd(28)} ${jobs.length} batches, ${events} events: ${(events / seconds).toFixed(0)} events/s, ` +
      `p50 ${pct(0.5)} ms, p95 ${pct(0.95)} ms per batch`,
  );
}

const jobs = [];
for (let i = 0; i < VISITORS; i++) jobs.push({ token: await register(), batch: batchFor() });
console.log(
  `sync benchmark on ${database.dialect}, ${VISITORS} visitors × ${campaign.booths.length} stamps, concurrency ${CONCURRENCY}`,
);
await run('first delivery', jobs);
await run('retry (all duplicates)', jobs);
await app.close();
await database.close();
