import { describe, expect, it } from 'vitest';
import { checkImage, imageToRgb8, rgb8ToImage } from '../../src/nodes/convert/index.js';
import type { Image } from '../../src/msgs/index.js';

const header = { stamp: { sec: 0, nanosec: 0 }, frame_id: 'camera_optical_frame' };

function image(encoding: string, width: number, height: number, step: number, data: number[]): Image {
  return { header, height, width, encoding, is_bigendian: 0, step, data: Uint8Array.from(data) };
}

describe('camera images → packed RGB8', () => {
  it('copies rgb8 as is', () => {
    const out = new Uint8Array(6);
    imageToRgb8(image('rgb8', 2, 1, 6, [1, 2, 3, 4, 5, 6]), out);
    expect(Array.from(out)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('swaps the channels of bgr8', () => {
    const out = new Uint8Array(6);
    imageToRgb8(image('bgr8', 2, 1, 6, [1, 2, 3, 4, 5, 6]), out);
    expect(Array.from(out)).toEqual([3, 2, 1, 6, 5, 4]);
  });

  it('drops alpha from rgba8 and bgra8', () => {
    const out = new Uint8Array(3);
    imageToRgb8(image('rgba8', 1, 1, 4, [10, 20, 30, 255]), out);
    expect(Array.from(out)).toEqual([10, 20, 30]);
    imageToRgb8(image('bgra8', 1, 1, 4, [10, 20, 30, 255]), out);
    expect(Array.from(out)).toEqual([30, 20, 10]);
  });

  it('repeats mono8 into three channels', () => {
    const out = new Uint8Array(6);
    imageToRgb8(image('mono8', 2, 1, 2, [7, 9]), out);
    expect(Array.from(out)).toEqual([7, 7, 7, 9, 9, 9]);
  });

  it('skips row padding given by step', () => {
    // 1×2 rgb8 with step 4: one byte of padding at the end of each row
    const out = new Uint8Array(6);
    imageToRgb8(image('rgb8', 1, 2, 4, [1, 2, 3, 0, 4, 5, 6, 0]), out);
    expect(Array.from(out)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('rejects an unsupported encoding, listing the supported ones', () => {
    expect(() => checkImage(image('16UC1', 1, 1, 2, [0, 0]))).toThrow(
      "topic '/camera/image_raw': field 'encoding': expected one of rgb8, bgr8, rgba8, bgra8, mono8, got '16UC1'",
    );
  });

  it('rejects a step shorter than a row and data shorter than the image', () => {
    expect(() => checkImage(image('rgb8', 2, 1, 5, [1, 2, 3, 4, 5, 6]))).toThrow(
      /field 'step': expected ≥ width × 3 = 6, got 5/,
    );
    expect(() => checkImage(image('rgb8', 2, 2, 6, [1, 2, 3, 4, 5, 6]))).toThrow(
      /field 'data': expected ≥ step × height = 12 bytes, got 6/,
    );
  });

  it('rejects an image of the wrong size or frame when one is expected', () => {
    const img = image('rgb8', 2, 1, 6, [1, 2, 3, 4, 5, 6]);
    expect(() => checkImage(img, { width: 64 })).toThrow(/field 'width': expected 64, got 2/);
    expect(() => checkImage(img, { frameId: 'camera_link' })).toThrow(/header\.frame_id/);
  });

  it('round-trips through rgb8ToImage', () => {
    const data = Uint8Array.from([1, 2, 3, 4, 5, 6]);
    const out = new Uint8Array(6);
    imageToRgb8(rgb8ToImage(data, 2, 1, header), out);
    expect(Array.from(out)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
