// Stamps need agreement across consecutive frames.
import { describe, expect, it } from 'vitest';
import { FrameAgreement } from '../../../src/recognition/engine/confirm.js';

describe('FrameAgreement', () => {
  it('confirms after N agreeing frames and then starts afresh', () => {
    const a = new FrameAgreement(3);
    expect(a.push('santa')).toMatchObject({ state: 'holding', agreeing: 1 });
    expect(a.push('santa')).toMatchObject({ state: 'holding', agreeing: 2 });
    expect(a.push('santa')).toEqual({ state: 'confirmed', pattern: 'santa', agreeing: 3 });
    expect(a.push(null)).toEqual({ state: 'searching' });
  });

  it('restarts on a different pattern and steps back on an empty frame', () => {
    const a = new FrameAgreement(3);
    a.push('santa');
    a.push('santa');
    expect(a.push('snowman')).toMatchObject({ state: 'holding', pattern: 'snowman', agreeing: 1 });
    a.push('snowman');
    expect(a.push(null)).toMatchObject({ state: 'holding', pattern: 'snowman', agreeing: 1 });
    expect(a.push('snowman')).toMatchObject({ state: 'holding', agreeing: 2 });
    expect(a.push('snowman')).toMatchObject({ state: 'confirmed', pattern: 'snowman' });
  });

  it('never confirms alternating patterns', () => {
    const a = new FrameAgreement(2);
    for (let i = 0; i < 20; i++) expect(a.push(i % 2 ? 'a' : 'b').state).not.toBe('confirmed');
  });
});
