// Tuned constants of the engine, in one place, with the measurement that set each (see README).
import { DEFAULT_DETECTOR, type DetectorOptions } from '../features/fast-keypoints.js';

export interface MatchParams {
  /** Frames are analysed with their longest side scaled to this. */
  frameMaxSide: number;
  frameDetector: DetectorOptions;
  /** Hamming distance beyond which descriptors never match (of 256 bits). */
  maxDistance: number;
  /** A match must be this much closer than the nearest descriptor of any other pattern. */
  ratio: number;
  ransacThreshold: number;
  ransacIterations: number;
  /** References (best voted first) verified geometrically per frame. */
  verifyTop: number;
  /** Accept only with at least this many geometric inliers… */
  minInliers: number;
  /** …and at least runnerUpFactor × runner-up + runnerUpMargin. */
  runnerUpFactor: number;
  runnerUpMargin: number;
  /** The artwork's outline must cover at least this share of the frame (< 5 % must not stamp). */
  minAreaFraction: number;
}

export const MATCH_PARAMS: MatchParams = {
  frameMaxSide: 480,
  frameDetector: { ...DEFAULT_DETECTOR, maxKeypoints: 500, levels: 4 },
  maxDistance: 64,
  ratio: 0.9,
  ransacThreshold: 4,
  ransacIterations: 400,
  verifyTop: 4,
  minInliers: 12,
  runnerUpFactor: 1.5,
  runnerUpMargin: 4,
  minAreaFraction: 0.04,
};

export interface CompileParams {
  referenceMaxSide: number;
  referenceDetector: DetectorOptions;
}

export const COMPILE_PARAMS: CompileParams = {
  referenceMaxSide: 480,
  referenceDetector: { ...DEFAULT_DETECTOR, maxKeypoints: 700, levels: 7 },
};
