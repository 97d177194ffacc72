import { describe, expect, it } from 'vitest';
import { ImagePreprocessor, boxRanges, copyJointPositions } from '../../src/core/worldmodel/preprocess.js';
import { WorldModelInputError } from '../../src/core/worldmodel/errors.js';
import { imageSpec } from './image-spec.js';

/** pixel p -> (p/255 - 0.5)/0.5 */
const spec = (height: number, width: number) => imageSpec(height, width, 0.5, 0.5);
const norm = (p: number) => (p / 255 - 0.5) / 0.5;

describe('image preprocessing', () => {
  it('averages each 2x2 source block into one output pixel (rgb8)', () => {
    const pre = new ImagePreprocessor(spec(1, 1));
    const out = new Float32Array(3);
    // R channel 0, 10, 20, 30 -> mean 15; G 255 everywhere; B 0
    const data = Uint8Array.from([0, 255, 0, 10, 255, 0, 20, 255, 0, 30, 255, 0]);
    pre.run({ height: 2, width: 2, encoding: 'rgb8', step: 6, data }, out);
    expect(out[0]).toBeCloseTo(norm(15), 6);
    expect(out[1]).toBeCloseTo(1, 6);
    expect(out[2]).toBeCloseTo(-1, 6);
  });

  it('reorders bgr8/bgra8, drops alpha and skips row padding', () => {
    const pre = new ImagePreprocessor(spec(2, 1));
    const out = new Float32Array(6);
    // two rows of one bgra8 pixel, step 6 (2 bytes of padding holding 99s)
    const data = Uint8Array.from([10, 20, 30, 40, 99, 99, 50, 60, 70, 80, 99, 99]);
    pre.run({ height: 2, width: 1, encoding: 'bgra8', step: 6, data }, out);
    expect(Array.from(out)).toEqual([30, 20, 10, 70, 60, 50].map((p) => Math.fround(norm(p))));
  });

  it('replicates mono8 into three channels and upsamples by repeating pixels', () => {
    const pre = new ImagePreprocessor(spec(2, 2));
    const out = new Float32Array(12);
    pre.run({ height: 1, width: 1, encoding: 'mono8', step: 1, data: [51] }, out);
    expect(Array.from(out)).toEqual(new Array(12).fill(Math.fround(norm(51))));
  });

  it('splits an uneven downscale into whole source ranges like training/imaging.py', () => {
    const s = new Int32Array(2);
    const e = new Int32Array(2);
    boxRanges(5, 2, s, e);
    expect([...s, ...e]).toEqual([0, 2, 2, 5]);
  });

  it('refuses a wrong encoding naming the field and the accepted values', () => {
    const pre = new ImagePreprocessor(spec(1, 1));
    expect(() =>
      pre.run({ height: 1, width: 1, encoding: 'yuv422', step: 2, data: [0, 0] }, new Float32Array(3)),
    ).toThrow("image.encoding: expected one of rgb8, bgr8, rgba8, bgra8, mono8, got 'yuv422'");
  });

  it('refuses truncated data with expected and actual byte counts', () => {
    const pre = new ImagePreprocessor(spec(1, 1));
    const bad = () =>
      pre.run(
        { height: 2, width: 2, encoding: 'rgb8', step: 6, data: new Uint8Array(11) },
        new Float32Array(3),
      );
    expect(bad).toThrow(WorldModelInputError);
    expect(bad).toThrow('image.data: expected ≥ step × height = 12 bytes, got 11');
  });

  it('refuses a step shorter than a row', () => {
    const pre = new ImagePreprocessor(spec(1, 1));
    expect(() =>
      pre.run(
        { height: 1, width: 2, encoding: 'rgb8', step: 5, data: new Uint8Array(6) },
        new Float32Array(3),
      ),
    ).toThrow('image.step: expected ≥ width × 3 = 6, got 5');
  });
});

describe('joint positions', () => {
  const names = ['a', 'b'];
  it('copies finite positions in order', () => {
    const out = new Float32Array(2);
    copyJointPositions([0.5, -1], names, out);
    expect(Array.from(out)).toEqual([0.5, -1]);
  });
  it('names the joint holding NaN', () => {
    expect(() => copyJointPositions([0, Number.NaN], names, new Float32Array(2))).toThrow(
      'joint_pos[b]: expected a finite number, got NaN',
    );
  });
  it('refuses a wrong joint count', () => {
    expect(() => copyJointPositions([0], names, new Float32Array(2))).toThrow(
      'joint_pos: expected 2 positions (a, b), got 1',
    );
  });
});
