/**
 * The package robot in the physics scene: one kinematic body per URDF link that has collision
 * geometry, placed every step by the base pose (diff-drive, integrated exactly) and forward kinematics
 * of the arm. Commands are clamped to the limits a real drive enforces: base speed/acceleration, joint
 * velocity and position limits. A held tool adds a blade collider at `tool_tip`.
 */
import type RAPIER from '@dimforge/rapier3d-compat';
import { mat4 } from 'gl-matrix';
import { Kinematics, integrateBasePose, originMatrix, reachableVelocity } from '../core/robot/index.js';
import type { BaseLimits, RobotModel } from '../core/robot/index.js';
import { linkColliderDesc, robotGroups } from './robot-colliders.js';
import type { Scene } from './scene.js';
import { Group, interactionGroups } from './scene.js';
import { ColliderKind } from './layout.js';

/** Drive limits of the simulated base (the hardware's, not the safety configuration's). */
export const SIM_BASE_LIMITS: Readonly<BaseLimits> = Object.freeze({
  vMaxMps: 1.0,
  vMinMps: -0.4,
  wMaxRadps: 2.0,
  accelMps2: 1.5,
  decelMps2: 3.0,
  angAccelRadps2: 4.0,
  angDecelRadps2: 6.0,
});

export interface ToolSpec {
  name: string;
  sharp: boolean;
  /** blade length along tool_tip x [m] */
  lengthM: number;
}

interface LinkBody {
  linkIdx: number;
  body: RAPIER.RigidBody;
  colliders: RAPIER.Collider[];
}

export class SimRobot {
  readonly kin: Kinematics;
  readonly armJointNames: readonly string[];
  xM = 0;
  yM = 0;
  yawRad = 0;
  vMps = 0;
  wRadps = 0;
  readonly jointPos: Float64Array;
  readonly jointVel: Float64Array;
  readonly colliders: RAPIER.Collider[] = [];
  private readonly links: LinkBody[] = [];
  private readonly lower: Float64Array;
  private readonly upper: Float64Array;
  private readonly vLimit: Float64Array;
  private readonly scratch = new Float64Array(3);
  private readonly range = new Float64Array(2);
  private readonly baseMat = new Float64Array(16);
  private readonly worldMat = new Float64Array(16);
  private readonly q = new Float64Array(4);
  private readonly cameraIdx: number;
  private readonly toolTipIdx: number;
  /** moves the base box so it stops at walls and furniture instead of passing through them */
  private readonly mover: RAPIER.KinematicCharacterController;
  private baseBox: RAPIER.Collider | undefined;
  /** times the base was held back by an obstacle */
  blockedSteps = 0;

  constructor(
    private readonly scene: Scene,
    readonly model: RobotModel,
    readonly limits: BaseLimits = SIM_BASE_LIMITS,
    tool?: ToolSpec,
  ) {
    this.armJointNames = model.armJointNames;
    this.kin = new Kinematics(model, { variableJoints: model.armJointNames });
    const n = this.armJointNames.length;
    this.jointPos = new Float64Array(n);
    this.jointVel = new Float64Array(n);
    const joints = this.armJointNames.map((name) => model.joints.get(name));
    this.lower = Float64Array.from(joints, (j) => j?.limits.lower ?? -Infinity);
    this.upper = Float64Array.from(joints, (j) => j?.limits.upper ?? Infinity);
    this.vLimit = Float64Array.from(joints, (j) => j?.limits.velocity ?? Infinity);
    this.mover = scene.world.createCharacterController(0.01);
    this.mover.setUp({ x: 0, y: 0, z: 1 });
    this.mover.setSlideEnabled(true);
    this.mover.disableSnapToGround();
    this.cameraIdx = this.kin.linkIndex('camera_optical_frame');
    this.toolTipIdx = this.kin.linkIndex('tool_tip');
    const armLinks = this.armLinkNames();
    for (const link of model.links.values()) {
      if (link.collisions.length === 0) continue;
      const isArm = armLinks.has(link.name);
      const kind = isArm ? ColliderKind.robotArm : ColliderKind.robotBase;
      const lb = this.addBody(this.kin.linkIndex(link.name));
      for (const shape of link.collisions) {
        const desc = linkColliderDesc(scene.rapier, shape.geometry, originMatrix(shape.origin), isArm);
        if (!desc) continue;
        this.attach(lb, desc, kind);
        if (link.name === model.rootLink && shape.geometry.kind === 'box')
          this.baseBox ??= lb.colliders.at(-1);
      }
    }
    if (tool) {
      const lb = this.addBody(this.toolTipIdx);
      const blade = scene.rapier.ColliderDesc.cuboid(tool.lengthM / 2, 0.01, 0.002).setTranslation(
        tool.lengthM / 2,
        0,
        0,
      );
      this.attach(lb, robotGroups(scene.rapier, blade, true), ColliderKind.tool);
    }
    this.place();
  }

  /** Links whose pose depends on an arm joint. */
  private armLinkNames(): Set<string> {
    const out = new Set<string>();
    for (const j of this.model.jointsInTreeOrder) {
      if (this.armJointNames.includes(j.name) || out.has(j.parent)) out.add(j.child);
    }
    return out;
  }

  private addBody(linkIdx: number): LinkBody {
    const lb: LinkBody = { linkIdx, body: this.scene.addKinematic(), colliders: [] };
    this.links.push(lb);
    return lb;
  }

  private attach(lb: LinkBody, desc: RAPIER.ColliderDesc, kind: ColliderKind): void {
    const c = this.scene.world.createCollider(desc, lb.body);
    this.scene.register(c, kind);
    lb.colliders.push(c);
    this.colliders.push(c);
  }

  setBasePose(xM: number, yM: number, yawRad: number): void {
    this.xM = xM;
    this.yM = yM;
    this.yawRad = yawRad;
    this.place();
  }

  setJointPositions(q: ArrayLike<number>): void {
    for (let j = 0; j < this.jointPos.length; j++) this.jointPos[j] = q[j] as number;
    this.place();
  }

  /**
   * Applies one step of (v, w, qd...) for `dtS`: base velocities move toward the command within the
   * acceleration limits and clamp to the speed limits; joints move at the clamped velocity and stop
   * at their position limits.
   */
  applyCommand(vCmdMps: number, wCmdRadps: number, qdCmd: ArrayLike<number>, dtS: number): void {
    const L = this.limits;
    reachableVelocity(this.vMps, L.accelMps2, L.decelMps2, dtS, this.range);
    const v = clamp(clamp(vCmdMps, this.range[0] as number, this.range[1] as number), L.vMinMps, L.vMaxMps);
    reachableVelocity(this.wRadps, L.angAccelRadps2, L.angDecelRadps2, dtS, this.range);
    const w = clamp(
      clamp(wCmdRadps, this.range[0] as number, this.range[1] as number),
      -L.wMaxRadps,
      L.wMaxRadps,
    );
    // integrate with the mean of old and new speed, as a drive ramping linearly would
    integrateBasePose(
      this.xM,
      this.yM,
      this.yawRad,
      (this.vMps + v) / 2,
      (this.wRadps + w) / 2,
      dtS,
      this.scratch,
    );
    const dx = (this.scratch[0] as number) - this.xM;
    const dy = (this.scratch[1] as number) - this.yM;
    const allowed = this.obstacleLimitedFraction(dx, dy);
    this.xM += dx * allowed;
    this.yM += dy * allowed;
    const yaw = wrapAngle(this.scratch[2] as number);
    const turnAllowed = !this.turnBlocked(yaw);
    if (turnAllowed) this.yawRad = yaw;
    this.vMps = v * allowed;
    this.wRadps = turnAllowed ? w : 0;
    for (let j = 0; j < this.jointPos.length; j++) {
      const lim = this.vLimit[j] as number;
      const qd = clamp(Number.isFinite(qdCmd[j] as number) ? (qdCmd[j] as number) : 0, -lim, lim);
      const before = this.jointPos[j] as number;
      const after = clamp(before + qd * dtS, this.lower[j] as number, this.upper[j] as number);
      this.jointPos[j] = after;
      this.jointVel[j] = (after - before) / dtS;
    }
    this.place(true);
  }

  /**
   * Fraction [0, 1] of the planar move (dx, dy) the base box can make before touching a wall or
   * furniture, from Rapier's kinematic character controller (static colliders only: people are
   * not obstacles here, touching them is a contact to be counted).
   */
  private obstacleLimitedFraction(dx: number, dy: number): number {
    const want = Math.hypot(dx, dy);
    if (!this.baseBox || want < 1e-12) return 1;
    this.mover.computeColliderMovement(
      this.baseBox,
      { x: dx, y: dy, z: 0 },
      undefined,
      interactionGroups(Group.robotBase, Group.static),
    );
    const got = this.mover.computedMovement();
    // project the corrected move on the wanted direction: sliding along a wall keeps the along-wall part
    const along = (got.x * dx + got.y * dy) / (want * want);
    // the engine works in float32: a free move comes back a hair short, which is not an obstacle
    if (along >= 0.999) return 1;
    this.blockedSteps++;
    return along < 0 ? 0 : along;
  }

  /**
   * Would turning to `yawRad` push the base box into a wall or furniture? (Rapier shape intersection
   * against fixed colliders.) A box that already overlaps may turn freely, so it can get out.
   */
  private turnBlocked(yawRad: number): boolean {
    const box = this.baseBox;
    if (!box || yawRad === this.yawRad) return false;
    const groups = interactionGroups(Group.robotBase, Group.static);
    const overlaps = (yaw: number): boolean => {
      const offset = box.translationWrtParent() ?? { x: 0, y: 0, z: 0 };
      const c = Math.cos(yaw);
      const sn = Math.sin(yaw);
      const centre = {
        x: this.xM + c * offset.x - sn * offset.y,
        y: this.yM + sn * offset.x + c * offset.y,
        z: offset.z,
      };
      const rot = { x: 0, y: 0, z: Math.sin(yaw / 2), w: Math.cos(yaw / 2) };
      return this.scene.world.intersectionWithShape(centre, rot, box.shape, undefined, groups, box) !== null;
    };
    const blocked = overlaps(yawRad) && !overlaps(this.yawRad);
    if (blocked) this.blockedSteps++;
    return blocked;
  }

  /** Moves every link body: `kinematicTarget` for steps, an immediate teleport otherwise. */
  private place(kinematicTarget = false): void {
    this.kin.update(this.jointPos);
    this.baseInOdom(this.baseMat);
    for (const lb of this.links) {
      mat4.multiply(
        this.worldMat,
        this.baseMat,
        this.kin.transforms.subarray(16 * lb.linkIdx, 16 * lb.linkIdx + 16),
      );
      mat4.getRotation(this.q, this.worldMat);
      const m = this.worldMat;
      const t = { x: m[12] as number, y: m[13] as number, z: m[14] as number };
      const q = {
        x: this.q[0] as number,
        y: this.q[1] as number,
        z: this.q[2] as number,
        w: this.q[3] as number,
      };
      if (kinematicTarget) {
        // q and −q are the same rotation, but the engine derives the body's angular velocity from
        // the change of quaternion: keep q on the current one's side, or a sign flip (yaw through ±π)
        // reads as a full turn in one step (a 12 m/s ghost speed in the ground truth)
        const cur = lb.body.rotation();
        if (cur.x * q.x + cur.y * q.y + cur.z * q.z + cur.w * q.w < 0) {
          q.x = -q.x;
          q.y = -q.y;
          q.z = -q.z;
          q.w = -q.w;
        }
        lb.body.setNextKinematicTranslation(t);
        lb.body.setNextKinematicRotation(q);
      } else {
        lb.body.setTranslation(t, true);
        lb.body.setRotation(q, true);
      }
    }
  }

  baseInOdom(out: Float64Array): Float64Array {
    mat4.fromZRotation(out, this.yawRad);
    out[12] = this.xM;
    out[13] = this.yM;
    return out;
  }

  /** Pose of a link in odom for the current state: translation + row-major rotation. */
  linkInOdom(linkIdx: number, outT: Float64Array, outR: Float64Array): void {
    this.baseInOdom(this.baseMat);
    mat4.multiply(this.worldMat, this.baseMat, this.kin.transforms.subarray(16 * linkIdx, 16 * linkIdx + 16));
    const m = this.worldMat;
    outT[0] = m[12] as number;
    outT[1] = m[13] as number;
    outT[2] = m[14] as number;
    // column-major m → row-major r
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) outR[3 * r + c] = m[4 * c + r] as number;
  }

  get cameraLinkIdx(): number {
    return this.cameraIdx;
  }

  get toolTipLinkIdx(): number {
    return this.toolTipIdx;
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

export function wrapAngle(a: number): number {
  return Math.atan2(Math.sin(a), Math.cos(a));
}
