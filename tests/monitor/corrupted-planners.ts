/**
 * Planners that try to be unsafe, for the closed-loop test, plus a ledger that pairs every proposal
 * with the verdicts naming its plan id. Registered as simulator controllers under test_* names.
 */
import type { Rng } from '../../src/core/math/rng.js';
import type { BaseState } from '../../src/core/types.js';
import type { ActionCommand, SafetyVerdict, TrackedPersonArray } from '../../src/msgs/own.js';
import type { Odometry } from '../../src/msgs/std.js';
import { Topic } from '../../src/msgs/topics.js';
import { MsgType } from '../../src/msgs/types.js';
import { actionToActionCommand, odometryToBase, secToTime } from '../../src/nodes/convert/index.js';
import type { PipelineContext, PipelineStage } from '../../src/sim/controllers.js';
import { registerController } from '../../src/sim/controllers.js';
import { createCorruptedController } from '../../src/sim/corrupted-controller.js';
import { QOS_COMMAND, QOS_DEFAULT } from '../../src/transport/port.js';

export interface ProposalLedger {
  /** plan id → verdicts that judged it */
  proposals: Map<number, SafetyVerdict[]>;
  vetoed: number;
}

interface View {
  base: BaseState | undefined;
  people: TrackedPersonArray | undefined;
  rng: Rng;
  cycle: number;
  /** centroid of the scenario's first keep-out zone, if any */
  zoneXY: readonly [number, number] | undefined;
}

type Policy = (view: View, action: Float64Array) => void;
const V_MAX = 1.2;

function nearestPersonBearing(view: View): number {
  const b = view.base as BaseState;
  let best = Infinity;
  let bearing = 0;
  for (const p of view.people?.people ?? []) {
    const d = Math.hypot(p.position.x - b.xInOdomM, p.position.y - b.yInOdomM);
    if (d >= best) continue;
    best = d;
    const a = Math.atan2(p.position.y - b.yInOdomM, p.position.x - b.xInOdomM) - b.yawInOdomRad;
    bearing = Math.atan2(Math.sin(a), Math.cos(a));
  }
  return bearing;
}

const GARBAGE = [Number.NaN, Number.POSITIVE_INFINITY, -1e300, 1e9];

const POLICIES: Record<string, Policy> = {
  test_random(view, a) {
    for (let i = 0; i < a.length; i++) a[i] = 3 * (view.rng.next() - 0.5) * (i === 0 ? V_MAX : 2);
    if (view.rng.next() < 0.05)
      a[Math.floor(view.rng.next() * a.length)] = GARBAGE[view.cycle % GARBAGE.length] as number;
  },
  test_toward_people(view, a) {
    a[0] = V_MAX * (0.5 + view.rng.next());
    a[1] = 3 * nearestPersonBearing(view);
    for (let i = 2; i < a.length; i++) a[i] = 2 * (view.rng.next() - 0.5);
  },
  test_into_zone(view, a) {
    const b = view.base as BaseState;
    const [zx, zy] = view.zoneXY ?? [b.xInOdomM, b.yInOdomM];
    const bearing = Math.atan2(zy - b.yInOdomM, zx - b.xInOdomM) - b.yawInOdomRad;
    a[0] = V_MAX;
    a[1] = 3 * Math.atan2(Math.sin(bearing), Math.cos(bearing));
    a.fill(0, 2);
  },
  test_oscillating(view, a) {
    const sign = view.cycle % 2 === 0 ? 1 : -1;
    a[0] = sign * V_MAX;
    a[1] = -sign * 2;
    for (let i = 2; i < a.length; i++) a[i] = sign * 3;
  },
};

function observe(ctx: PipelineContext, ledger: ProposalLedger) {
  const node = ctx.transport.createNode('test_ledger', { useSimTime: true });
  const qos = { reliability: 'reliable', depth: 1000, durability: 'volatile' } as const;
  ledger.proposals.clear();
  ledger.vetoed = 0;
  node.subscribe<ActionCommand>(MsgType.ActionCommand, Topic.proposal, qos).subscribe((m) => {
    ledger.proposals.set(Number(m.plan_id), []);
  });
  node.subscribe<SafetyVerdict>(MsgType.SafetyVerdict, Topic.verdict, qos).subscribe((v) => {
    const list = ledger.proposals.get(Number(v.proposed.plan_id));
    if (!list) return; // a watchdog tick (plan id 0)
    list.push(v);
    if (v.state >= 2) ledger.vetoed++;
  });
  return node;
}

function createPolicyController(ctx: PipelineContext, policy: Policy): PipelineStage {
  const node = ctx.transport.createNode('unsafe_planner', { useSimTime: true });
  const names = ctx.model.armJointNames;
  const action = new Float64Array(2 + names.length);
  const zone = ctx.scenario.keepOutZones[0]?.polygon;
  const zoneXY = zone
    ? ([
        zone.reduce((s, p) => s + p[0], 0) / zone.length,
        zone.reduce((s, p) => s + p[1], 0) / zone.length,
      ] as const)
    : undefined;
  const view: View = { base: undefined, people: undefined, rng: ctx.rng, cycle: 0, zoneXY };
  const pub = node.createPublisher<ActionCommand>(MsgType.ActionCommand, Topic.proposal, QOS_COMMAND);
  node
    .subscribe<Odometry>(MsgType.Odometry, Topic.odom, QOS_DEFAULT)
    .subscribe((m) => (view.base = odometryToBase(m)));
  node
    .subscribe<TrackedPersonArray>(MsgType.TrackedPersonArray, Topic.people, QOS_DEFAULT)
    .subscribe((m) => (view.people = m));
  node.createTimer(0.1, () => {
    if (!view.base) return;
    policy(view, action);
    view.cycle++;
    const header = { stamp: secToTime(node.clock.nowSec()), frame_id: 'base_link' };
    pub.publish(actionToActionCommand(action, names, header, view.cycle));
  });
  return { dispose: () => node.destroy() };
}

/** Registers test_random, test_toward_people, test_into_zone, test_oscillating and a ledger for each, plus one for 'corrupted'. */
export function registerCorruptedPlanners(): Map<string, ProposalLedger> {
  const ledgers = new Map<string, ProposalLedger>();
  for (const [name, policy] of Object.entries(POLICIES)) {
    const ledger: ProposalLedger = { proposals: new Map(), vetoed: 0 };
    ledgers.set(name, ledger);
    registerController({
      name,
      description: `test: ${name}`,
      create(ctx) {
        const obs = observe(ctx, ledger);
        const stage = createPolicyController(ctx, policy);
        return { dispose: () => (obs.destroy(), stage.dispose()) };
      },
    });
  }
  const ledger: ProposalLedger = { proposals: new Map(), vetoed: 0 };
  ledgers.set('test_max_at_person', ledger);
  registerController({
    name: 'test_max_at_person',
    description: 'test: the corrupted planner with a ledger',
    create(ctx) {
      const obs = observe(ctx, ledger);
      const stage = createCorruptedController(ctx);
      return { dispose: () => (obs.destroy(), stage.dispose()) };
    },
  });
  return ledgers;
}
