// The compiled pattern-set artifact: a versioned binary the server stores and clients download.
// Layout: "SRPS", u32 header length, ASCII JSON header, zero padding to 4 bytes, then per reference
// (in header order) u16 keypoint coordinates ×16 (x, y), then every keypoint's orientation (u8,
// 360/256 degrees), then every size (u8, 2^(n/16) pixels), then the binary descriptors, then the
// colour thumbnail (u8 R, G, B per cell, row by row; colour-check.ts).

import type { ColourThumbnail } from './colour-check.js';

export const ARTIFACT_MAGIC = 'SRPS';
export const ARTIFACT_VERSION = 3;
const COORD_SCALE = 16;
/** Size steps per octave. */
const SIZE_STEPS = 16;

export interface CompiledReference {
  width: number;
  height: number;
  /** x0, y0, x1, y1, … in reference pixels. */
  points: Float32Array;
  /** Per keypoint: orientation in degrees and support diameter, in reference pixels. */
  angles: Float32Array;
  sizes: Float32Array;
  /** count × descriptorBytes. */
  descriptors: Uint8Array;
  /** The reference photo's colours, for the matcher's colour check. */
  colours: ColourThumbnail;
}

/** `r` with only the features `keep` (indices, ascending), the rest of it shared. */
export function keepFeatures(
  r: CompiledReference,
  keep: readonly number[],
  bytes: number,
): CompiledReference {
  const descriptors = new Uint8Array(keep.length * bytes);
  keep.forEach((i, n) =>
    descriptors.set(r.descriptors.subarray(i * bytes, (i + 1) * bytes), n * bytes),
  );
  return {
    ...r,
    points: Float32Array.from(keep.flatMap((i) => [r.points[2 * i]!, r.points[2 * i + 1]!])),
    angles: Float32Array.from(keep, (i) => r.angles[i]!),
    sizes: Float32Array.from(keep, (i) => r.sizes[i]!),
    descriptors,
  };
}

export interface CompiledPattern {
  id: string;
  references: CompiledReference[];
}

export interface CompiledPatternSet {
  v: typeof ARTIFACT_VERSION;
  /** sha256 of the model that computed the descriptors: a matcher must use the same one. */
  modelSha256: string;
  descriptorBytes: number;
  patterns: CompiledPattern[];
}

interface Header {
  v: number;
  modelSha256: string;
  descriptorBytes: number;
  patterns: Array<{
    id: string;
    /** `colours`: the thumbnail's cells across and down. */
    references: Array<{
      width: number;
      height: number;
      count: number;
      colours: [number, number];
      artwork?: number[];
    }>;
  }>;
}

export class ArtifactFormatError extends Error {
  override name = 'ArtifactFormatError';
}

/** JSON with every non-ASCII character escaped, so one byte per character both ways. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export function encodeArtifact(set: CompiledPatternSet): Uint8Array {
  const header: Header = {
    v: set.v,
    modelSha256: set.modelSha256,
    descriptorBytes: set.descriptorBytes,
    patterns: set.patterns.map((p) => ({
      id: p.id,
      references: p.references.map((r) => ({
        width: r.width,
        height: r.height,
        count: r.points.length / 2,
        colours: [r.colours.width, r.colours.height],
        ...(r.colours.artwork && {
          artwork: r.colours.artwork.map((c) => Math.round(c * 1e4) / 1e4),
        }),
      })),
    })),
  };
  const json = asciiJson(header);
  const headerEnd = (8 + json.length + 3) & ~3;
  const refs = set.patterns.flatMap((p) => p.references);
  const body = refs.reduce(
    (n, r) => n + r.points.length * 3 + r.descriptors.length + r.colours.rgb.length,
    0,
  );
  const out = new Uint8Array(headerEnd + body);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = ARTIFACT_MAGIC.charCodeAt(i);
  view.setUint32(4, json.length, true);
  for (let i = 0; i < json.length; i++) out[8 + i] = json.charCodeAt(i);
  let at = headerEnd;
  for (const r of refs) {
    const n = r.points.length / 2;
    if (r.angles.length !== n || r.sizes.length !== n) {
      throw new ArtifactFormatError('keypoint angles or sizes do not match keypoint count');
    }
    if (r.descriptors.length !== n * set.descriptorBytes) {
      throw new ArtifactFormatError('descriptor count does not match keypoint count');
    }
    if (r.colours.rgb.length !== r.colours.width * r.colours.height * 3) {
      throw new ArtifactFormatError('colour thumbnail does not match its size');
    }
    for (const c of r.points) {
      view.setUint16(at, Math.min(65535, Math.max(0, Math.round(c * COORD_SCALE))), true);
      at += 2;
    }
    for (const a of r.angles) out[at++] = Math.round((a * 256) / 360) & 255;
    for (const size of r.sizes)
      out[at++] = Math.min(255, Math.max(0, Math.round(Math.log2(size) * SIZE_STEPS)));
    out.set(r.descriptors, at);
    at += r.descriptors.length;
    out.set(r.colours.rgb, at);
    at += r.colours.rgb.length;
  }
  return out;
}

function asciiString(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096)
    s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}

export function decodeArtifact(bytes: Uint8Array): CompiledPatternSet {
  const magic = asciiString(bytes.subarray(0, 4));
  if (bytes.length < 8 || magic !== ARTIFACT_MAGIC) {
    throw new ArtifactFormatError('not a stamp-rally pattern-set artifact');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(4, true);
  if (8 + length > bytes.length) throw new ArtifactFormatError('artifact header is truncated');
  let header: Header;
  try {
    header = JSON.parse(asciiString(bytes.subarray(8, 8 + length))) as Header;
  } catch {
    throw new ArtifactFormatError('artifact header is not valid JSON');
  }
  if (header.v !== ARTIFACT_VERSION) {
    throw new ArtifactFormatError(
      `pattern-set artifact v${String(header.v)} is not supported (this engine reads v${ARTIFACT_VERSION})`,
    );
  }
  let at = (8 + length + 3) & ~3;
  const patterns = header.patterns.map((p) => ({
    id: p.id,
    references: p.references.map((r) => {
      const [cw, ch] = Array.isArray(r.colours) ? r.colours : [];
      if (!(Number.isInteger(cw) && Number.isInteger(ch) && cw! > 0 && ch! > 0)) {
        throw new ArtifactFormatError('artifact header lacks a colour thumbnail size');
      }
      const need = r.count * (6 + header.descriptorBytes) + cw! * ch! * 3;
      if (at + need > bytes.length) throw new ArtifactFormatError('artifact body is truncated');
      const points = new Float32Array(r.count * 2);
      for (let i = 0; i < points.length; i++)
        points[i] = view.getUint16(at + i * 2, true) / COORD_SCALE;
      at += r.count * 4;
      const angles = new Float32Array(r.count);
      const sizes = new Float32Array(r.count);
      for (let i = 0; i < r.count; i++) {
        angles[i] = (bytes[at + i]! * 360) / 256;
        sizes[i] = 2 ** (bytes[at + r.count + i]! / SIZE_STEPS);
      }
      at += r.count * 2;
      const descriptors = bytes.slice(at, at + r.count * header.descriptorBytes);
      at += descriptors.length;
      const colours = {
        width: cw!,
        height: ch!,
        rgb: bytes.slice(at, at + cw! * ch! * 3),
        ...(Array.isArray(r.artwork) && { artwork: r.artwork.map(Number) }),
      };
      at += colours.rgb.length;
      return { width: r.width, height: r.height, points, angles, sizes, descriptors, colours };
    }),
  }));
  return {
    v: ARTIFACT_VERSION,
    modelSha256: header.modelSha256,
    descriptorBytes: header.descriptorBytes,
    patterns,
  };
}
