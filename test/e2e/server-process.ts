// Runs the built product server (dist/node/server/server.js) as a child process for end-to-end tests.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ProductServer {
  /** Origin of the running server, e.g. http://127.0.0.1:41234 */
  url: string;
  /** SIGTERM, wait for exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVER_ENTRY = join(REPO_ROOT, 'dist/node/server/server.js');
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const LOG_TAIL_CHARS = 8_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface ProductServerOptions {
  /** Extra environment, e.g. STATIC_DIR to serve a modified copy of the client build. */
  env?: Record<string, string>;
  /** Reuse this data directory (kept on stop) instead of a fresh temporary one. */
  dataDir?: string;
}

/** Starts the server on a free port with a fresh data directory and waits until it is healthy. */
export async function startProductServer(
  options: ProductServerOptions = {},
): Promise<ProductServer> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first`);
  }
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'stamp-rally-e2e-')));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...options.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-LOG_TAIL_CHARS);
  });
  // Drained, or a chatty log would fill the pipe and stall the server.
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));

  async function stop(): Promise<number | null> {
    if (exitCode === undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    return exitCode ?? null;
  }

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) {
      await stop();
      throw new Error(
        `product server exited with code ${exitCode} before it was ready:\n${stderr}`,
      );
    }
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.status === 200) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  await stop();
  throw new Error(
    `product server did not answer ${url}/api/health within ${READY_TIMEOUT_MS / 1000} s:\n${stderr}`,
  );
}
