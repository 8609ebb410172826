// The CLI's compiled-set cache: what its key depends on, and that it keeps the sets used last.
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SetCache } from '../../../src/recognition/cli/set-cache.js';

describe('SetCache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sr-set-cache-'));
  const photo = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('keys on the code, the pattern ids and every photo byte', async () => {
    const a = photo('a.jpg', 'pixels of a');
    const b = photo('b.jpg', 'pixels of b');
    const cache = new SetCache(join(dir, 'sets'), 'code-1');
    const key = await cache.key([
      { id: 'a', files: [a] },
      { id: 'b', files: [b] },
    ]);
    expect(
      await cache.key([
        { id: 'a', files: [a] },
        { id: 'b', files: [b] },
      ]),
    ).toBe(key);
    const variants = [
      new SetCache(join(dir, 'sets'), 'code-2').key([
        { id: 'a', files: [a] },
        { id: 'b', files: [b] },
      ]),
      cache.key([
        { id: 'x', files: [a] },
        { id: 'b', files: [b] },
      ]),
      cache.key([{ id: 'a', files: [a, b] }]),
      cache.key([{ id: 'a', files: [a] }]),
    ];
    for (const other of await Promise.all(variants)) expect(other).not.toBe(key);
    expect(await cache.key([{ id: 'gone', files: [join(dir, 'missing.jpg')] }])).toBeNull();
    writeFileSync(b, 'pixels of b, edited');
    expect(
      await cache.key([
        { id: 'a', files: [a] },
        { id: 'b', files: [b] },
      ]),
    ).not.toBe(key);
  });

  it('reads back what it wrote, and keeps the 32 sets used last', () => {
    const sets = join(dir, 'lru');
    const cache = new SetCache(sets, 'code');
    expect(cache.read('k0')).toBeNull();
    for (let i = 0; i < 32; i++) {
      cache.write(`k${i}`, Uint8Array.of(i, 1, 2));
      const t = new Date(Date.UTC(2026, 0, 1, 0, i)); // k0 oldest … k31 newest
      utimesSync(join(sets, `k${i}.set`), t, t);
    }
    expect([...cache.read('k0')!]).toEqual([0, 1, 2]); // k0 is now the one used last
    cache.write('k32', Uint8Array.of(32));
    const kept = readdirSync(sets);
    expect(kept).toHaveLength(32);
    expect(kept).toContain('k0.set');
    expect(kept).toContain('k32.set');
    expect(kept).not.toContain('k1.set');
  });
});
