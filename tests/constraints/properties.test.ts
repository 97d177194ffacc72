/**
 * Property tests over random robot states, people and actions (fast-check):
 *  - projection output satisfies every per-step constraint, judged by the independent trajectory checker;
 *  - a projected sequence is feasible over the whole horizon (people as growing discs) when zones are off;
 *  - adding a person or a zone never turns an infeasible trajectory feasible (evaluate and evaluateBatch);
 *  - a trajectory that touches a zone is always reported, at the step where it touches;
 *  - inside the protective separation distance an accepted step never brings the robot nearer the
 *    person (one-sphere base, distances computed here from the pose, not by the library).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BodyModel, createConstraintSet, separationMarginM } from '../../src/core/constraints/index.js';
import type { ConstraintSet } from '../../src/core/constraints/index.js';
import type { Person, WorldSnapshot } from '../../src/core/types.js';
import { config, packageRobot, person, sphereBot, world } from './fixtures.js';

const A = 5;
const noZones = { keepOutZones: { enabled: false }, toolWorkspace: { enabled: false } };
const perStep = createConstraintSet(packageRobot, config(noZones));

const personArb = fc.record({
  id: fc.integer({ min: 1, max: 99 }),
  xInOdomM: fc.double({ min: -4, max: 4, noNaN: true }),
  yInOdomM: fc.double({ min: -4, max: 4, noNaN: true }),
  vxMps: fc.constant(0),
  vyMps: fc.constant(0),
  radiusM: fc.double({ min: 0.15, max: 0.4, noNaN: true }),
});

const worldArb = fc
  .record({
    x: fc.double({ min: -1, max: 1, noNaN: true }),
    y: fc.double({ min: -1, max: 1, noNaN: true }),
    yaw: fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
    q: fc.tuple(
      fc.double({ min: -2.75, max: 2.75, noNaN: true }),
      fc.double({ min: -1.55, max: 1.15, noNaN: true }),
      fc.double({ min: -2.35, max: 2.35, noNaN: true }),
    ),
    people: fc.array(personArb, { maxLength: 3 }),
    sharp: fc.boolean(),
  })
  .map((o) => world({ ...o, q: [...o.q] }));

const actionArb = fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: A, maxLength: A });

/** A world moving with velocities reached by one projected step from rest (so they satisfy the per-step set). */
function moving(
  set: ConstraintSet,
  w: WorldSnapshot,
  desired: number[],
): { w: WorldSnapshot; prev: Float64Array } {
  const prev = new Float64Array(A);
  set.projectAction(w, new Float64Array(A), desired, prev);
  const r = w.robot;
  const moved: WorldSnapshot = {
    ...w,
    robot: {
      ...r,
      base: { ...r.base, vMps: prev[0] as number, wRadps: prev[1] as number },
      jointVel: prev.slice(2),
    },
  };
  return { w: moved, prev };
}

describe('projection properties', () => {
  it('always returns an action that passes every per-step check', () => {
    fc.assert(
      fc.property(worldArb, actionArb, actionArb, (w0, d0, d1) => {
        const { w, prev } = moving(perStep, w0, d0);
        const out = new Float64Array(A);
        perStep.projectAction(w, prev, d1, out);
        const e = perStep.evaluate(w, Float32Array.from(out), 1);
        expect(e.violations).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('gives a sequence that is feasible over the horizon when zones are off', () => {
    fc.assert(
      fc.property(
        worldArb,
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 8 * A, maxLength: 8 * A }),
        (w, d) => {
          const out = new Float32Array(8 * A);
          perStep.projectSequence(w, Float32Array.from(d), 8, out);
          expect(perStep.evaluate(w, out, 8).violations).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

const trajectoryArb = fc.array(fc.double({ min: -0.6, max: 0.6, noNaN: true }), {
  minLength: 4 * A,
  maxLength: 4 * A,
});
const zoneArb = fc
  .record({
    cx: fc.double({ min: -2, max: 2, noNaN: true }),
    cy: fc.double({ min: -2, max: 2, noNaN: true }),
    half: fc.double({ min: 0.05, max: 1, noNaN: true }),
  })
  .map((z) => ({
    name: 'added',
    type: 'box' as const,
    minInOdomM: [z.cx - z.half, z.cy - z.half, 0],
    maxInOdomM: [z.cx + z.half, z.cy + z.half, 1],
  }));

function feasibleBoth(
  set: ConstraintSet,
  w: WorldSnapshot,
  actions: Float32Array,
  h: number,
): [boolean, boolean] {
  const f = new Uint8Array(1);
  set.evaluateBatch(w, actions, 1, h, f, new Float32Array(1));
  return [set.evaluate(w, actions, h).feasible, f[0] === 1];
}

describe('monotonicity', () => {
  const full = createConstraintSet(packageRobot, config());

  it('adding a person never makes an infeasible trajectory feasible', () => {
    fc.assert(
      fc.property(worldArb, trajectoryArb, personArb, (w, t, p: Person) => {
        const actions = Float32Array.from(t);
        const before = feasibleBoth(full, w, actions, 4);
        const after = feasibleBoth(full, { ...w, people: [...w.people, p] }, actions, 4);
        expect(before[0]).toBe(before[1]);
        expect(after[0]).toBe(after[1]);
        if (!before[0]) expect(after[0]).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('adding a zone never makes an infeasible trajectory feasible', () => {
    fc.assert(
      fc.property(worldArb, trajectoryArb, zoneArb, (w, t, zone) => {
        const actions = Float32Array.from(t);
        const withZone = createConstraintSet(packageRobot, config({ keepOutZones: { zones: [zone] } }));
        const base = createConstraintSet(packageRobot, config());
        const before = feasibleBoth(base, w, actions, 4);
        const after = feasibleBoth(withZone, w, actions, 4);
        expect(after[0]).toBe(after[1]);
        if (!before[0]) expect(after[0]).toBe(false);
      }),
      { numRuns: 60 },
    );
  });
});

describe('stopping check', () => {
  const full = createConstraintSet(packageRobot, config());
  it('stoppable (allocation-free) agrees with checkStopping on every state and command', () => {
    fc.assert(
      fc.property(worldArb, actionArb, (w, u) => {
        expect(full.stoppable(w, u)).toBe(full.checkStopping(w, u).feasible);
      }),
      { numRuns: 300 },
    );
  });
});

describe('inside the protective separation distance', () => {
  const cfg = config({ separation: { stoppingTimeSec: 0.3 }, base: { decelMps2: 3, angDecelRadps2: 5 } });
  const sphere = createConstraintSet(sphereBot, cfg);
  const dt = cfg.controlPeriodSec;

  it('accepts a moving step only if it keeps out of S_p or takes the robot farther away', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.55, max: 2.5, noNaN: true }), // centre distance to the person
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), // bearing of the person
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }), // robot heading
        fc.double({ min: -0.3, max: 0.3, noNaN: true }), // current speed
        fc.double({ min: -0.5, max: 0.5, noNaN: true }), // current turn rate
        fc.double({ min: -0.1, max: 0.1, noNaN: true }), // speed change
        fc.double({ min: -0.5, max: 0.5, noNaN: true }), // turn-rate change
        (dist, bearing, yaw, v0, w0, dv, dw) => {
          const px = dist * Math.cos(bearing);
          const py = dist * Math.sin(bearing);
          const w = world({ yaw, v: v0, w: w0, people: [person(1, px, py, 0.3)] }, 0);
          const v = v0 + dv;
          const om = w0 + dw;
          if (!sphere.evaluate(w, new Float32Array([v, om]), 1).feasible) return;
          // the base centre after one step along the diff-drive arc
          const th = yaw + om * dt;
          const x1 = Math.abs(om) < 1e-9 ? v * dt * Math.cos(yaw) : (v / om) * (Math.sin(th) - Math.sin(yaw));
          const y1 =
            Math.abs(om) < 1e-9 ? v * dt * Math.sin(yaw) : -(v / om) * (Math.cos(th) - Math.cos(yaw));
          const d1 = Math.hypot(px - x1, py - y1);
          const moved = Math.hypot(x1, y1);
          if (moved < 1e-4 || d1 >= dist) return;
          // it came nearer: then it must still be outside S_p at the step's end
          const gap1 = d1 - 0.3 - 0.2;
          expect(separationMarginM(cfg.separation, gap1, dt, moved / dt)).toBeGreaterThanOrEqual(-1e-6);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('zones', () => {
  const body = new BodyModel(packageRobot, packageRobot.armJointNames);

  /** A point on capsule c at step i of the trajectory, in odom. */
  function pointOnBody(w: WorldSnapshot, actions: Float32Array, i: number, c: number, u: number): number[] {
    const poses = new Float64Array(3 * (i + 1));
    perStep.predictBasePoses(w, actions, i + 1, poses);
    const q = Float64Array.from(w.robot.jointPos);
    for (let s = 0; s <= i; s++)
      for (let j = 0; j < 3; j++) q[j] = (q[j] as number) + (actions[s * A + 2 + j] as number) * 0.1;
    body.updateArm(q);
    const ends = new Float64Array(6 * body.count + 3);
    body.toOdom(poses.subarray(3 * i, 3 * i + 3), ends);
    return [0, 1, 2].map(
      (k) =>
        (ends[6 * c + k] as number) + u * ((ends[6 * c + 3 + k] as number) - (ends[6 * c + k] as number)),
    );
  }

  /** Is point p farther than `clearM` from every capsule of the body at the world's start pose? */
  function startClearOf(w: WorldSnapshot, p: number[], clearM: number): boolean {
    body.updateArm(Float64Array.from(w.robot.jointPos));
    const ends = new Float64Array(6 * body.count + 3);
    const b = w.robot.base;
    body.toOdom(Float64Array.of(b.xInOdomM, b.yInOdomM, b.yawInOdomRad), ends);
    for (let c = 0; c < body.count; c++) {
      const a = [0, 1, 2].map((k) => ends[6 * c + k] as number);
      const d = [0, 1, 2].map((k) => (ends[6 * c + 3 + k] as number) - (a[k] as number));
      const len2 = d.reduce((acc, v) => acc + v * v, 0);
      const u =
        len2 > 0
          ? Math.min(
              1,
              Math.max(0, d.reduce((acc, v, k) => acc + v * ((p[k] as number) - (a[k] as number)), 0) / len2),
            )
          : 0;
      const gap = Math.hypot(
        ...[0, 1, 2].map((k) => (p[k] as number) - (a[k] as number) - u * (d[k] as number)),
      );
      if (gap <= (body.radiusM[c] as number) + clearM) return false;
    }
    return true;
  }

  it('always reports a trajectory that enters a zone, at or before the step it touches it', () => {
    fc.assert(
      fc.property(
        worldArb,
        trajectoryArb,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: body.count - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (w, t, step, c, u, polygon) => {
          const actions = Float32Array.from(t);
          const [x, y, z] = pointOnBody(w, actions, step, c, u) as [number, number, number];
          const e = 0.01;
          // a robot that starts inside a zone may stay or leave (zones-inside.test.ts): this is about entering
          fc.pre(startClearOf(w, [x, y, z], 2 * e));
          const zone = polygon
            ? {
                name: 'touch',
                type: 'polygon' as const,
                pointsInOdomM: [
                  [x - e, y - e],
                  [x + e, y - e],
                  [x, y + e],
                ],
                zMinM: z - e,
                zMaxM: z + e,
              }
            : {
                name: 'touch',
                type: 'box' as const,
                minInOdomM: [x - e, y - e, z - e],
                maxInOdomM: [x + e, y + e, z + e],
              };
          const set = createConstraintSet(
            packageRobot,
            config({ keepOutZones: { marginM: 0, zones: [zone] } }),
          );
          const hits = set
            .evaluate(w, actions, 4)
            .violations.filter((v) => v.constraintId === 'keep_out_zone');
          expect(hits.length).toBeGreaterThan(0);
          expect(Math.min(...hits.map((v) => v.step))).toBeLessThanOrEqual(step);
          const f = new Uint8Array(1);
          set.evaluateBatch(w, actions, 1, 4, f, new Float32Array(1));
          expect(f[0]).toBe(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
