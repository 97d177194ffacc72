/**
 * Rigid 4×4 transforms (column-major, Float64Array) for forward kinematics: URDF origins via gl-matrix,
 * and small allocation-free products for the hot path.
 */
import { mat4, quat } from 'gl-matrix';
import type { Origin } from './model.js';

/** 4×4 transform of an URDF origin: R = Rz(yaw)·Ry(pitch)·Rx(roll), then translation xyz. */
export function originMatrix(o: Origin, out: Float64Array = new Float64Array(16)): Float64Array {
  const q4 = (): Float64Array => new Float64Array([0, 0, 0, 1]);
  const qx = quat.setAxisAngle(q4(), [1, 0, 0], o.rpy[0]);
  const qy = quat.setAxisAngle(q4(), [0, 1, 0], o.rpy[1]);
  const qz = quat.setAxisAngle(q4(), [0, 0, 1], o.rpy[2]);
  const q = quat.multiply(q4(), qz, quat.multiply(q4(), qy, qx));
  mat4.fromRotationTranslation(out, q, o.xyz as [number, number, number]);
  return out;
}

/**
 * m ← m · R where R rotates by angle about principal axis k (0 x, 1 y, 2 z): only the two columns
 * spanning the rotation plane change, so this is cheaper than a full product.
 */
export function rotateColumns(m: Float64Array, o: number, k: number, angle: number): void {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  // columns (u, v) with R mapping e_u → c e_u + s e_v, e_v → −s e_u + c e_v
  const u = o + 4 * ((k + 1) % 3);
  const v = o + 4 * ((k + 2) % 3);
  for (let r = 0; r < 3; r++) {
    const mu = m[u + r] as number;
    const mv = m[v + r] as number;
    m[u + r] = c * mu + s * mv;
    m[v + r] = -s * mu + c * mv;
  }
}

export const IDENTITY = Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

/** out = a · T(shift) where the origin matrix o is a pure translation: same rotation, moved origin. */
export function shiftInto(a: Float64Array, ao: number, o: Float64Array, out: Float64Array, oo: number): void {
  const x = o[12] as number;
  const y = o[13] as number;
  const z = o[14] as number;
  for (let r = 0; r < 3; r++) {
    const a0 = a[ao + r] as number;
    const a1 = a[ao + 4 + r] as number;
    const a2 = a[ao + 8 + r] as number;
    out[oo + r] = a0;
    out[oo + 4 + r] = a1;
    out[oo + 8 + r] = a2;
    out[oo + 12 + r] = a0 * x + a1 * y + a2 * z + (a[ao + 12 + r] as number);
  }
  out[oo + 3] = 0;
  out[oo + 7] = 0;
  out[oo + 11] = 0;
  out[oo + 15] = 1;
}

/** out = a · b for rigid 4×4 column-major transforms (bottom row 0 0 0 1); out may not alias a or b. */
export function affineMultiply(
  a: Float64Array,
  ao: number,
  b: Float64Array,
  bo: number,
  out: Float64Array,
  oo: number,
): void {
  for (let r = 0; r < 3; r++) {
    const a0 = a[ao + r] as number;
    const a1 = a[ao + 4 + r] as number;
    const a2 = a[ao + 8 + r] as number;
    for (let c = 0; c < 4; c++) {
      const bc = bo + 4 * c;
      out[oo + 4 * c + r] = a0 * (b[bc] as number) + a1 * (b[bc + 1] as number) + a2 * (b[bc + 2] as number);
    }
    out[oo + 12 + r] = (out[oo + 12 + r] as number) + (a[ao + 12 + r] as number);
  }
  out[oo + 3] = 0;
  out[oo + 7] = 0;
  out[oo + 11] = 0;
  out[oo + 15] = 1;
}

/** Rotation by angle [rad] about a unit axis (Rodrigues), as a 4×4 column-major transform. */
export function rotationAbout(axis: Float64Array, angle: number, out: Float64Array): void {
  const x = axis[0] as number;
  const y = axis[1] as number;
  const z = axis[2] as number;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const t = 1 - c;
  out[0] = t * x * x + c;
  out[1] = t * x * y + s * z;
  out[2] = t * x * z - s * y;
  out[4] = t * x * y - s * z;
  out[5] = t * y * y + c;
  out[6] = t * y * z + s * x;
  out[8] = t * x * z + s * y;
  out[9] = t * y * z - s * x;
  out[10] = t * z * z + c;
  out[3] = out[7] = out[11] = out[12] = out[13] = out[14] = 0;
  out[15] = 1;
}
