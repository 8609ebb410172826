// Every UI string the app asks for by id has a zh-Hant translation, and no translation is orphaned.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templates } from '../../src/app/locales/zh-Hant.js';

const APP_DIRS = ['src/app', 'src/pwa'];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.parentPath.includes('locales'))
    .map((e) => join(e.parentPath, e.name));
}

/** Ids of msg() calls: `{ id: '…' }` option objects in app sources. */
async function usedMessageIds(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const dir of APP_DIRS) {
    for (const file of await sourceFiles(dir)) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/\bid:\s*['"`]([\w.-]+)['"`]/g)) {
        if (match[1]!.includes('.')) ids.add(match[1]!);
      }
    }
  }
  return ids;
}

describe('zh-Hant translations', () => {
  it('cover every message id the app uses, and only those', async () => {
    const used = await usedMessageIds();
    const translated = new Set(Object.keys(templates));
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((id) => !translated.has(id)).sort()).toEqual([]);
    expect([...translated].filter((id) => !used.has(id)).sort()).toEqual([]);
  });
});
