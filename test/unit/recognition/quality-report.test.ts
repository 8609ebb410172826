// The compile-time quality report: seeded camera test frames, and levels that tell a poster the
// engine recognises from a faint photo it cannot lock onto in a real venue.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RgbaImage } from '../../../src/recognition/engine/frame.js';
import type { QualityReport } from '../../../src/recognition/engine/quality-report.js';
import {
  cameraTestViews,
  TEST_VIEW_CONDITIONS,
  TEST_VIEW_COUNT,
} from '../../../src/recognition/engine/test-views.js';
import { createNodeEngine } from '../../../src/recognition/node/node-engine.js';
import { demoPoster } from '../../fixtures/demo-posters.js';

const white = { width: 300, height: 200, data: new Uint8Array(300 * 200).fill(255) };

/**
 * A pale sky over a faint horizon band and a broken shore line: a few soft corners that clean,
 * frontal views of it still match (the previous, clean test views rated it weak, 0.54), but that
 * clutter, dim light and noise bury — as they bury the bench's photos of empty skies.
 */
function horizon(): RgbaImage {
  const [w, h] = [480, 360];
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let v = 150 - Math.round((30 * y) / h);
      if (y > 230 && y < 236) v += 14;
      if (y > 280 && y < 283 && x % 120 < 70) v -= 16;
      if ((x - 360) ** 2 + (y - 90) ** 2 < 400) v += 10;
      data.set([v, v, v + 6, 255], (y * w + x) * 4);
    }
  return { width: w, height: h, data };
}

describe('camera test frames', () => {
  it('are the same for a seed and differ across seeds', () => {
    const a = cameraTestViews(white, 11).map((v) => v.frame);
    expect(a).toHaveLength(TEST_VIEW_COUNT);
    expect(a.every((v) => v.width === 640 && v.height === 480)).toBe(true);
    const same = (x: Uint8Array, y: Uint8Array) => Buffer.from(x).equals(Buffer.from(y));
    const again = cameraTestViews(white, 11);
    expect(a.every((v, i) => same(v.data, again[i]!.frame.data))).toBe(true);
    expect(same(cameraTestViews(white, 12)[0]!.frame.data, a[0]!.data)).toBe(false);
    // Every condition the report can name, each shot twice over different clutter.
    expect(new Set(again.map((v) => v.missed)).size).toBe(TEST_VIEW_CONDITIONS);
    expect(TEST_VIEW_COUNT).toBe(2 * TEST_VIEW_CONDITIONS);
    expect(same(a[0]!.data, a[TEST_VIEW_CONDITIONS]!.data)).toBe(false);
  });

  it('show the artwork at the centre over clutter, dimmed and noisy', () => {
    const [frontal] = cameraTestViews(white, 11);
    expect(frontal!.missed).toBe('missed-large');
    const at = (x: number, y: number) => frontal!.frame.data[y * 640 + x]!;
    // White artwork under contrast 0.85 about 128, plus noise σ 3: about 236.
    let centre = 0;
    for (let y = 230; y < 250; y++) for (let x = 310; x < 330; x++) centre += at(x, y);
    expect(centre / 400).toBeGreaterThan(228);
    expect(centre / 400).toBeLessThan(244);
    // Clutter around it: the strip left of the artwork holds many grey levels.
    const levels = new Set<number>();
    for (let y = 0; y < 480; y++) for (let x = 0; x < 90; x++) levels.add(at(x, y) >> 4);
    expect(levels.size).toBeGreaterThan(6);
  });
});

/** The image with every channel pressed to `share` of its distance from mid-grey (a faded print). */
function faded(image: RgbaImage, share: number): RgbaImage {
  const data = image.data.map((v, i) => (i % 4 === 3 ? v : Math.round(128 + (v - 128) * share)));
  return { ...image, data };
}

/** `base` with `inset` drawn over its central half (each side): a poster carrying another's art. */
function withInset(base: RgbaImage, inset: RgbaImage): RgbaImage {
  const out = { ...base, data: new Uint8Array(base.data) };
  const [w, h] = [Math.round(base.width / 2), Math.round(base.height / 2)];
  const [x0, y0] = [Math.round(base.width / 4), Math.round(base.height / 4)];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const from =
        (Math.floor((y * inset.height) / h) * inset.width + Math.floor((x * inset.width) / w)) * 4;
      out.data.set(inset.data.subarray(from, from + 4), ((y0 + y) * base.width + x0 + x) * 4);
    }
  return out;
}

describe('quality report levels', () => {
  let report: QualityReport;
  let fadedReport: QualityReport;
  beforeAll(async () => {
    const engine = await createNodeEngine();
    // Alone, so its likeness to the full-contrast poster plays no part.
    fadedReport = (
      await engine.compile([
        { id: 'santa-faded', images: [faded(await demoPoster('santa-workshop'), 0.06)] },
      ])
    ).report;
    const santa = await demoPoster('santa-workshop');
    const snowman = await demoPoster('snowman-village');
    const compiled = await engine.compile([
      { id: 'santa', images: [santa] },
      { id: 'snowman', images: [snowman] },
      { id: 'sky', images: [horizon()] },
      { id: 'santa-with-snowman', images: [withInset(santa, snowman)] },
    ]);
    report = compiled.report;
  }, 120_000);

  it('rates a textured poster good: recognised in (nearly) every test frame', () => {
    const santa = report.patterns.find((p) => p.id === 'santa')!;
    expect(santa.level).toBe('good');
    expect(santa.recognisability).toBeGreaterThanOrEqual(0.8);
    expect(santa.reasons).not.toContain('failed-test-views');
    // Each missed frame names its condition (a condition missed twice is named once).
    const misses = Math.round((1 - santa.recognisability) * TEST_VIEW_COUNT);
    const named = santa.reasons.filter((r) => r.startsWith('missed-')).length;
    expect(named).toBeLessThanOrEqual(misses);
    expect(named > 0).toBe(misses > 0);
  });

  it('tests a faded print at its own contrast: the same poster printed faint is not good', () => {
    // The features are computed on the contrast-stretched reference, so a faded print keeps its
    // corners; but a camera sees it faint, under noise, and the test frames must too.
    const santa = report.patterns.find((p) => p.id === 'santa')!;
    const fadedSanta = fadedReport.patterns[0]!;
    expect(fadedSanta.level).not.toBe('good');
    expect(fadedSanta.recognisability).toBeLessThan(santa.recognisability);
    expect(fadedSanta.reasons).toEqual(expect.arrayContaining(['failed-test-views', 'faint']));
    // The poster's own grey levels span most of the range; faded to 6 %, about a sixteenth of it.
    expect(santa.contrast).toBeGreaterThan(150);
    expect(fadedSanta.contrast).toBeLessThan(25);
    expect(santa.reasons).not.toContain('faint');
  });

  it('warns about a faint, nearly textureless photo, with the reasons', () => {
    const sky = report.patterns.find((p) => p.id === 'sky')!;
    expect(sky.level).not.toBe('good');
    // Recognised in at most 6 of the 10 test frames.
    expect(sky.recognisability).toBeLessThanOrEqual(0.6);
    expect(sky.reasons).toEqual(
      expect.arrayContaining(['too-little-texture', 'failed-test-views']),
    );
  });

  it('names look-alike pairs: a poster that carries the artwork of another booth', () => {
    const pair = (a: string, b: string) =>
      report.pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
    const inset = pair('snowman', 'santa-with-snowman')!;
    expect(inset.warning).toBe(true);
    expect(inset.confusability).toBeGreaterThanOrEqual(1);
    // The shared santa template is told apart (its features are dropped from both), and unrelated
    // posters are not look-alikes.
    expect(pair('santa', 'santa-with-snowman')?.warning ?? false).toBe(false);
    expect(pair('santa', 'snowman')?.warning ?? false).toBe(false);
    expect(pair('sky', 'santa')?.warning ?? false).toBe(false);
    expect(report.pairs[0]).toBe(inset);
  });
});
