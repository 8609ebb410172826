// Locates files shipped in the repository, whether the server runs from src/ (tests) or dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'server'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('stamp-rally project root not found');
    dir = parent;
  }
}

export const PROJECT_ROOT = findProjectRoot();
export const DEMO_PATTERNS_DIR = join(PROJECT_ROOT, 'src', 'server', 'seed', 'demo-patterns');
