// One CLI worker process: its own engine (ONNX model in WASM, one thread) compiles patterns and
// matches query files sent by match-pool.ts, so a folder of queries uses every core.
import sharp from 'sharp';
import { compilePattern } from '../engine/compiler.js';
import type { Matcher } from '../engine/matcher.js';
import { decodeImageFile, ImageReadError } from '../node/decode-image.js';
import { createNodeEngine } from '../node/node-engine.js';
import type { PoolReply, PoolRequest } from './pool-messages.js';

// Each worker decodes one image at a time; the workers themselves use the cores.
sharp.concurrency(1);
const engine = createNodeEngine();
let matcher: Matcher | null = null;

async function handle(req: PoolRequest): Promise<PoolReply> {
  const { net, loadMatcher } = await engine;
  switch (req.op) {
    case 'compile': {
      const images = await Promise.all(req.files.map(decodeImageFile));
      const { compiled } = await compilePattern({ id: req.pattern, images }, net);
      return { id: req.id, ok: true, compiled, model: { sha256: net.sha256, dims: net.dims } };
    }
    case 'load':
      matcher = loadMatcher(req.artifact);
      return { id: req.id, ok: true };
    case 'match': {
      if (!matcher) throw new Error('no pattern set loaded');
      const result = await matcher.match(await decodeImageFile(req.file));
      return { id: req.id, ok: true, pattern: result.pattern, score: result.score };
    }
  }
}

const send = (reply: PoolReply) => process.send!(reply);
process.on('message', (req: PoolRequest) => {
  handle(req).then(
    (reply) => send(reply),
    (err: unknown) =>
      send({
        id: req.id,
        ok: false,
        message: err instanceof Error ? err.message : String(err),
        unreadable: err instanceof ImageReadError,
      }),
  );
});
// The CLI gone (killed, crashed): nothing is left to answer.
process.on('disconnect', () => process.exit(0));
