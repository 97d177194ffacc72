import { describe, expect, it } from 'vitest';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { MessageError, compressedImageToRgb8 } from '../../src/nodes/convert/index.js';

const header = { stamp: { sec: 0, nanosec: 0 }, frame_id: 'camera_optical_frame' };

/** 2×1 RGBA: a red and a blue pixel. */
const RGBA = Uint8Array.from([255, 0, 0, 255, 0, 0, 255, 255]);

function png(): Uint8Array {
  const img = new PNG({ width: 2, height: 1 });
  img.data = Buffer.from(RGBA);
  return new Uint8Array(PNG.sync.write(img));
}

describe('CompressedImage → packed RGB8', () => {
  it('decodes PNG exactly, dropping alpha', () => {
    const out = new Uint8Array(6);
    const g = compressedImageToRgb8({ header, format: 'png', data: png() }, out);
    expect(g).toEqual({ width: 2, height: 1, format: 'png' });
    expect(Array.from(out)).toEqual([255, 0, 0, 0, 0, 255]);
  });

  it('decodes JPEG as image_transport names it, within JPEG loss', () => {
    // a flat grey 8×8 block survives JPEG at quality 100 to within a few levels
    const grey = new Uint8Array(8 * 8 * 4).fill(128);
    const encoded = jpeg.encode({ data: grey, width: 8, height: 8 }, 100).data;
    const out = new Uint8Array(8 * 8 * 3);
    const g = compressedImageToRgb8(
      { header, format: 'rgb8; jpeg compressed bgr8', data: new Uint8Array(encoded) },
      out,
    );
    expect(g.format).toBe('jpeg');
    expect(Math.max(...Array.from(out, (v) => Math.abs(v - 128)))).toBeLessThanOrEqual(3);
  });

  it('rejects an unknown format and a corrupt payload, naming the field', () => {
    const out = new Uint8Array(6);
    expect(() =>
      compressedImageToRgb8({ header, format: 'tiff', data: png() }, out, '/cam/compressed'),
    ).toThrow("topic '/cam/compressed': field 'format': expected a jpeg or png format, got 'tiff'");
    expect(() =>
      compressedImageToRgb8({ header, format: 'png', data: Uint8Array.from([1, 2, 3]) }, out),
    ).toThrow(MessageError);
  });

  it('refuses a buffer too small for the decoded image', () => {
    expect(() => compressedImageToRgb8({ header, format: 'png', data: png() }, new Uint8Array(3))).toThrow(
      'compressedImageToRgb8: output buffer holds 3 bytes, need 6',
    );
  });
});
