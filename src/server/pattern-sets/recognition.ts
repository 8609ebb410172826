// The server's recognition engine (loaded once, lazily): compiles reference images into the
// artifact visitors' phones match against. Pattern ids are booth ids.
import sharp from 'sharp';
import type { QualityReport } from '../../recognition/engine/quality-report.js';
import { createNodeEngine, type NodeEngine } from '../../recognition/node/node-engine.js';

let engine: Promise<NodeEngine> | null = null;

export async function compileBoothReferences(
  references: Array<{ boothId: string; jpeg: Uint8Array }>,
): Promise<{ artifact: Uint8Array; report: QualityReport }> {
  // A failed load (e.g. model file missing) is not cached: the next upload tries again.
  engine ??= createNodeEngine().catch((err: unknown) => {
    engine = null;
    throw err;
  });
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
  const { artifact, report } = await (await engine).compile(patterns);
  return { artifact, report };
}
