import { describe, expect, it } from 'vitest';
import type { MonitorConfig, MonitorConstraints, Proposal } from '../../src/core/monitor/index.js';
import {
  createMonitorState,
  createProposal,
  decide,
  DEFAULT_MONITOR_CONFIG,
  MonitorInputs,
  resetLatch,
} from '../../src/core/monitor/index.js';
import type { Person } from '../../src/core/types.js';
import { createFakeConstraints } from './fake-constraints.js';

const CFG: MonitorConfig = { ...DEFAULT_MONITOR_CONFIG, latchEnabled: false };

function person(xInOdomM: number, radiusM = 0.3): Person {
  return { id: 1, xInOdomM, yInOdomM: 0, vxMps: 0, vyMps: 0, radiusM };
}

/** Every input fresh at `tSec`; a person whose surface is `surfaceM` from the base. */
function setup(cfg: MonitorConfig = CFG, surfaceM = 4.7) {
  const constraints = createFakeConstraints();
  const state = createMonitorState(constraints, cfg);
  const inputs = new MonitorInputs(3);
  const feed = (tSec: number, people: Person[] = [person(surfaceM + 0.3)]) => {
    inputs.acceptJoints(tSec, [0, 0, 0], [0, 0, 0], tSec, cfg);
    inputs.acceptOdom(tSec, { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: 0, wRadps: 0 }, tSec, cfg);
    inputs.acceptPeople(tSec, people, tSec, cfg);
    inputs.acceptTool(tSec, { name: 'none', held: false, sharp: false }, tSec, cfg);
  };
  const proposal = (tSec: number, action: number[]): Proposal => {
    const p = createProposal(5);
    p.stampSec = tSec;
    p.action.set(action);
    return p;
  };
  return { constraints, state, inputs, feed, proposal };
}

describe('monitor decide: start-up and passing', () => {
  it('when no input has been seen yet, expect braking that names every missing input', () => {
    const { state, inputs, proposal } = setup();
    const d = decide(proposal(0, [0.5, 0, 0, 0, 0]), inputs, 0, CFG, state);
    expect(d.kind).toBe('veto');
    expect([...d.command]).toEqual([0, 0, 0, 0, 0]);
    expect(d.violated).toEqual(['missing:joint_states', 'missing:odom', 'missing:people', 'missing:tool']);
    expect(state.counters.stale).toBe(1);
  });

  it('when every input is fresh and the proposal is safe, expect it executed unchanged', () => {
    const { state, inputs, feed, proposal } = setup();
    feed(1);
    const d = decide(proposal(1, [0.5, 0.2, 0.1, -0.3, 0]), inputs, 1, CFG, state);
    expect(d.kind).toBe('pass');
    expect([...d.command]).toEqual([0.5, 0.2, 0.1, -0.3, 0]);
    expect(d.violated).toEqual([]);
    expect(state.counters.passed).toBe(1);
  });
});

describe('monitor decide: limiting and vetoing', () => {
  it('when the proposal is too fast near a person, expect the largest safe scale on the 1/1024 grid', () => {
    // surface at 1.3 m: |v| ≤ 1.3 − 0.5 = 0.8; the largest k/1024 ≤ 0.8 is 819/1024
    const { state, inputs, feed, proposal } = setup(CFG, 1.3);
    feed(1);
    const d = decide(proposal(1, [1, 0.5, 0, 0, 0]), inputs, 1, CFG, state);
    expect(d.kind).toBe('limit');
    expect(d.scale).toBe(819 / 1024);
    expect(d.command[0]).toBe(819 / 1024);
    expect(d.command[1]).toBe((0.5 * 819) / 1024);
    expect(d.violated).toEqual(['separation']);
  });

  it('when limiting is disabled, expect the braking command and the violated constraint named', () => {
    const cfg = { ...CFG, limitEnabled: false };
    const { state, inputs, feed, proposal } = setup(cfg, 1.3);
    feed(1);
    const d = decide(proposal(1, [1, 0, 0, 0, 0]), inputs, 1, cfg, state);
    expect(d.kind).toBe('veto');
    expect([...d.command]).toEqual([0, 0, 0, 0, 0]);
    expect(d.violated).toEqual(['separation']);
    expect(state.counters.vetoed).toBe(1);
  });

  it('when no scale above the minimum is safe, expect a veto', () => {
    // surface at 0.4 m: even v = 0 leaves margin −0.1 m
    const { state, inputs, feed, proposal } = setup(CFG, 0.4);
    feed(1);
    const d = decide(proposal(1, [0.2, 0, 0, 0, 0]), inputs, 1, CFG, state);
    expect(d.kind).toBe('veto');
    expect(d.command[0]).toBe(0);
  });

  it('when the proposal holds NaN, Inf, the wrong length or a conversion error, expect a malformed veto', () => {
    const { state, inputs, feed, proposal } = setup();
    feed(1);
    const bad: Proposal[] = [
      proposal(1, [Number.NaN, 0, 0, 0, 0]),
      proposal(1, [0, 0, 0, Number.POSITIVE_INFINITY, 0]),
    ];
    const short = createProposal(4);
    short.stampSec = 1;
    const unknown = proposal(1, [0, 0, 0, 0, 0]);
    unknown.error = "joint_names: unknown joint 'gripper'";
    for (const p of [...bad, short, unknown]) {
      const d = decide(p, inputs, 1, CFG, state);
      expect(d.kind).toBe('veto');
      expect(d.violated).toEqual(['malformed:proposal']);
    }
    expect(state.counters.malformed).toBe(4);
    expect(state.decision.reason).toBe("joint_names: unknown joint 'gripper'");
  });

  it('when a proposal is too old, from the future or older than the last one, expect a veto naming why', () => {
    const { state, inputs, feed, proposal } = setup();
    feed(2);
    expect(decide(proposal(1.5, [0.1, 0, 0, 0, 0]), inputs, 2, CFG, state).violated).toEqual([
      'stale:proposal',
    ]);
    expect(decide(proposal(2.5, [0.1, 0, 0, 0, 0]), inputs, 2, CFG, state).violated).toEqual([
      'future_stamp:proposal',
    ]);
    expect(decide(proposal(1.95, [0.1, 0, 0, 0, 0]), inputs, 2, CFG, state).kind).toBe('pass');
    expect(decide(proposal(1.9, [0.1, 0, 0, 0, 0]), inputs, 2, CFG, state).violated).toEqual([
      'out_of_order:proposal',
    ]);
    expect(decide(proposal(1.95, [0.1, 0, 0, 0, 0]), inputs, 2, CFG, state).kind).toBe('pass'); // a duplicate is judged again
  });
});

describe('monitor decide: input watchdogs', () => {
  it('when odometry is older than its timeout, expect braking with stale:odom', () => {
    const { state, inputs, feed, proposal } = setup();
    feed(1);
    inputs.acceptJoints(1.25, [0, 0, 0], [0, 0, 0], 1.25, CFG);
    inputs.acceptPeople(1.25, [], 1.25, CFG);
    const d = decide(proposal(1.25, [0.1, 0, 0, 0, 0]), inputs, 1.25, CFG, state);
    expect(d.kind).toBe('veto');
    expect(d.violated).toEqual(['stale:odom']);
  });

  it('when an input arrives stamped in the future or out of order, expect braking until a good message', () => {
    const { state, inputs, feed, proposal } = setup();
    feed(1);
    expect(
      inputs.acceptOdom(1.2, { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: 0, wRadps: 0 }, 1, CFG),
    ).toBe('future_stamp');
    expect(decide(proposal(1, [0.1, 0, 0, 0, 0]), inputs, 1, CFG, state).violated).toEqual([
      'future_stamp:odom',
    ]);
    expect(inputs.acceptJoints(0.9, [0, 0, 0], [0, 0, 0], 1, CFG)).toBe('out_of_order');
    feed(1.05);
    expect(decide(proposal(1.05, [0.1, 0, 0, 0, 0]), inputs, 1.05, CFG, state).kind).toBe('pass');
  });

  it('when a message repeats the last stamp, expect it ignored without a fault', () => {
    const { inputs, feed } = setup();
    feed(1);
    expect(inputs.acceptJoints(1, [9, 9, 9], [0, 0, 0], 1, CFG)).toBe('duplicate');
    expect(inputs.sources.joint_states.fault).toBeNull();
    expect([...inputs.world.robot.jointPos]).toEqual([0, 0, 0]);
  });

  it('when joint states hold NaN or the wrong count, expect a malformed fault and braking', () => {
    const { state, inputs, feed, proposal } = setup();
    feed(1);
    expect(inputs.acceptJoints(1.01, [0, Number.NaN, 0], [0, 0, 0], 1.01, CFG)).toBe('malformed');
    const d = decide(proposal(1.01, [0.1, 0, 0, 0, 0]), inputs, 1.01, CFG, state);
    expect(d.violated).toEqual(['malformed:joint_states']);
    expect(state.counters.malformed).toBe(1);
    expect(inputs.acceptJoints(1.02, [0, 0], [0, 0], 1.02, CFG)).toBe('malformed');
  });

  it('when no proposal was executed for 3 periods, expect the tick to brake; before that, nothing to publish', () => {
    const { state, inputs, feed, proposal } = setup();
    feed(1);
    expect(decide(proposal(1, [0.3, 0, 0, 0, 0]), inputs, 1, CFG, state).kind).toBe('pass');
    feed(1.25);
    expect(decide(null, inputs, 1.25, CFG, state).kind).toBe('none');
    feed(1.35);
    const d = decide(null, inputs, 1.35, CFG, state);
    expect(d.kind).toBe('veto');
    expect(d.violated).toEqual(['stale:proposal']);
    expect(d.command[0]).toBe(0);
  });

  it('when the clock jumps backwards or leaps forward, expect braking and every input forgotten', () => {
    const { state, inputs, feed, proposal } = setup();
    feed(5);
    expect(decide(proposal(5, [0.1, 0, 0, 0, 0]), inputs, 5, CFG, state).kind).toBe('pass');
    expect(decide(null, inputs, 4, CFG, state).violated).toEqual(['clock_jump']);
    expect(inputs.sources.odom.seen).toBe(false);
    feed(4.1);
    expect(decide(proposal(4.1, [0.1, 0, 0, 0, 0]), inputs, 4.1, CFG, state).kind).toBe('pass');
    expect(decide(null, inputs, 6, CFG, state).violated).toEqual(['clock_jump']);
  });
});

describe('monitor decide: latching', () => {
  const LATCH: MonitorConfig = {
    ...CFG,
    latchEnabled: true,
    latchVetoCount: 3,
    latchWindowSec: 1,
    limitEnabled: false,
  };

  it('when 3 vetoes fall within 1 s, expect LATCHED until a reset finds the cause gone', () => {
    const { state, inputs, feed, proposal } = setup(LATCH, 1.3);
    for (const t of [1, 1.1, 1.2]) {
      feed(t);
      expect(decide(proposal(t, [1, 0, 0, 0, 0]), inputs, t, LATCH, state).kind).toBe('veto');
    }
    feed(1.3);
    const d = decide(proposal(1.3, [0.1, 0, 0, 0, 0]), inputs, 1.3, LATCH, state);
    expect(d.kind).toBe('latched');
    expect(d.reason).toBe('3 vetoes within 1 s');
    expect(resetLatch(inputs, 1.3, LATCH, state).success).toBe(true);
    expect(decide(proposal(1.3, [0.1, 0, 0, 0, 0]), inputs, 1.3, LATCH, state).kind).toBe('pass');
  });

  it('when the vetoes are spread wider than the window, expect no latch', () => {
    const { state, inputs, feed, proposal } = setup(LATCH, 1.3);
    for (const t of [1, 1.6, 2.2, 2.8]) {
      feed(t);
      decide(proposal(t, [1, 0, 0, 0, 0]), inputs, t, LATCH, state);
    }
    expect(state.latch.latched).toBe(false);
  });

  it('when braking itself violates a constraint, expect a latch that a reset refuses while the person stays', () => {
    const cfg = { ...LATCH, latchOnHardViolation: true };
    const { state, inputs, feed, proposal } = setup(cfg, 0.4);
    feed(1);
    expect(decide(proposal(1, [0.1, 0, 0, 0, 0]), inputs, 1, cfg, state).kind).toBe('veto');
    expect(state.latch.latched).toBe(true);
    expect(resetLatch(inputs, 1, cfg, state)).toMatchObject({ success: false });
    feed(1.1, [person(5)]);
    expect(resetLatch(inputs, 1.1, cfg, state)).toMatchObject({ success: true });
  });

  it('when inputs are stale at reset time, expect the reset refused naming them', () => {
    const { state, inputs, feed } = setup(LATCH);
    feed(1);
    state.latch.latched = true;
    const r = resetLatch(inputs, 2, LATCH, state);
    expect(r.success).toBe(false);
    expect(r.message).toContain('stale:odom');
  });
});

describe('monitor decide: the held command between proposals', () => {
  it('when a person steps closer after a pass, expect the next tick to veto the held command', () => {
    const { state, inputs, feed, proposal } = setup();
    feed(1);
    expect(decide(proposal(1, [0.5, 0, 0, 0, 0]), inputs, 1, CFG, state).kind).toBe('pass');
    feed(1.1, [person(0.9 + 0.3)]); // surface 0.9 m: |v| ≤ 0.4 now
    const d = decide(null, inputs, 1.1, CFG, state);
    expect(d.kind).toBe('veto');
    expect(d.violated).toEqual(['separation']);
    expect(d.command[0]).toBe(0);
  });

  it('after a veto, expect every tick to keep braking until a proposal passes', () => {
    const cfg = { ...CFG, limitEnabled: false };
    const { state, inputs, feed, proposal } = setup(cfg, 1.3);
    feed(0.9);
    expect(decide(proposal(0.9, [0.5, 0, 0, 0, 0]), inputs, 0.9, cfg, state).kind).toBe('pass');
    feed(1);
    expect(decide(proposal(1, [1, 0, 0, 0, 0]), inputs, 1, cfg, state).kind).toBe('veto');
    feed(1.1);
    expect(decide(null, inputs, 1.1, cfg, state).kind).toBe('veto');
    expect(state.counters.braking).toBe(1);
    expect(decide(proposal(1.1, [0.2, 0, 0, 0, 0]), inputs, 1.1, cfg, state).kind).toBe('pass');
    feed(1.2);
    expect(decide(null, inputs, 1.2, cfg, state).kind).toBe('none');
  });
});

describe('monitor decide: a planner whose every proposal is vetoed', () => {
  it('when proposals keep arriving but none passes, expect ticks to say braking-after-veto, not a missing planner', () => {
    const cfg = { ...CFG, limitEnabled: false };
    const { state, inputs, feed, proposal } = setup(cfg, 1.3);
    for (const t of [1, 1.1, 1.2, 1.3, 1.4]) {
      feed(t);
      expect(decide(proposal(t, [1, 0, 0, 0, 0]), inputs, t, cfg, state).kind).toBe('veto');
      const tick = decide(null, inputs, t + 0.05, cfg, state);
      expect(tick.violated).toEqual([]);
      expect(tick.reason).toBe('braking after a veto until a proposal passes');
    }
    expect(state.counters).toMatchObject({ vetoed: 5, braking: 5, stale: 0 });
  });
});

describe('monitor decide: limiting a moving robot', () => {
  it('when acceleration limits make small scales infeasible, expect the blend from braking to find the safe band', () => {
    // robot at 0.5 m/s; |Δv| ≤ 0.15 per step and v ≤ 0.45 near a person; braking command 0.35 m/s.
    // Scaling 0.6·s from zero is feasible only for s in [0.583, 0.75], which bisection from 0 misses;
    // blending 0.35 + s·(0.6 − 0.35) is feasible for s ≤ 0.4: the largest k/1024 is 409/1024.
    const moving: MonitorConstraints = {
      armJointNames: ['a', 'b', 'c'],
      actionDim: 5,
      checkStopping(world, action) {
        const v = action[0] as number;
        const ok = Math.abs(v - world.robot.base.vMps) <= 0.15 + 1e-12 && v <= 0.45;
        return {
          feasible: ok,
          violations: ok
            ? []
            : [{ constraintId: 'separation', step: 0, bodyPart: 'base', marginM: -0.1, detail: 'too fast' }],
          minSeparationMarginM: 0,
        };
      },
      stoppable(world, action) {
        return this.checkStopping(world, action).feasible;
      },
      brakingAction(world, out) {
        out.fill(0);
        out[0] = world.robot.base.vMps - 0.15;
      },
    };
    const state = createMonitorState(moving, CFG);
    const inputs = new MonitorInputs(3);
    inputs.acceptJoints(1, [0, 0, 0], [0, 0, 0], 1, CFG);
    inputs.acceptOdom(1, { xInOdomM: 0, yInOdomM: 0, yawInOdomRad: 0, vMps: 0.5, wRadps: 0 }, 1, CFG);
    inputs.acceptPeople(1, [], 1, CFG);
    inputs.acceptTool(1, { name: '', held: false, sharp: false }, 1, CFG);
    const p = createProposal(5);
    p.stampSec = 1;
    p.action[0] = 0.6;
    const d = decide(p, inputs, 1, CFG, state);
    expect(d.kind).toBe('limit');
    expect(d.scale).toBe(409 / 1024);
    expect(d.command[0]).toBeCloseTo(0.35 + (409 / 1024) * 0.25, 12);
  });
});
