// The server's recognition engine (loaded once, lazily): compiles reference images into the
// artifact visitors' phones match against. Pattern ids are booth ids.
import sharp from 'sharp';
import type { QualityReport } from '../../recognition/engine/quality-report.js';
import { createNodeEngine, type NodeEngine } from '../../recognition/node/node-engine.js';

let engine: Promise<NodeEngine> | null = null;

function loadEngine(): Promise<NodeEngine> {
  // A failed load (e.g. model file missing) is not cached: the next upload tries again.
  engine ??= createNodeEngine().catch((err: unknown) => {
    engine = null;
    throw err;
  });
  return engine;
}

/** sha256 of the recognition model this server compiles with (artifacts record theirs). */
export async function recognitionModelSha256(): Promise<string> {
  return (await loadEngine()).net.sha256;
}

export async function compileBoothReferences(
  references: Array<{ boothId: string; jpeg: Uint8Array }>,
): Promise<{ artifact: Uint8Array; report: QualityReport }> {
  const loaded = await loadEngine();
  const byBooth = new Map<string, Array<{ width: number; height: number; data: Uint8Array }>>();
  for (const r of references) {
    const { data, info } = await sharp(r.jpeg)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const images = byBooth.get(r.boothId) ?? [];
    images.push({ width: info.width, height: info.height, data: new Uint8Array(data) });
    byBooth.set(r.boothId, images);
  }
  const patterns = [...byBooth.entries()].map(([id, images]) => ({ id, images }));
  const { artifact, report } = await loaded.compile(patterns);
  return { artifact, report };
}
