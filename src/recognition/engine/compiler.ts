// Pattern-set compiler: reference photos per pattern → the versioned artifact the matcher loads,
// plus the quality report (recognisability from synthetic camera views, texture, blur, repetition,
// and confusability between every pair of patterns). Same code in Node and in the browser.
import { detectKeypoints } from '../features/fast-keypoints.js';
import {
  ARTIFACT_VERSION,
  encodeArtifact,
  type CompiledPattern,
  type CompiledPatternSet,
  type CompiledReference,
} from './artifact.js';
import { describeKeypoints, type DescriptorNet } from './describe.js';
import { colourThumbnail, MAX_THUMBNAIL_BYTES } from './colour-check.js';
import {
  cropToArtwork,
  firstPhotoMatcher,
  keepArtworkFeatures,
  locateArtwork,
} from './further-photos.js';
import { greyRange, normalizeContrast, scaledGray, type RgbaImage } from './frame.js';
import { Matcher } from './matcher.js';
import { tiltedViewFeatures } from './augment.js';
import { dropSharedFeatures } from './shared-features.js';
import { COMPILE_PARAMS, MATCH_PARAMS, type CompileParams } from './params.js';
import { coverage, crossMatchInliers, repetition, sharpness } from './quality.js';
import {
  QUALITY_REASONS,
  type PatternQuality,
  type QualityReason,
  type QualityReport,
} from './quality-report.js';
import { cameraTestViews } from './test-views.js';
import { grayToRgba } from './warp.js';
import { hashSeed } from '../shared/rng.js';
import type { GrayImage } from '../shared/preprocess.js';

export interface PatternInput {
  id: string;
  images: RgbaImage[];
}

export interface CompileResult {
  set: CompiledPatternSet;
  artifact: Uint8Array;
  report: QualityReport;
}

/** Good: recognised in ≥ 7 of 10 test frames (61 of the 63 patterns the bench recognises ≥ 90 % are). */
function levelFor(score: number): PatternQuality['level'] {
  return score >= 0.7 ? 'good' : score >= 0.3 ? 'weak' : 'poor';
}

/** What the quality report measures on a pattern while its features are extracted. */
export type PatternMeasure = Omit<PatternQuality, 'recognisability' | 'level' | 'reasons'> & {
  grays: GrayImage[];
};

/** Features of one pattern (all its reference photos plus synthetic views): independent of others. */
export async function compilePattern(
  pattern: PatternInput,
  net: DescriptorNet,
  params: CompileParams = COMPILE_PARAMS,
): Promise<{ compiled: CompiledPattern; measure: PatternMeasure }> {
  if (pattern.images.length === 0) throw new Error(`pattern ${pattern.id} has no images`);
  const references: CompiledReference[] = [];
  const m: PatternMeasure = {
    id: pattern.id,
    references: pattern.images.length,
    keypoints: 0,
    coverage: 1,
    sharpness: Infinity,
    contrast: 255,
    minSide: Infinity,
    repetition: 0,
    unmatchedPhotos: 0,
    grays: [],
  };
  let first: Matcher | null = null;
  for (const [i, photo] of pattern.images.entries()) {
    let img = photo;
    let artwork: number[] | undefined;
    if (i > 0) {
      first ??= firstPhotoMatcher(references[0]!, net);
      artwork = await locateArtwork(first, photo);
      if (artwork.length !== 8) m.unmatchedPhotos++;
      if (params.artworkOnly && artwork.length === 8)
        ({ image: img, outline: artwork } = cropToArtwork(photo, artwork));
    }
    // The test views start from the print's own contrast: a faint artwork stays faint on camera.
    const asPrinted = scaledGray(img, params.referenceMaxSide).image;
    const printed = greyRange(asPrinted);
    const image = normalizeContrast(asPrinted, printed);
    const keypoints = detectKeypoints(image, params.referenceDetector);
    const descriptors = await describeKeypoints(image, keypoints, net);
    const features = [...keypoints];
    let allDescriptors = descriptors;
    if (params.augment) {
      const extra = await tiltedViewFeatures(image, net, params.augment);
      // Within the per-booth size budget, thin the extra features evenly across views.
      // The colour thumbnail takes the room of a few keypoints.
      const thumbnail = Math.ceil(MAX_THUMBNAIL_BYTES / (6 + net.dims / 8));
      const room =
        Math.floor(params.maxKeypointsPerPattern / pattern.images.length) -
        keypoints.length -
        thumbnail;
      const keep = Math.max(0, Math.min(extra.descriptors.length, room));
      const pick = Array.from({ length: keep }, (_, i) =>
        Math.floor((i * extra.descriptors.length) / keep),
      );
      features.push(...pick.map((i) => extra.keypoints[i]!));
      allDescriptors = new Uint8Array(descriptors.length + keep * (net.dims / 8));
      allDescriptors.set(descriptors);
      pick.forEach((i, n) =>
        allDescriptors.set(extra.descriptors[i]!, descriptors.length + n * (net.dims / 8)),
      );
    }
    const reference: CompiledReference = {
      width: image.width,
      height: image.height,
      points: Float32Array.from(features.flatMap((k) => [k.x, k.y])),
      angles: Float32Array.from(features, (k) => k.angle),
      sizes: Float32Array.from(features, (k) => k.size),
      descriptors: allDescriptors,
      colours: { ...colourThumbnail(img), ...(artwork && { artwork }) },
    };
    references.push(params.artworkOnly ? keepArtworkFeatures(reference, net.dims / 8) : reference);
    m.keypoints += keypoints.length;
    m.coverage = Math.min(m.coverage, coverage(keypoints, image.width, image.height));
    m.sharpness = Math.min(m.sharpness, sharpness(image));
    m.contrast = Math.min(m.contrast, printed.hi - printed.lo);
    m.minSide = Math.min(m.minSide, photo.width, photo.height);
    m.repetition = Math.max(m.repetition, repetition(descriptors, net.dims / 8, keypoints));
    m.grays.push(asPrinted);
  }
  return { compiled: { id: pattern.id, references }, measure: m };
}

/** The artifact's set from every pattern's features: drops features two patterns share. */
export function assemblePatternSet(
  compiled: CompiledPattern[],
  net: Pick<DescriptorNet, 'sha256' | 'dims'>,
  params: CompileParams = COMPILE_PARAMS,
): CompiledPatternSet {
  if (compiled.length === 0) throw new Error('empty pattern set: give at least one pattern');
  return {
    v: ARTIFACT_VERSION,
    modelSha256: net.sha256,
    descriptorBytes: net.dims / 8,
    patterns: dropSharedFeatures(compiled, net.dims / 8, params.shared),
  };
}

export async function compilePatternSet(
  patterns: PatternInput[],
  net: DescriptorNet,
  params: CompileParams = COMPILE_PARAMS,
): Promise<CompileResult> {
  const started = Date.now();
  const compiled: CompiledPattern[] = [];
  const measures: PatternMeasure[] = [];
  for (const pattern of patterns) {
    const one = await compilePattern(pattern, net, params);
    compiled.push(one.compiled);
    measures.push(one.measure);
  }
  const set = assemblePatternSet(compiled, net, params);
  // The phone's matcher: recognisability is the share of test frames it recognises.
  const matcher = new Matcher(set, net, MATCH_PARAMS);

  const qualities: PatternQuality[] = [];
  // Pairs ("a:b", pattern indices a < b) → the most inliers either pattern's evidence ever gave the
  // other: cross-matching the references, and the matcher on each pattern's camera test frames.
  const confusion = crossMatchInliers(set, MATCH_PARAMS.poseTolerance);
  const indexOf = new Map(patterns.map((p, i) => [p.id, i]));
  const note = (a: number, other: string | null, inliers: number) => {
    const b = other === null ? undefined : indexOf.get(other);
    if (b === undefined || b === a) return;
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    confusion.set(key, Math.max(confusion.get(key) ?? 0, inliers));
  };
  for (const [mi, m] of measures.entries()) {
    let recognised = 0;
    let views = 0;
    const missed = new Set<QualityReason>();
    for (const [r, gray] of m.grays.entries()) {
      const frames = cameraTestViews(gray, hashSeed(`${m.id}/${r}`));
      views += frames.length;
      for (const view of frames) {
        const result = await matcher.match(grayToRgba(view.frame));
        if (result.pattern === m.id) recognised++;
        else missed.add(view.missed);
        // Only evidence enough to accept the other pattern: below the floor, chance reaches it too
        // (wrong candidates on bench frames: 4–9 inliers, spread over unrelated pairs).
        const e = result.evidence;
        const [other, inliers] =
          e.candidate === m.id ? [e.runnerUpPattern, e.runnerUp] : [e.candidate, e.inliers];
        if (inliers >= MATCH_PARAMS.minInliers) note(mi, other, inliers);
      }
    }
    const recognisability = views ? recognised / views : 0;
    const reasons: QualityReason[] = [];
    if (m.keypoints < 150 * m.references) reasons.push('too-little-texture');
    if (m.coverage < 0.5) reasons.push('uneven-texture');
    if (m.minSide < 240) reasons.push('too-small');
    if (m.sharpness < 60) reasons.push('blurred');
    // Below 50 of 255: 5 of the 7 bench patterns this faint are recognised < 70 %, and 5 of the 6
    // recognised < 70 % are this faint.
    if (m.contrast < 50) reasons.push('faint');
    if (m.repetition > 0.35) reasons.push('repetitive');
    if (m.unmatchedPhotos > 0) reasons.push('photos-differ');
    const level = levelFor(recognisability);
    if (level !== 'good') reasons.push('failed-test-views');
    reasons.push(...QUALITY_REASONS.filter((q) => missed.has(q)));
    const { grays, ...rest } = m;
    qualities.push({ ...rest, recognisability, level, reasons });
  }

  const pairs = [...confusion.entries()]
    .filter(([, inliers]) => inliers > 0)
    .map(([key, inliers]) => {
      const [a, b] = key.split(':').map(Number) as [number, number];
      const confusability = inliers / MATCH_PARAMS.minInliers;
      return {
        a: patterns[a]!.id,
        b: patterns[b]!.id,
        inliers,
        confusability,
        warning: confusability >= 0.5,
      };
    })
    .sort((x, y) => y.confusability - x.confusability);
  const report: QualityReport = {
    v: 1,
    patterns: qualities,
    pairs,
    compileMs: Date.now() - started,
  };
  return { set, artifact: encodeArtifact(set), report };
}
