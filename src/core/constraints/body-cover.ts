/**
 * Covering a robot's collision shapes with capsules: one capsule per shape, fixed links folded into their
 * moving ancestor, fixed capsules inside other fixed capsules dropped. Construction-time only.
 */
import { originMatrix } from '../robot/index.js';
import type { Kinematics, RobotModel, Shape } from '../robot/index.js';

export interface LocalCapsule {
  name: string;
  linkIdx: number;
  a: [number, number, number];
  b: [number, number, number];
  radiusM: number;
}

/** Segment endpoints (in the shape's link frame) and radius of a capsule that contains the shape. */
export function capsuleOfShape(shape: Shape): { a: number[]; b: number[]; r: number } | undefined {
  const g = shape.geometry;
  let a: number[];
  let b: number[];
  let r: number;
  if (g.kind === 'sphere') [a, b, r] = [[0, 0, 0], [0, 0, 0], g.radiusM];
  else if (g.kind === 'cylinder') [a, b, r] = [[0, 0, -g.lengthM / 2], [0, 0, g.lengthM / 2], g.radiusM];
  else if (g.kind === 'box') {
    const half = g.sizeM.map((s) => s / 2);
    const k = half.indexOf(Math.max(...half));
    a = [0, 0, 0];
    b = [0, 0, 0];
    a[k] = -(half[k] as number);
    b[k] = half[k] as number;
    r = Math.hypot(...half.filter((_, i) => i !== k));
  } else return undefined;
  const m = originMatrix(shape.origin);
  const apply = (p: number[]): number[] =>
    [0, 1, 2].map(
      (i) =>
        (m[i] as number) * (p[0] as number) +
        (m[4 + i] as number) * (p[1] as number) +
        (m[8 + i] as number) * (p[2] as number) +
        (m[12 + i] as number),
    );
  return { a: apply(a), b: apply(b), r };
}

/**
 * The nearest ancestor-or-self of `link` that is the child of a moving joint or never moves, with the
 * fixed-joint transforms in between folded into a point mapping: FK then skips those fixed links.
 */
export function anchorOf(
  model: RobotModel,
  kin: Kinematics,
  link: string,
): { link: string; apply: (p: readonly number[]) => [number, number, number] } {
  const chain: Float64Array[] = [];
  let cur = link;
  for (
    let j = model.parentJointOf.get(cur);
    j && j.type === 'fixed' && kin.isDynamicLink(kin.linkIndex(j.parent));
    j = model.parentJointOf.get(cur)
  ) {
    chain.push(originMatrix(j.origin));
    cur = j.parent;
  }
  const apply = (p: readonly number[]): [number, number, number] => {
    let v = [p[0] as number, p[1] as number, p[2] as number];
    for (const m of chain) {
      v = [0, 1, 2].map(
        (r) =>
          (m[r] as number) * (v[0] as number) +
          (m[4 + r] as number) * (v[1] as number) +
          (m[8 + r] as number) * (v[2] as number) +
          (m[12 + r] as number),
      );
    }
    return [v[0] as number, v[1] as number, v[2] as number];
  };
  return { link: cur, apply };
}

/**
 * Drops fixed capsules that lie inside another fixed capsule (both ends within r_B − r_A of B's segment;
 * distance to a segment is convex, so the whole of A is then inside B): fewer parts to check, same cover.
 */
export function pruneContained(
  capsules: LocalCapsule[],
  isFixed: (c: LocalCapsule) => boolean,
  kin: Kinematics,
): void {
  const t = kin.transforms;
  const inBase = (c: LocalCapsule, p: readonly number[]): number[] => {
    const o = 16 * c.linkIdx;
    return [0, 1, 2].map(
      (r) =>
        (t[o + r] as number) * (p[0] as number) +
        (t[o + 4 + r] as number) * (p[1] as number) +
        (t[o + 8 + r] as number) * (p[2] as number) +
        (t[o + 12 + r] as number),
    );
  };
  const segDist = (p: number[], a: number[], b: number[]): number => {
    const e = [0, 1, 2].map((k) => (b[k] as number) - (a[k] as number));
    const len2 = e.reduce((s, v) => s + v * v, 0);
    const u =
      len2 > 0
        ? Math.min(
            1,
            Math.max(
              0,
              [0, 1, 2].reduce((s, k) => s + ((p[k] as number) - (a[k] as number)) * (e[k] as number), 0) /
                len2,
            ),
          )
        : 0;
    return Math.hypot(...[0, 1, 2].map((k) => (p[k] as number) - (a[k] as number) - u * (e[k] as number)));
  };
  for (let i = capsules.length - 1; i >= 0; i--) {
    const a = capsules[i] as LocalCapsule;
    if (!isFixed(a)) continue;
    const [pa, pb] = [inBase(a, a.a), inBase(a, a.b)];
    const inside = capsules.some((b, j) => {
      if (j === i || !isFixed(b) || b.radiusM < a.radiusM) return false;
      const [qa, qb] = [inBase(b, b.a), inBase(b, b.b)];
      return Math.max(segDist(pa, qa, qb), segDist(pb, qa, qb)) + a.radiusM <= b.radiusM;
    });
    if (inside) capsules.splice(i, 1);
  }
}

/** Whether `link` is the child of `jointName` or below it. */
export function isBelow(model: RobotModel, link: string, jointName: string): boolean {
  for (let j = model.parentJointOf.get(link); j !== undefined; j = model.parentJointOf.get(j.parent)) {
    if (j.name === jointName) return true;
  }
  return false;
}
