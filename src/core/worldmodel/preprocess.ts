/**
 * Camera image → the encoder's input tensor: RGB, HWC, float32, box-resized to the manifest's size and
 * normalized as ((p · scale) − mean) / std. The same formula as training/imaging.py, so the robot sees
 * what the model was trained on. Pure; the resize tables are rebuilt only when the camera size changes,
 * so a steady stream allocates nothing per frame.
 */
import { WorldModelInputError } from './errors.js';
import type { ManifestImage } from './manifest.js';

/** The fields of a sensor_msgs/Image the preprocessing reads (structurally compatible with it). */
export interface RawImage {
  height: number;
  width: number;
  encoding: string;
  /** bytes per row, ≥ width × bytes per pixel (rows may be padded) */
  step: number;
  data: ArrayLike<number>;
}

/** Byte offsets of R, G, B within one pixel, and bytes per pixel. */
const LAYOUTS: Readonly<Record<string, readonly [number, number, number, number]>> = {
  rgb8: [0, 1, 2, 3],
  bgr8: [2, 1, 0, 3],
  rgba8: [0, 1, 2, 4],
  bgra8: [2, 1, 0, 4],
  mono8: [0, 0, 0, 1],
};

export const PREPROCESS_ENCODINGS: readonly string[] = Object.keys(LAYOUTS);

/** [start, end) source ranges averaged into each destination index (training/imaging.py box_ranges). */
export function boxRanges(src: number, dst: number, starts: Int32Array, ends: Int32Array): void {
  const scale = src / dst;
  for (let i = 0; i < dst; i++) {
    const s = Math.min(Math.floor(i * scale), src - 1);
    const e = Math.max(Math.floor(i * scale) + 1, Math.floor((i + 1) * scale));
    starts[i] = s;
    ends[i] = Math.min(e, src);
  }
}

function checkSize(field: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
    throw new WorldModelInputError(field, 'a positive integer', String(v));
  }
  return v;
}

export class ImagePreprocessor {
  readonly outputLength: number;
  private readonly y0: Int32Array;
  private readonly y1: Int32Array;
  private readonly x0: Int32Array;
  private readonly x1: Int32Array;
  private srcH = -1;
  private srcW = -1;

  constructor(private readonly spec: ManifestImage) {
    this.outputLength = spec.height * spec.width * 3;
    this.y0 = new Int32Array(spec.height);
    this.y1 = new Int32Array(spec.height);
    this.x0 = new Int32Array(spec.width);
    this.x1 = new Int32Array(spec.width);
  }

  /** Checks `img` and writes the normalized tensor into `out` (length H·W·3); throws WorldModelInputError. */
  run(img: RawImage, out: Float32Array): void {
    const layout = LAYOUTS[img.encoding];
    if (!layout) {
      throw new WorldModelInputError(
        'image.encoding',
        `one of ${PREPROCESS_ENCODINGS.join(', ')}`,
        `'${img.encoding}'`,
      );
    }
    const h = checkSize('image.height', img.height);
    const w = checkSize('image.width', img.width);
    const step = checkSize('image.step', img.step);
    const bpp = layout[3];
    if (step < w * bpp)
      throw new WorldModelInputError('image.step', `≥ width × ${bpp} = ${w * bpp}`, `${step}`);
    const len = img.data?.length ?? 0;
    if (len < step * h)
      throw new WorldModelInputError('image.data', `≥ step × height = ${step * h} bytes`, `${len}`);
    if (out.length !== this.outputLength) {
      throw new RangeError(`preprocess: output holds ${out.length} floats, need ${this.outputLength}`);
    }
    if (h !== this.srcH || w !== this.srcW) {
      boxRanges(h, this.spec.height, this.y0, this.y1);
      boxRanges(w, this.spec.width, this.x0, this.x1);
      this.srcH = h;
      this.srcW = w;
    }
    this.resize(img.data, step, layout, out);
  }

  private resize(data: ArrayLike<number>, step: number, layout: readonly number[], out: Float32Array): void {
    const { scale, mean, std } = this.spec;
    const [ro, go, bo, bpp] = layout as [number, number, number, number];
    let o = 0;
    for (let oy = 0; oy < this.spec.height; oy++) {
      const ya = this.y0[oy] as number;
      const yb = this.y1[oy] as number;
      for (let ox = 0; ox < this.spec.width; ox++) {
        const xa = this.x0[ox] as number;
        const xb = this.x1[ox] as number;
        let r = 0;
        let g = 0;
        let b = 0;
        for (let y = ya; y < yb; y++) {
          let i = y * step + xa * bpp;
          for (let x = xa; x < xb; x++, i += bpp) {
            r += data[i + ro] as number;
            g += data[i + go] as number;
            b += data[i + bo] as number;
          }
        }
        const area = (yb - ya) * (xb - xa);
        out[o++] = ((r / area) * scale - mean[0]) / std[0];
        out[o++] = ((g / area) * scale - mean[1]) / std[1];
        out[o++] = ((b / area) * scale - mean[2]) / std[2];
      }
    }
  }
}

/** Copies joint positions into `out`, refusing NaN/Inf with the joint's name. */
export function copyJointPositions(
  jointPos: ArrayLike<number>,
  jointNames: readonly string[],
  out: Float32Array,
): void {
  if (jointPos.length !== jointNames.length) {
    throw new WorldModelInputError(
      'joint_pos',
      `${jointNames.length} positions (${jointNames.join(', ')})`,
      `${jointPos.length}`,
    );
  }
  for (let j = 0; j < jointNames.length; j++) {
    const q = jointPos[j] as number;
    if (!Number.isFinite(q))
      throw new WorldModelInputError(`joint_pos[${jointNames[j]}]`, 'a finite number', String(q));
    out[j] = q;
  }
}
