/**
 * The robot's body as capsules (segment + radius) covering every URDF collision shape, for separation and
 * zone checks. Capsules on links that never move with the arm are fixed in base_link; the others are
 * recomputed from FK. Meshes are not covered (their extent is unknown without loading them).
 */
import { Kinematics, ARM_TIP_LINK } from '../robot/index.js';
import type { RobotModel } from '../robot/index.js';
import { anchorOf, capsuleOfShape, isBelow, pruneContained } from './body-cover.js';
import type { LocalCapsule } from './body-cover.js';

export class BodyModel {
  readonly kin: Kinematics;
  readonly count: number;
  readonly names: readonly string[];
  readonly radiusM: Float64Array;
  /** capsule i endpoints in base_link: [ax, ay, az, bx, by, bz] at 6 i */
  readonly endsInBase: Float64Array;
  /** tool tip in base_link (NaN when the robot has no tool_tip) */
  readonly tipInBase = new Float64Array(3);
  /** arm joint j: unit axis and a point on it, in base_link, at 3 j (after updateArm) */
  readonly jointAxisInBase: Float64Array;
  readonly jointPointInBase: Float64Array;
  /** 1 when capsule i moves with arm joint j, at i·n + j */
  readonly movesWith: Uint8Array;
  readonly armJointCount: number;
  private readonly capsules: LocalCapsule[];
  private readonly dynamicIdx: Int32Array;
  /** link carrying the tool tip (nearest moving ancestor) and the tip in that link's frame */
  private readonly tipIdx: number;
  private readonly tipLocal: Float64Array;
  private readonly jointChildIdx: Int32Array;
  private readonly jointAxisLocal: Float64Array;
  private readonly jointPrismatic: Uint8Array;

  constructor(model: RobotModel, armJointNames: readonly string[]) {
    const full = new Kinematics(model, { variableJoints: armJointNames });
    this.armJointCount = armJointNames.length;
    this.capsules = [];
    for (const link of model.links.values()) {
      link.collisions.forEach((shape, i) => {
        const c = capsuleOfShape(shape);
        if (!c) return;
        const anchor = anchorOf(model, full, link.name);
        this.capsules.push({
          name: link.collisions.length > 1 ? `${link.name}#${i}` : link.name,
          linkIdx: full.linkIndex(anchor.link),
          a: anchor.apply(c.a),
          b: anchor.apply(c.b),
          radiusM: c.r,
        });
      });
    }
    pruneContained(this.capsules, (c) => !full.isDynamicLink(c.linkIdx), full);
    const tip = model.links.has(ARM_TIP_LINK) ? anchorOf(model, full, ARM_TIP_LINK) : undefined;
    this.tipLocal = Float64Array.from(tip ? tip.apply([0, 0, 0]) : [0, 0, 0]);
    const needed = [
      ...this.capsules.map((c) => full.linkNames[c.linkIdx] as string),
      ...armJointNames.map((name) => model.joints.get(name)?.child ?? model.rootLink),
      ...(tip ? [tip.link] : []),
    ];
    this.kin = new Kinematics(model, { variableJoints: armJointNames, neededLinks: needed });
    this.count = this.capsules.length;
    this.names = this.capsules.map((c) => c.name);
    this.radiusM = Float64Array.from(this.capsules, (c) => c.radiusM);
    this.endsInBase = new Float64Array(6 * this.count);
    this.dynamicIdx = Int32Array.from(
      this.capsules.flatMap((c, i) => (this.kin.isDynamicLink(c.linkIdx) ? [i] : [])),
    );
    this.tipIdx = tip ? this.kin.linkIndex(tip.link) : -1;
    const n = this.armJointCount;
    const joints = armJointNames.map((name) => model.joints.get(name));
    this.jointChildIdx = Int32Array.from(joints, (j) => this.kin.linkIndex(j?.child ?? ''));
    this.jointAxisLocal = Float64Array.from(joints.flatMap((j) => [...(j?.axis ?? [1, 0, 0])]));
    this.jointPrismatic = Uint8Array.from(joints, (j) => (j?.type === 'prismatic' ? 1 : 0));
    this.jointAxisInBase = new Float64Array(3 * n);
    this.jointPointInBase = new Float64Array(3 * n);
    this.movesWith = new Uint8Array(this.count * n);
    this.capsules.forEach((c, i) => {
      for (let j = 0; j < n; j++) {
        this.movesWith[i * n + j] = isBelow(
          model,
          this.kin.linkNames[c.linkIdx] as string,
          joints[j]?.name ?? '',
        )
          ? 1
          : 0;
      }
    });
    this.tipMovesWith = Uint8Array.from(armJointNames, (name) =>
      isBelow(model, ARM_TIP_LINK, name) ? 1 : 0,
    );
    const zero = new Float64Array(n);
    this.writeCapsules(Int32Array.from(this.capsules, (_, i) => i));
    this.updateArm(zero);
    this.horizontalReachM = this.computeReach(model);
  }

  /** 1 when the tool tip moves with arm joint j */
  readonly tipMovesWith: Uint8Array;

  isPrismatic(j: number): boolean {
    return this.jointPrismatic[j] === 1;
  }

  /** FK for arm joint positions q (armJointNames order): moving capsules, tool tip, joint axes. */
  updateArm(q: ArrayLike<number>): void {
    this.kin.update(q);
    this.writeCapsules(this.dynamicIdx);
    if (this.tipIdx < 0) {
      this.tipInBase.fill(Number.NaN);
      return;
    }
    const t = this.kin.transforms;
    const o = 16 * this.tipIdx;
    const x = this.tipLocal[0] as number;
    const y = this.tipLocal[1] as number;
    const z = this.tipLocal[2] as number;
    for (let r = 0; r < 3; r++) {
      this.tipInBase[r] =
        (t[o + r] as number) * x +
        (t[o + 4 + r] as number) * y +
        (t[o + 8 + r] as number) * z +
        (t[o + 12 + r] as number);
    }
  }

  /** Arm joint axes and points in base_link for the current FK (used by the speed model). */
  updateJointFrames(): void {
    const t = this.kin.transforms;
    for (let j = 0; j < this.armJointCount; j++) {
      const o = 16 * (this.jointChildIdx[j] as number);
      const ax = this.jointAxisLocal[3 * j] as number;
      const ay = this.jointAxisLocal[3 * j + 1] as number;
      const az = this.jointAxisLocal[3 * j + 2] as number;
      for (let r = 0; r < 3; r++) {
        this.jointAxisInBase[3 * j + r] =
          (t[o + r] as number) * ax + (t[o + 4 + r] as number) * ay + (t[o + 8 + r] as number) * az;
        this.jointPointInBase[3 * j + r] = t[o + 12 + r] as number;
      }
    }
  }

  /** Capsule endpoints then the tool tip, moved from base_link to odom by the base pose [x, y, yaw]: out[6·count + 3]. */
  toOdom(pose: Float64Array, out: Float64Array): void {
    const xM = pose[0] as number;
    const yM = pose[1] as number;
    const c = Math.cos(pose[2] as number);
    const s = Math.sin(pose[2] as number);
    const e = this.endsInBase;
    const m = 2 * this.count;
    for (let k = 0; k < m; k++) {
      const ex = e[3 * k] as number;
      const ey = e[3 * k + 1] as number;
      out[3 * k] = xM + c * ex - s * ey;
      out[3 * k + 1] = yM + s * ex + c * ey;
      out[3 * k + 2] = e[3 * k + 2] as number;
    }
    const tx = this.tipInBase[0] as number;
    const ty = this.tipInBase[1] as number;
    out[3 * m] = xM + c * tx - s * ty;
    out[3 * m + 1] = yM + s * tx + c * ty;
    out[3 * m + 2] = this.tipInBase[2] as number;
  }

  /**
   * Horizontal radius [m] around the base origin that contains every capsule in every arm configuration:
   * exact for fixed capsules; for moving ones, the distance of the first fixed ancestor plus the lengths
   * of the joint offsets down the chain plus the capsule's own extent.
   */
  horizontalReachM = 0;

  private computeReach(model: RobotModel): number {
    const e = this.endsInBase;
    const t = this.kin.transforms;
    let reach = 0;
    this.capsules.forEach((c, i) => {
      const o = 6 * i;
      if (!this.kin.isDynamicLink(c.linkIdx)) {
        const ra = Math.hypot(e[o] as number, e[o + 1] as number);
        const rb = Math.hypot(e[o + 3] as number, e[o + 4] as number);
        reach = Math.max(reach, Math.max(ra, rb) + c.radiusM);
        return;
      }
      let len = Math.max(Math.hypot(...c.a), Math.hypot(...c.b));
      let link = this.kin.linkNames[c.linkIdx] as string;
      for (
        let j = model.parentJointOf.get(link);
        j && this.kin.isDynamicLink(this.kin.linkIndex(link));
        j = model.parentJointOf.get(link)
      ) {
        len += Math.hypot(...j.origin.xyz);
        if (j.type === 'prismatic') len += Math.max(Math.abs(j.limits.lower), Math.abs(j.limits.upper));
        link = j.parent;
      }
      const so = 16 * this.kin.linkIndex(link);
      reach = Math.max(reach, Math.hypot(t[so + 12] as number, t[so + 13] as number) + len + c.radiusM);
    });
    return reach;
  }

  private writeCapsules(indices: Int32Array): void {
    const t = this.kin.transforms;
    const e = this.endsInBase;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k] as number;
      const c = this.capsules[i] as LocalCapsule;
      const o = 16 * c.linkIdx;
      for (let r = 0; r < 3; r++) {
        const m0 = t[o + r] as number;
        const m1 = t[o + 4 + r] as number;
        const m2 = t[o + 8 + r] as number;
        const m3 = t[o + 12 + r] as number;
        e[6 * i + r] = m0 * c.a[0] + m1 * c.a[1] + m2 * c.a[2] + m3;
        e[6 * i + 3 + r] = m0 * c.b[0] + m1 * c.b[1] + m2 * c.b[2] + m3;
      }
    }
  }
}
