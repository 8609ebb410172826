// Browser side of the parity fixtures: starts the real recognition worker and replays the Node
// engine's fixture frames through it, returning what the browser decided for each.
import { commands } from 'vitest/browser';
import { descriptorModelUrl as modelUrl } from '../../../src/recognition/client/model-url.js';
import {
  RecognitionClient,
  type LoadedSet,
} from '../../../src/recognition/client/recognition-client.js';
import type { BackendChoice } from '../../../src/recognition/engine/descriptor-backend.js';
import type { ParityCase } from './node-commands.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    recognitionParityCase: () => Promise<ParityCase>;
  }
}

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

export const parityCase = () => commands.recognitionParityCase();

export function startClient(): RecognitionClient {
  return new RecognitionClient(
    () =>
      new Worker(
        new URL('../../../src/recognition/worker/recognition.worker.ts', import.meta.url),
        {
          type: 'module',
        },
      ),
  );
}

/**
 * Starts a worker, loads the fixture set on `backend`, runs `body` with the client and what the
 * load answered, and terminates the worker whatever happens.
 */
export async function withFixtureClient<T>(
  fixture: ParityCase,
  backend: BackendChoice,
  body: (client: RecognitionClient, loaded: LoadedSet) => Promise<T>,
): Promise<T> {
  const client = startClient();
  try {
    return await body(client, await loadFixtureSet(client, fixture, backend));
  } finally {
    client.terminate();
  }
}

export async function loadFixtureSet(
  client: RecognitionClient,
  fixture: ParityCase,
  backend: BackendChoice,
) {
  return client.load(modelUrl, bytes(fixture.artifact), backend);
}

/** Each fixture frame through the worker: decision, inliers, keypoints and the backend used. */
export async function replayFrames(client: RecognitionClient, fixture: ParityCase) {
  const seen = [];
  for (const frame of fixture.frames) {
    const r = await client.match({
      width: frame.width,
      height: frame.height,
      data: bytes(frame.rgba),
    });
    seen.push({
      decision: {
        pattern: r.pattern,
        inliers: r.evidence.inliers,
        keypoints: r.evidence.keypoints,
        rejected: r.evidence.rejected,
      },
      backend: r.backend,
    });
  }
  return seen;
}
