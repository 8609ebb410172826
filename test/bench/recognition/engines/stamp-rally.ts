// Our engine in Node (onnxruntime-web WASM, one thread) behind the benchmark's engine interface.
import type { Matcher } from '../../../../src/recognition/engine/matcher.js';
import { createNodeEngine } from '../../../../src/recognition/node/node-engine.js';
import type { BenchEngine, MatchOutcome, PatternImages, RgbaImage } from '../engine.js';

export async function createStampRallyEngine(): Promise<BenchEngine> {
  const engine = await createNodeEngine();
  let matcher: Matcher | null = null;
  return {
    name: 'stamp-rally',
    async compile(patterns: PatternImages[]) {
      matcher = engine.loadMatcher((await engine.compile(patterns)).artifact);
    },
    async match(frame: RgbaImage): Promise<MatchOutcome> {
      if (!matcher) throw new Error('compile first');
      const r = await matcher.match(frame);
      return {
        pattern: r.pattern,
        score: r.score,
        candidate: r.evidence.candidate,
        candidateScore: r.evidence.inliers,
      };
    },
  };
}
