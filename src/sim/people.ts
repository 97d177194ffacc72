/**
 * People: kinematic capsules walking scripted legs (walk to a point, wait, approach the robot).
 * Scripts are plain data built by the scenarios from a seeded Rng, so the same seed gives the same
 * walk. Speeds are clamped to 1.6 m/s, the walking speed ISO 13855 assumes.
 */
import type RAPIER from '@dimforge/rapier3d-compat';
import type { Scene } from './scene.js';
import { Group, interactionGroups } from './scene.js';
import { ColliderKind } from './layout.js';

export const PERSON_MAX_SPEED_MPS = 1.6;
export const PERSON_HEIGHT_M = 1.75;
/**
 * People do not walk into the robot: a person whose walk leads toward it halts while the true gap is
 * below this [m] and steps around it. (The robot can still run into a person; that is a contact.)
 */
export const PERSON_COURTESY_GAP_M = 0.3;
/** how fast a held person steps aside to walk around the robot [m/s] */
export const PERSON_SIDESTEP_MPS = 0.4;

export type Leg =
  | { kind: 'walk'; xM: number; yM: number; speedMps: number }
  | { kind: 'wait'; durationS: number }
  /** walk towards the robot's current position for a while (adversarial) */
  | { kind: 'approach'; speedMps: number; durationS: number; stopAtM: number };

export interface PersonScript {
  id: number;
  radiusM: number;
  startXM: number;
  startYM: number;
  legs: Leg[];
  /** start over from the first leg when the last one ends */
  loop: boolean;
}

export class Walker {
  xM: number;
  yM: number;
  vxMps = 0;
  vyMps = 0;
  private leg = 0;
  private legElapsedS = 0;
  readonly body: RAPIER.RigidBody;
  readonly collider: RAPIER.Collider;

  constructor(
    scene: Scene,
    readonly script: PersonScript,
  ) {
    this.xM = script.startXM;
    this.yM = script.startYM;
    const r = script.radiusM;
    const halfHeightM = PERSON_HEIGHT_M / 2 - r;
    const rapier = scene.rapier;
    this.body = scene.world.createRigidBody(
      rapier.RigidBodyDesc.kinematicPositionBased().setTranslation(this.xM, this.yM, PERSON_HEIGHT_M / 2),
    );
    // Rapier capsules run along y; rotate 90° about x so the person stands along z.
    const desc = rapier.ColliderDesc.capsule(halfHeightM, r)
      .setRotation({ x: Math.SQRT1_2, y: 0, z: 0, w: Math.SQRT1_2 })
      .setCollisionGroups(interactionGroups(Group.people, Group.robotBase | Group.robotArm | Group.query))
      .setActiveCollisionTypes(rapier.ActiveCollisionTypes.ALL)
      .setActiveEvents(rapier.ActiveEvents.COLLISION_EVENTS);
    this.collider = scene.world.createCollider(desc, this.body);
    scene.register(this.collider, ColliderKind.person);
  }

  get id(): number {
    return this.script.id;
  }

  /** Moves along the script for `dtS`; `robotXM/YM` is the target of an 'approach' leg. */
  step(dtS: number, robotXM: number, robotYM: number, hold = false): void {
    if (hold) {
      this.stepAside(dtS, robotXM, robotYM);
      return;
    }
    const legs = this.script.legs;
    let remainingS = dtS;
    const x0 = this.xM;
    const y0 = this.yM;
    // a few legs may end within one step (short waits); bounded so a bad script cannot spin
    for (let guard = 0; guard < 8 && remainingS > 1e-12; guard++) {
      if (this.leg >= legs.length) {
        if (!this.script.loop || legs.length === 0) break;
        this.leg = 0;
      }
      remainingS = this.advanceLeg(legs[this.leg] as Leg, remainingS, robotXM, robotYM);
    }
    this.vxMps = (this.xM - x0) / dtS;
    this.vyMps = (this.yM - y0) / dtS;
    this.body.setNextKinematicTranslation({ x: this.xM, y: this.yM, z: PERSON_HEIGHT_M / 2 });
  }

  /**
   * Would the current leg carry this person toward the robot? True for a 'walk' leg whose target lies
   * on the robot's side; 'approach' legs (adversarial people) and waits answer false.
   */
  walkingToward(robotXM: number, robotYM: number): boolean {
    const legs = this.script.legs;
    const leg = legs[this.leg < legs.length ? this.leg : 0];
    if (!leg || leg.kind !== 'walk') return false;
    return (leg.xM - this.xM) * (robotXM - this.xM) + (leg.yM - this.yM) * (robotYM - this.yM) > 0;
  }

  /**
   * Held by the courtesy gap: step sideways (perpendicular to the walk, away from the robot's centre)
   * so a person whose way a standing robot blocks walks around it instead of waiting for ever; the
   * script resumes where it paused.
   */
  private stepAside(dtS: number, robotXM: number, robotYM: number): void {
    const leg = this.script.legs[this.leg];
    this.vxMps = 0;
    this.vyMps = 0;
    if (leg?.kind !== 'walk') return;
    const len = Math.hypot(leg.xM - this.xM, leg.yM - this.yM);
    if (len < 1e-9) return;
    let px = -(leg.yM - this.yM) / len;
    let py = (leg.xM - this.xM) / len;
    if (px * (this.xM - robotXM) + py * (this.yM - robotYM) < 0) {
      px = -px;
      py = -py;
    }
    this.vxMps = px * PERSON_SIDESTEP_MPS;
    this.vyMps = py * PERSON_SIDESTEP_MPS;
    this.xM += this.vxMps * dtS;
    this.yM += this.vyMps * dtS;
    this.body.setNextKinematicTranslation({ x: this.xM, y: this.yM, z: PERSON_HEIGHT_M / 2 });
  }

  /** Runs one leg for at most `dtS`; returns the time left over when the leg ends early. */
  private advanceLeg(leg: Leg, dtS: number, robotXM: number, robotYM: number): number {
    if (leg.kind === 'wait') {
      const left = leg.durationS - this.legElapsedS;
      if (left > dtS) {
        this.legElapsedS += dtS;
        return 0;
      }
      this.nextLeg();
      return dtS - Math.max(left, 0);
    }
    const speed = Math.min(Math.max(leg.speedMps, 0), PERSON_MAX_SPEED_MPS);
    const tx = leg.kind === 'walk' ? leg.xM : robotXM;
    const ty = leg.kind === 'walk' ? leg.yM : robotYM;
    const dx = tx - this.xM;
    const dy = ty - this.yM;
    const dist = Math.hypot(dx, dy);
    let stepS = dtS;
    if (leg.kind === 'approach') stepS = Math.min(dtS, leg.durationS - this.legElapsedS);
    // an approaching person halts `stopAtM` from the robot's centre instead of walking through it
    const reach = leg.kind === 'approach' ? Math.max(dist - leg.stopAtM, 0) : dist;
    const travel = Math.min(speed * stepS, reach);
    if (leg.kind === 'walk' && (dist <= speed * stepS || speed === 0)) {
      this.xM = tx;
      this.yM = ty;
      this.nextLeg();
      return speed > 0 ? dtS - dist / speed : 0;
    }
    if (dist > 1e-9) {
      const s = travel / dist;
      this.xM += dx * s;
      this.yM += dy * s;
    }
    this.legElapsedS += stepS;
    if (leg.kind === 'approach' && this.legElapsedS >= leg.durationS - 1e-12) {
      this.nextLeg();
      return dtS - stepS;
    }
    return 0;
  }

  private nextLeg(): void {
    this.leg++;
    this.legElapsedS = 0;
  }
}
