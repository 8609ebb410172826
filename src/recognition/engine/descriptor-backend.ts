// Choosing where the descriptor network runs: a trial that runs the same probe patches through two
// networks (WASM and WebGPU in the browser) and measures how often their descriptor bits agree and
// how fast each is, the rule that picks one, and a network handle whose backend can be swapped
// between frames. Runtime-free, so Node tests it with any two networks.
import { PATCH_SIZE, SAMPLE_GRID, gridInput } from '../shared/patches.js';
import { createRng } from '../shared/rng.js';
import type { DescriptorNet } from './describe.js';

export type Backend = 'wasm' | 'webgpu';

export interface BackendTrial {
  /** Share of descriptor bits (signs) on which the two networks agree, over all probe patches. */
  agreement: number;
  /** Median ms per probe batch, after one warm-up run each. */
  baselineMs: number;
  candidateMs: number;
  patches: number;
}

/** A GPU's descriptors may differ from WASM's in the last float bits, never in more than this share of signs. */
export const MIN_SIGN_AGREEMENT = 0.999;
/** The candidate must be at least this much faster to be worth a second runtime. */
export const MIN_SPEEDUP = 1.25;

/**
 * `count` network inputs of textured patches: 32×32 grids of three octaves of seeded value noise
 * (grey levels 0–255), pooled and standardised by `gridInput`, so every layer of the network sees
 * edges, blobs and gradients as on real keypoints.
 */
export function probePatches(count: number, seed = 7): Float32Array {
  const rng = createRng(seed);
  const out = new Float32Array(count * PATCH_SIZE * PATCH_SIZE);
  const grid = new Float32Array(SAMPLE_GRID * SAMPLE_GRID);
  for (let n = 0; n < count; n++) {
    grid.fill(0);
    for (const [cells, weight] of [
      [3, 120],
      [7, 80],
      [15, 50],
    ] as const) {
      const knots = Float32Array.from({ length: (cells + 1) ** 2 }, () => rng.next());
      const step = (SAMPLE_GRID - 1) / cells;
      for (let y = 0; y < SAMPLE_GRID; y++) {
        const gy = Math.min(Math.floor(y / step), cells - 1);
        const fy = y / step - gy;
        for (let x = 0; x < SAMPLE_GRID; x++) {
          const gx = Math.min(Math.floor(x / step), cells - 1);
          const fx = x / step - gx;
          const at = (i: number, j: number) => knots[(gy + j) * (cells + 1) + gx + i]!;
          const v =
            (1 - fx) * (1 - fy) * at(0, 0) +
            fx * (1 - fy) * at(1, 0) +
            (1 - fx) * fy * at(0, 1) +
            fx * fy * at(1, 1);
          grid[y * SAMPLE_GRID + x] = grid[y * SAMPLE_GRID + x]! + v * weight;
        }
      }
    }
    gridInput(grid, out, n * PATCH_SIZE * PATCH_SIZE);
  }
  return out;
}

/** Milliseconds from some origin (performance.now; passed in, as this module is runtime-free). */
export type Clock = () => number;

async function medianMs(
  net: DescriptorNet,
  patches: Float32Array,
  count: number,
  runs: number,
  now: Clock,
) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = now();
    await net.run(patches.slice(), count);
    times.push(now() - started);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

/** Runs the probe through both networks: sign agreement, then timing (warm-up excluded). */
export async function compareNets(
  baseline: DescriptorNet,
  candidate: DescriptorNet,
  now: Clock,
  count = 512,
  timedRuns = 3,
): Promise<BackendTrial> {
  if (baseline.dims !== candidate.dims) {
    throw new Error(`descriptor sizes differ: ${baseline.dims} and ${candidate.dims}`);
  }
  const patches = probePatches(count);
  const a = await baseline.run(patches.slice(), count);
  const b = await candidate.run(patches.slice(), count);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! > 0 === b[i]! > 0) same++;
  return {
    agreement: a.length === 0 ? 0 : same / a.length,
    baselineMs: await medianMs(baseline, patches, count, timedRuns, now),
    candidateMs: await medianMs(candidate, patches, count, timedRuns, now),
    patches: count,
  };
}

/** Why the candidate is not used, or null when it should be (`forced`: speed does not matter). */
export function rejectCandidate(trial: BackendTrial, forced = false): string | null {
  if (!(trial.agreement >= MIN_SIGN_AGREEMENT)) {
    return `descriptors disagree with WASM on ${((1 - trial.agreement) * 100).toFixed(2)} % of bits`;
  }
  if (!forced && !(trial.candidateMs * MIN_SPEEDUP <= trial.baselineMs)) {
    return `not faster (${trial.candidateMs.toFixed(1)} ms against ${trial.baselineMs.toFixed(1)} ms per ${trial.patches} patches)`;
  }
  return null;
}

/**
 * The matcher's network: delegates to the active backend. `use` swaps it (call it between frames:
 * one frame's descriptors then all come from one backend) and releases the previous one. With a
 * fallback, a failing WebGPU run (a lost GPU device: the phone backgrounded the page, ran out of
 * memory, updated its driver) switches to WASM for good and is retried there, so no frame fails.
 */
export class SwitchableNet implements DescriptorNet {
  private fallback: (() => Promise<DescriptorNet>) | null = null;
  private fallingBack: Promise<void> | null = null;
  private failed: string | null = null;

  constructor(
    private active: DescriptorNet,
    private activeBackend: Backend,
  ) {}

  get sha256(): string {
    return this.active.sha256;
  }

  get dims(): number {
    return this.active.dims;
  }

  get backend(): Backend {
    return this.activeBackend;
  }

  /** Why the GPU backend was given up mid-scan (null: it was not). */
  get failure(): string | null {
    return this.failed;
  }

  /** How to make a WASM network should a non-WASM backend fail. */
  fallBackWith(make: () => Promise<DescriptorNet>): void {
    this.fallback = make;
  }

  async run(patches: Float32Array, count: number): Promise<Float32Array> {
    const backend = this.activeBackend;
    try {
      return await this.active.run(patches, count);
    } catch (err) {
      if (backend === 'wasm' || !this.fallback) throw err;
      this.fallingBack ??= this.fallBack(err);
      await this.fallingBack;
      return this.active.run(patches, count);
    }
  }

  private async fallBack(err: unknown): Promise<void> {
    this.failed = err instanceof Error ? err.message : String(err);
    const wasm = await this.fallback!();
    const lost = this.active;
    this.active = wasm;
    this.activeBackend = 'wasm';
    await lost.release?.().catch(() => undefined);
  }

  async use(net: DescriptorNet, backend: Backend): Promise<void> {
    if (net.sha256 !== this.active.sha256 || net.dims !== this.active.dims) {
      throw new Error('a backend swap must keep the same descriptor model');
    }
    const previous = this.active;
    this.active = net;
    this.activeBackend = backend;
    if (previous !== net) await previous.release?.();
  }

  release(): Promise<void> {
    return this.active.release?.() ?? Promise.resolve();
  }
}

/** What the worker asks for: 'auto' tries WebGPU in the background and keeps it only if it passes. */
export type BackendChoice = 'auto' | Backend;

/** The outcome of a backend choice: the backend chosen, the trial behind it, and why not WebGPU. */
export interface BackendReport {
  backend: Backend;
  trial: BackendTrial | null;
  /** Why WebGPU was not chosen (null when it was). */
  note: string | null;
}
