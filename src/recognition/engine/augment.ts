// Reference-side augmentation at compile time: the reference is warped into strongly tilted camera
// views, keypoints are detected and described there and mapped back to reference coordinates
// (orientation and size too), so a poster seen at 45–55° matches descriptors computed under
// similar foreshortening (the descriptor itself is only rotation-invariant, and FAST finds
// different corners on a squeezed poster).
import { detectKeypoints, type DetectorOptions } from '../features/fast-keypoints.js';
import { applyHomography, invert, type Mat3, type Point } from '../shared/homography.js';
import { resizeGray, type GrayImage } from '../shared/preprocess.js';
import { describeKeypoints, type DescriptorNet } from './describe.js';
import type { Keypoint } from '../shared/patches.js';
import { mapKeypoint } from './pose-check.js';
import { homographyToCorners, warpGray } from './warp.js';

export interface AugmentOptions {
  /** Tilt angles in degrees; each is applied about the vertical and the horizontal axis, both ways. */
  tiltsDeg: readonly number[];
  /** Frontal views shrunk by these factors (small posters in the frame match their features). */
  scales: readonly number[];
  detector: DetectorOptions;
  /** Keypoints within this distance (reference pixels) of the border are dropped: their patches hold the warp's grey canvas. */
  borderMargin: number;
}

/** Outline of a w×h plane rotated by `deg` about a centred axis and seen by a pinhole camera. */
export function tiltedCorners(w: number, h: number, deg: number, axis: 'x' | 'y'): Point[] {
  const t = (deg * Math.PI) / 180;
  const distance = 1.5 * Math.max(w, h);
  const project = (x: number, y: number): Point => {
    const X = x - w / 2;
    const Y = y - h / 2;
    const [px, py, z] =
      axis === 'y' ? [X * Math.cos(t), Y, X * Math.sin(t)] : [X, Y * Math.cos(t), Y * Math.sin(t)];
    const k = distance / (distance + z);
    return { x: w / 2 + px * k, y: h / 2 + py * k };
  };
  return [project(0, 0), project(w, 0), project(w, h), project(0, h)];
}

/** Extra keypoints (reference coordinates) and their descriptors from the tilted views. */
export async function tiltedViewFeatures(
  gray: GrayImage,
  net: DescriptorNet,
  options: AugmentOptions,
): Promise<{ keypoints: Keypoint[]; descriptors: Uint8Array[] }> {
  const features: Keypoint[] = [];
  const descriptors: Uint8Array[] = [];
  const { width: w, height: h } = gray;
  const m = options.borderMargin;
  // Each view: the image and the homography mapping its pixels back to the reference.
  const views: Array<{ view: GrayImage; back: Mat3 }> = [];
  for (const deg of options.tiltsDeg) {
    for (const axis of ['y', 'x'] as const) {
      for (const sign of [1, -1]) {
        const toView = homographyToCorners(w, h, tiltedCorners(w, h, sign * deg, axis));
        const view = toView && warpGray(gray, toView, w, h);
        const back = toView && invert(toView);
        if (view && back) views.push({ view, back });
      }
    }
  }
  for (const s of options.scales) {
    // Box-filtered, as a camera integrates a small poster (a bilinear warp would alias).
    const view = resizeGray(gray, Math.round(w * s), Math.round(h * s));
    const [sx, sy] = [w / view.width, h / view.height];
    const back: Mat3 = [sx, 0, (sx - 1) / 2, 0, sy, (sy - 1) / 2, 0, 0, 1];
    views.push({ view, back });
  }
  const bytes = net.dims / 8;
  for (const { view, back } of views) {
    const keypoints = detectKeypoints(view, options.detector).filter((k) => {
      const p = applyHomography(back, k);
      return p.x >= m && p.y >= m && p.x <= w - m && p.y <= h - m;
    });
    const desc = await describeKeypoints(view, keypoints, net);
    keypoints.forEach((k, i) => {
      features.push(mapKeypoint(back, k));
      descriptors.push(desc.subarray(i * bytes, (i + 1) * bytes));
    });
  }
  return { keypoints: features, descriptors };
}
