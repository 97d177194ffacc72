/**
 * Ground truth from the physics engine, never from the constraint library: robot–person contacts from
 * Rapier's collision events, and the true minimum robot–person distance from Rapier's pairwise contact
 * query (`Collider.contactCollider`, negative when penetrating).
 *
 * The protective separation distance used to count separation violations follows ISO/TS 15066
 * speed-and-separation monitoring with engine-true speeds:
 *   S_p = v_h·(T_r + T_s) + v_r·T_r + B_s + C
 * v_h: the person's true speed, v_r: the true speed of the robot point closest to that person (engine
 * body velocity at the point, rotation included),
 * T_r: reaction time, T_s = v_r / a_brake: stopping time, B_s = v_r² / (2·a_brake): stopping distance,
 * C: intrusion distance plus position uncertainty.
 *
 * A stopped robot satisfies speed-and-separation monitoring whatever the gap (a person may walk up to
 * it), so contacts are split by whether the robot was moving: base |v| > 0.01 m/s, base
 * |ω| > 0.01 rad/s or any arm joint |q̇| > 0.01 rad/s in the drive state the engine applied that step
 * (after limits, wall blocking and joint stops), `ROBOT_MOVING_THRESHOLDS`. ISO/TS 15066 counts the
 * robot's speed *toward* the person, so a robot inside S_p may also back away: a separation violation
 * is a robot part inside S_p whose point closest to the person moves toward them faster than
 * `ROBOT_MOVING_THRESHOLDS.baseMps` (`partsApproaching`); S_p itself still uses that point's full speed.
 */
import type RAPIER from '@dimforge/rapier3d-compat';
import type { Scene } from './scene.js';
import { ColliderKind } from './layout.js';
import type { Walker } from './people.js';
import type { SimRobot } from './robot.js';

export interface SeparationParams {
  reactionTimeS: number;
  brakeDecelMps2: number;
  /** C + Z: intrusion distance and uncertainty [m] */
  marginM: number;
}

export const DEFAULT_SEPARATION: Readonly<SeparationParams> = Object.freeze({
  reactionTimeS: 0.1,
  brakeDecelMps2: 3.0,
  marginM: 0.1,
});

export function protectiveSeparationM(vHumanMps: number, vRobotMps: number, p: SeparationParams): number {
  const stopTimeS = vRobotMps / p.brakeDecelMps2;
  const stopDistM = (vRobotMps * vRobotMps) / (2 * p.brakeDecelMps2);
  return vHumanMps * (p.reactionTimeS + stopTimeS) + vRobotMps * p.reactionTimeS + stopDistM + p.marginM;
}

/** Above any of these the robot counts as moving (see the header comment). */
export const ROBOT_MOVING_THRESHOLDS = Object.freeze({ baseMps: 0.01, baseRadps: 0.01, jointRadps: 0.01 });

export interface ContactEvent {
  tSec: number;
  personId: number;
  /** the robot moved during the step the contact started in */
  robotMoving: boolean;
}

/** Beyond this the distance query reports nothing and we call it "far" [m]. */
const QUERY_RANGE_M = 20;

export class GroundTruth {
  readonly contacts: ContactEvent[] = [];
  /** robot–furniture/wall contact starts (floor excluded) */
  staticContacts = 0;
  private readonly robotHandles = new Set<number>();
  private readonly personByHandle = new Map<number, number>();

  constructor(
    private readonly scene: Scene,
    private readonly robot: SimRobot,
    private readonly people: readonly Walker[],
  ) {
    for (const c of robot.colliders) this.robotHandles.add(c.handle);
    for (const p of people) this.personByHandle.set(p.collider.handle, p.id);
  }

  /** Reads the step's collision events; call once after each physics step. */
  collectEvents(tSec: number): void {
    this.scene.eventQueue.drainCollisionEvents((h1, h2, started) => {
      if (!started) return;
      const robot1 = this.robotHandles.has(h1);
      const robot2 = this.robotHandles.has(h2);
      if (robot1 === robot2) return;
      const other = robot1 ? h2 : h1;
      const personId = this.personByHandle.get(other);
      if (personId !== undefined) this.contacts.push({ tSec, personId, robotMoving: this.robotMoving() });
      else {
        const kind = this.scene.kindOf(other);
        if (kind !== undefined && kind !== ColliderKind.floor) this.staticContacts++;
      }
    });
  }

  /** Whether the last step moved the base or any arm joint above `ROBOT_MOVING_THRESHOLDS`. */
  robotMoving(): boolean {
    const r = this.robot;
    const t = ROBOT_MOVING_THRESHOLDS;
    if (Math.abs(r.vMps) > t.baseMps || Math.abs(r.wRadps) > t.baseRadps) return true;
    for (const qd of r.jointVel) if (Math.abs(qd) > t.jointRadps) return true;
    return false;
  }

  /** True distance [m] between the robot (any link, tool included) and `person`; negative when penetrating. */
  distanceTo(person: Walker): number {
    return this.closestApproach(person).distanceM;
  }

  /**
   * Distance to `person` and the true speed of the robot point closest to them: the engine's body
   * velocity at that point, v + ω × (p − body origin) (so a swinging arm counts at its tip).
   */
  closestApproach(person: Walker): { distanceM: number; robotPointSpeedMps: number } {
    let best = Infinity;
    let bestCollider: RAPIER.Collider | undefined;
    let px = 0;
    let py = 0;
    let pz = 0;
    const pc: RAPIER.Collider = person.collider;
    for (const rc of this.robot.colliders) {
      const hit = rc.contactCollider(pc, QUERY_RANGE_M);
      if (hit && hit.distance < best) {
        best = hit.distance;
        bestCollider = rc;
        px = hit.point1.x;
        py = hit.point1.y;
        pz = hit.point1.z;
      }
    }
    const body = bestCollider?.parent();
    if (!body) return { distanceM: best, robotPointSpeedMps: 0 };
    const [vx, vy, vz] = pointVelocity(body, px, py, pz);
    return { distanceM: best, robotPointSpeedMps: Math.hypot(vx, vy, vz) };
  }

  /**
   * Whether some robot part inside its protective separation distance from `person` (S_p from
   * `spM(partPointSpeedMps)`) has its closest point moving toward the person: the engine's body
   * velocity at that point along the contact normal.
   */
  partsApproaching(person: Walker, spM: (pointSpeedMps: number) => number): boolean {
    const pc: RAPIER.Collider = person.collider;
    for (const rc of this.robot.colliders) {
      const hit = rc.contactCollider(pc, QUERY_RANGE_M);
      const body = rc.parent();
      if (!hit || !body) continue;
      const [vx, vy, vz] = pointVelocity(body, hit.point1.x, hit.point1.y, hit.point1.z);
      if (hit.distance >= spM(Math.hypot(vx, vy, vz))) continue;
      // toward the person: the contact normal, outward from the robot part (also when penetrating)
      const n = hit.normal1;
      if (vx * n.x + vy * n.y + vz * n.z > ROBOT_MOVING_THRESHOLDS.baseMps) return true;
    }
    return false;
  }

  /** Fastest robot body's true linear speed [m/s], from the engine's kinematic body velocities. */
  robotSpeedMps(): number {
    let best = 0;
    for (const c of this.robot.colliders) {
      const body = c.parent();
      if (!body) continue;
      const v = body.linvel();
      const s = Math.hypot(v.x, v.y, v.z);
      if (s > best) best = s;
    }
    return best;
  }
}

/** The engine's velocity [m/s] of a body at a world point: v + ω × (p − body origin). */
function pointVelocity(body: RAPIER.RigidBody, px: number, py: number, pz: number): [number, number, number] {
  const v = body.linvel();
  const w = body.angvel();
  const o = body.translation();
  const rx = px - o.x;
  const ry = py - o.y;
  const rz = pz - o.z;
  return [v.x + w.y * rz - w.z * ry, v.y + w.z * rx - w.x * rz, v.z + w.x * ry - w.y * rx];
}
