// The pluggable engine contract the benchmark scores: compile the venue's references once, then
// match one decoded frame at a time. The real engine implements the same shape.

/** Decoded image, RGBA 8-bit (what the browser's ImageData gives, and sharp in Node). */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface PatternImages {
  id: string;
  images: RgbaImage[];
}

export interface MatchOutcome {
  pattern: string | null;
  score: number;
  /** Best candidate before the accept threshold, so the bench can sweep thresholds. */
  candidate?: string | null;
  candidateScore?: number;
  /** Time the engine measured itself (e.g. inside the browser worker); else the runner's. */
  ms?: number;
}

export interface BenchEngine {
  readonly name: string;
  compile(patterns: PatternImages[]): Promise<void>;
  match(frame: RgbaImage): Promise<MatchOutcome>;
  dispose?(): void;
}
