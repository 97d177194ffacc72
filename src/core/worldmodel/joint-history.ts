/**
 * The last few joint-state samples, to pair a camera image with the joint positions nearest its stamp.
 * A fixed ring of typed arrays: pushing and looking up allocate nothing.
 */
export class JointHistory {
  private readonly stamps: Float64Array;
  private readonly positions: Float64Array;
  private next = 0;
  private count = 0;

  constructor(
    readonly jointCount: number,
    readonly capacity = 32,
  ) {
    this.stamps = new Float64Array(capacity);
    this.positions = new Float64Array(capacity * jointCount);
  }

  push(stampSec: number, positions: ArrayLike<number>): void {
    this.stamps[this.next] = stampSec;
    const base = this.next * this.jointCount;
    for (let j = 0; j < this.jointCount; j++) this.positions[base + j] = positions[j] as number;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  get size(): number {
    return this.count;
  }

  /**
   * Writes the positions of the sample nearest `stampSec` into `out` when it is within `maxSkewSec`
   * and returns its |stamp difference| [s]; returns NaN (out untouched) when none is close enough.
   */
  nearest(stampSec: number, maxSkewSec: number, out: Float32Array | Float64Array): number {
    let best = -1;
    let bestSkew = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.count; i++) {
      const skew = Math.abs((this.stamps[i] as number) - stampSec);
      if (skew < bestSkew) {
        bestSkew = skew;
        best = i;
      }
    }
    if (best < 0 || bestSkew > maxSkewSec) return Number.NaN;
    const base = best * this.jointCount;
    for (let j = 0; j < this.jointCount; j++) out[j] = this.positions[base + j] as number;
    return bestSkew;
  }

  /** Stamp of the newest sample [s]; -Infinity when empty. */
  newestStamp(): number {
    if (this.count === 0) return Number.NEGATIVE_INFINITY;
    return this.stamps[(this.next - 1 + this.capacity) % this.capacity] as number;
  }

  /** Positions of the newest sample into `out`; false when empty. */
  latest(out: Float32Array | Float64Array): boolean {
    if (this.count === 0) return false;
    const i = (this.next - 1 + this.capacity) % this.capacity;
    for (let j = 0; j < this.jointCount; j++) out[j] = this.positions[i * this.jointCount + j] as number;
    return true;
  }
}
