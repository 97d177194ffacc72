/**
 * Forward kinematics for any URDF tree (gl-matrix, column-major 4×4 in Float64Array).
 * T_child = T_parent · T_origin · M(q), M = rotation about the joint axis (revolute/continuous) or
 * translation along it (prismatic). Links whose pose depends on no variable joint are computed once; each
 * `update(q)` recomputes only the others and allocates nothing.
 */
import { mat4 } from 'gl-matrix';
import {
  affineMultiply,
  IDENTITY,
  originMatrix,
  rotateColumns,
  rotationAbout,
  shiftInto,
} from './transforms.js';
import type { RobotModel } from './model.js';
import { UrdfError } from './model.js';

export interface Pose {
  /** position in the root frame [m] */
  xyz: [number, number, number];
  /** orientation in the root frame, [x, y, z, w] */
  quat: [number, number, number, number];
}

interface JointStep {
  name: string;
  idx: number;
  parentIdx: number;
  childIdx: number;
  origin: Float64Array;
  axis: Float64Array;
  kind: 0 | 1 | 2; // 0 fixed, 1 rotation, 2 translation
  /** index into q, or -1 */
  variable: number;
  /** index (into `steps`) of the mimicked joint, or -1 */
  mimicOf: number;
  multiplier: number;
  offset: number;
  /** origin has no rotation: T_parent · T_origin is a translation of the parent (fast path) */
  pureShift: boolean;
  /** 0/1/2 when the axis is ±x/±y/±z, else -1 (fast path) */
  principal: number;
  principalSign: number;
}

export interface KinematicsOptions {
  /** joints read from q by `update` (default: every movable, non-mimic joint); others stay at 0 */
  variableJoints?: readonly string[];
  /** when given, `update` refreshes only these links and their ancestors (hot loops); `poses` refreshes all */
  neededLinks?: readonly string[];
}

export class Kinematics {
  /** link names; link i's transform is transforms[16 i .. 16 i + 15] */
  readonly linkNames: readonly string[];
  /** joints read from q in `update(q)`, in this order; other movable joints stay at 0 */
  readonly variableJointNames: readonly string[];
  readonly transforms: Float64Array;
  private readonly views: Float64Array[];
  private readonly steps: JointStep[];
  private readonly dynamicSteps: JointStep[];
  private readonly jointValues: Float64Array;
  private readonly motion = new Float64Array(16);
  private readonly tmp = new Float64Array(16);
  private readonly index = new Map<string, number>();
  private readonly dynamicLinks: ReadonlySet<number>;

  constructor(
    readonly model: RobotModel,
    options: KinematicsOptions = {},
  ) {
    const movable = model.jointsInTreeOrder.filter((j) => j.type !== 'fixed' && !j.mimic).map((j) => j.name);
    const variable = options.variableJoints ?? movable;
    for (const name of variable) {
      if (!movable.includes(name))
        throw new UrdfError(`Kinematics: '${name}' is not a movable, non-mimic joint`);
    }
    this.variableJointNames = [...variable];
    this.linkNames = [model.rootLink, ...model.jointsInTreeOrder.map((j) => j.child)];
    this.linkNames.forEach((n, i) => this.index.set(n, i));
    this.transforms = new Float64Array(16 * this.linkNames.length);
    this.views = this.linkNames.map((_, i) => this.transforms.subarray(16 * i, 16 * i + 16));
    mat4.identity(this.views[0] as Float64Array);
    this.jointValues = new Float64Array(model.jointsInTreeOrder.length);
    const stepIndex = new Map(model.jointsInTreeOrder.map((j, i) => [j.name, i]));
    this.steps = model.jointsInTreeOrder.map((j, idx) => ({
      name: j.name,
      idx,
      parentIdx: this.index.get(j.parent) as number,
      childIdx: this.index.get(j.child) as number,
      origin: originMatrix(j.origin),
      axis: Float64Array.from(j.axis),
      kind: j.type === 'fixed' ? 0 : j.type === 'prismatic' ? 2 : 1,
      variable: variable.indexOf(j.name),
      mimicOf: j.mimic ? (stepIndex.get(j.mimic.joint) as number) : -1,
      multiplier: j.mimic?.multiplier ?? 1,
      offset: j.mimic?.offset ?? 0,
      pureShift: j.origin.rpy.every((v) => v === 0),
      principal: j.axis.findIndex((v) => Math.abs(v) === 1),
      principalSign: j.axis.find((v) => Math.abs(v) === 1) ?? 1,
    }));
    const dynamicLinks = new Set<number>();
    const dynamicJoints = new Set<number>();
    this.steps.forEach((s, i) => {
      const mimicsVariable = s.mimicOf >= 0 && dynamicJoints.has(s.mimicOf);
      if (s.variable >= 0 || mimicsVariable) dynamicJoints.add(i);
      if (dynamicJoints.has(i) || dynamicLinks.has(s.parentIdx)) dynamicLinks.add(s.childIdx);
    });
    const needed = this.neededLinks(options.neededLinks);
    this.dynamicSteps = this.steps.filter((s) => dynamicLinks.has(s.childIdx) && needed.has(s.childIdx));
    this.dynamicLinks = dynamicLinks;
    this.computeSteps(this.steps, new Float64Array(variable.length));
  }

  linkIndex(name: string): number {
    const i = this.index.get(name);
    if (i === undefined) throw new UrdfError(`Kinematics: link '${name}' does not exist`);
    return i;
  }

  /** Whether link i moves when a variable joint moves (otherwise its transform never changes). */
  isDynamicLink(linkIdx: number): boolean {
    return this.dynamicLinks.has(linkIdx);
  }

  /** Links that `update` keeps current: the needed ones and their ancestors (all links by default). */
  private neededLinks(names: readonly string[] | undefined): Set<number> {
    if (names === undefined) return new Set(this.linkNames.map((_, i) => i));
    const out = new Set<number>();
    for (const name of names) {
      for (let link: string | undefined = name; link !== undefined;) {
        out.add(this.linkIndex(link));
        link = this.model.parentJointOf.get(link)?.parent;
      }
    }
    return out;
  }

  /** Recomputes the links that move with the variable joints; q in `variableJointNames` order. */
  update(q: ArrayLike<number>): void {
    this.computeSteps(this.dynamicSteps, q);
  }

  /** x, y, z of link i in the root frame, written to out[offset..offset+2]. */
  positionOf(linkIdx: number, out: Float64Array | Float32Array, offset = 0): void {
    const t = this.transforms;
    out[offset] = t[16 * linkIdx + 12] as number;
    out[offset + 1] = t[16 * linkIdx + 13] as number;
    out[offset + 2] = t[16 * linkIdx + 14] as number;
  }

  /** Pose of a link after the last `update` (allocates; not for hot loops). */
  pose(linkName: string): Pose {
    const m = this.views[this.linkIndex(linkName)] as Float64Array;
    const r = new Float64Array(4);
    mat4.getRotation(r, m);
    return {
      xyz: [m[12] as number, m[13] as number, m[14] as number],
      quat: [r[0] as number, r[1] as number, r[2] as number, r[3] as number],
    };
  }

  /** Poses of every link for named joint values (missing joints at 0). */
  poses(values: Readonly<Record<string, number>>): Record<string, Pose> {
    for (const name of Object.keys(values)) {
      if (!this.variableJointNames.includes(name))
        throw new UrdfError(`Kinematics: no variable joint '${name}'`);
    }
    this.computeSteps(
      this.steps,
      this.variableJointNames.map((n) => values[n] ?? 0),
    );
    return Object.fromEntries(this.linkNames.map((n) => [n, this.pose(n)]));
  }

  private computeSteps(steps: readonly JointStep[], q: ArrayLike<number>): void {
    const { motion, tmp, transforms, jointValues } = this;
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i] as JointStep;
      let value = s.variable >= 0 ? (q[s.variable] as number) : 0;
      if (s.mimicOf >= 0) value = s.multiplier * (jointValues[s.mimicOf] as number) + s.offset;
      jointValues[s.idx] = value;
      const po = 16 * s.parentIdx;
      const co = 16 * s.childIdx;
      if (s.pureShift) shiftInto(transforms, po, s.origin, transforms, co);
      else if (s.kind === 0 || (s.kind === 1 && s.principal >= 0))
        affineMultiply(transforms, po, s.origin, 0, transforms, co);
      if (s.kind === 0) continue;
      if (s.kind === 1 && s.principal >= 0) {
        rotateColumns(transforms, co, s.principal, s.principalSign * value);
        continue;
      }
      if (s.pureShift) for (let k = 0; k < 16; k++) tmp[k] = transforms[co + k] as number;
      else affineMultiply(transforms, po, s.origin, 0, tmp, 0);
      if (s.kind === 1) rotationAbout(s.axis, value, motion);
      else {
        motion.set(IDENTITY);
        motion[12] = (s.axis[0] as number) * value;
        motion[13] = (s.axis[1] as number) * value;
        motion[14] = (s.axis[2] as number) * value;
      }
      affineMultiply(tmp, 0, motion, 0, transforms, co);
    }
  }
}
