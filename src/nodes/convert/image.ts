/**
 * sensor_msgs/Image checks and pixel conversion. The encoder wants packed RGB8; cameras send rgb8,
 * bgr8, rgba8, bgra8 or mono8 (the encodings of sensor_msgs/image_encodings.hpp we accept).
 * `imageToRgb8` writes into a caller buffer so the camera path allocates nothing per frame.
 */
import type { Image } from '../../msgs/std.js';
import { Topic } from '../../msgs/topics.js';
import { MessageError, describeValue, finite, str } from './errors.js';

/** Bytes per pixel and channel order of each accepted encoding (offsets of R, G, B in a pixel). */
const ENCODINGS: Readonly<Record<string, { bytesPerPixel: number; r: number; g: number; b: number }>> = {
  rgb8: { bytesPerPixel: 3, r: 0, g: 1, b: 2 },
  bgr8: { bytesPerPixel: 3, r: 2, g: 1, b: 0 },
  rgba8: { bytesPerPixel: 4, r: 0, g: 1, b: 2 },
  bgra8: { bytesPerPixel: 4, r: 2, g: 1, b: 0 },
  mono8: { bytesPerPixel: 1, r: 0, g: 0, b: 0 },
};

export const SUPPORTED_IMAGE_ENCODINGS: readonly string[] = Object.keys(ENCODINGS);

export interface ImageGeometry {
  width: number;
  height: number;
  encoding: string;
  bytesPerPixel: number;
  step: number;
}

export interface ImageCheckOptions {
  topic?: string;
  /** expected header.frame_id (undefined or '' accepts any) */
  frameId?: string;
  /** when set, the image must have exactly this size */
  width?: number;
  height?: number;
}

function positiveInt(topic: string, field: string, v: unknown): number {
  const n = finite(topic, field, v);
  if (!Number.isInteger(n) || n <= 0) throw new MessageError(topic, field, 'a positive integer', String(n));
  return n;
}

/** Checks the fields of an Image (encoding, sizes, step, data length) and returns its geometry. */
export function checkImage(msg: Image, options: ImageCheckOptions = {}): ImageGeometry {
  const topic = options.topic ?? Topic.cameraImage;
  if (msg === null || typeof msg !== 'object' || !msg.header)
    throw new MessageError(topic, '(message)', 'an Image', describeValue(msg));
  const frame = str(topic, 'header.frame_id', msg.header.frame_id);
  if (options.frameId && frame !== options.frameId) {
    throw new MessageError(topic, 'header.frame_id', `'${options.frameId}'`, `'${frame}'`);
  }
  const encoding = str(topic, 'encoding', msg.encoding);
  const layout = ENCODINGS[encoding];
  if (!layout)
    throw new MessageError(
      topic,
      'encoding',
      `one of ${SUPPORTED_IMAGE_ENCODINGS.join(', ')}`,
      `'${encoding}'`,
    );
  const width = positiveInt(topic, 'width', msg.width);
  const height = positiveInt(topic, 'height', msg.height);
  if (options.width !== undefined && width !== options.width) {
    throw new MessageError(topic, 'width', `${options.width}`, `${width}`);
  }
  if (options.height !== undefined && height !== options.height) {
    throw new MessageError(topic, 'height', `${options.height}`, `${height}`);
  }
  const step = positiveInt(topic, 'step', msg.step);
  if (step < width * layout.bytesPerPixel) {
    throw new MessageError(
      topic,
      'step',
      `≥ width × ${layout.bytesPerPixel} = ${width * layout.bytesPerPixel}`,
      `${step}`,
    );
  }
  const data: unknown = msg.data;
  if (!(data instanceof Uint8Array) && !Array.isArray(data))
    throw new MessageError(topic, 'data', 'a byte array', describeValue(data));
  if (data.length < step * height)
    throw new MessageError(topic, 'data', `≥ step × height = ${step * height} bytes`, `${data.length}`);
  return { width, height, encoding, bytesPerPixel: layout.bytesPerPixel, step };
}

/**
 * Image → packed RGB8 (row-major, no padding) in `out` (length ≥ width·height·3), whatever the encoding.
 * Returns the geometry. Throws a MessageError for a bad image, a RangeError for a too-small buffer.
 */
export function imageToRgb8(msg: Image, out: Uint8Array, options: ImageCheckOptions = {}): ImageGeometry {
  const g = checkImage(msg, options);
  if (out.length < g.width * g.height * 3) {
    throw new RangeError(
      `imageToRgb8: output buffer holds ${out.length} bytes, need ${g.width * g.height * 3}`,
    );
  }
  const layout = ENCODINGS[g.encoding] as (typeof ENCODINGS)[string] & object;
  const data = msg.data;
  const bpp = layout.bytesPerPixel;
  let o = 0;
  for (let row = 0; row < g.height; row++) {
    let i = row * g.step;
    for (let col = 0; col < g.width; col++, i += bpp) {
      out[o++] = data[i + layout.r] as number;
      out[o++] = data[i + layout.g] as number;
      out[o++] = data[i + layout.b] as number;
    }
  }
  return g;
}

/** Packed RGB8 → Image (the simulator's camera publishes this). `data` is used as is, not copied. */
export function rgb8ToImage(data: Uint8Array, width: number, height: number, header: Image['header']): Image {
  if (data.length !== width * height * 3) {
    throw new RangeError(
      `rgb8ToImage: expected ${width}×${height}×3 = ${width * height * 3} bytes, got ${data.length}`,
    );
  }
  return { header, height, width, encoding: 'rgb8', is_bigendian: 0, step: width * 3, data };
}
