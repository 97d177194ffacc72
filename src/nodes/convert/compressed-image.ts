/**
 * sensor_msgs/CompressedImage (image_transport "compressed": JPEG or PNG) → packed RGB8. A compressed
 * frame is 5–20× smaller than a raw one, which matters with rclnodejs (every byte is copied into
 * JavaScript on the main thread); the decode costs CPU instead. The decoders allocate their own pixel
 * buffer per frame; the result is copied into the caller's buffer.
 */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { CompressedImage } from '../../msgs/std.js';
import { Topic } from '../../msgs/topics.js';
import { MessageError, describeValue, str } from './errors.js';

export interface DecodedGeometry {
  width: number;
  height: number;
  format: 'jpeg' | 'png';
}

/** image_transport writes e.g. "jpeg", "rgb8; jpeg compressed bgr8" or "png"; the codec is what matters. */
function codecOf(format: string): 'jpeg' | 'png' | undefined {
  const f = format.toLowerCase();
  if (f.includes('png')) return 'png';
  if (f.includes('jpeg') || f.includes('jpg')) return 'jpeg';
  return undefined;
}

function decode(
  codec: 'jpeg' | 'png',
  bytes: Uint8Array,
): { width: number; height: number; rgba: Uint8Array } {
  if (codec === 'jpeg') {
    const img = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true });
    return { width: img.width, height: img.height, rgba: img.data };
  }
  const img = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return { width: img.width, height: img.height, rgba: img.data };
}

/**
 * Decodes into `out` (packed RGB8, length ≥ width·height·3) and returns the size. A corrupt payload or
 * an unknown format is a MessageError; a too-small buffer a RangeError naming the size needed.
 */
export function compressedImageToRgb8(
  msg: CompressedImage,
  out: Uint8Array,
  topic: string = `${Topic.cameraImage}/compressed`,
): DecodedGeometry {
  if (msg === null || typeof msg !== 'object')
    throw new MessageError(topic, '(message)', 'a CompressedImage', describeValue(msg));
  const format = str(topic, 'format', msg.format);
  const codec = codecOf(format);
  if (!codec) throw new MessageError(topic, 'format', 'a jpeg or png format', `'${format}'`);
  const data: unknown = msg.data;
  if (!(data instanceof Uint8Array) && !Array.isArray(data))
    throw new MessageError(topic, 'data', 'a byte array', describeValue(data));
  let img: { width: number; height: number; rgba: Uint8Array };
  try {
    img = decode(codec, data instanceof Uint8Array ? data : Uint8Array.from(data as number[]));
  } catch (err) {
    throw new MessageError(
      topic,
      'data',
      `a valid ${codec} image`,
      err instanceof Error ? err.message : String(err),
    );
  }
  const n = img.width * img.height;
  if (out.length < n * 3)
    throw new RangeError(`compressedImageToRgb8: output buffer holds ${out.length} bytes, need ${n * 3}`);
  for (let i = 0, o = 0; i < n; i++, o += 3) {
    out[o] = img.rgba[4 * i] as number;
    out[o + 1] = img.rgba[4 * i + 1] as number;
    out[o + 2] = img.rgba[4 * i + 2] as number;
  }
  return { width: img.width, height: img.height, format: codec };
}
