import { describe, expect, it } from 'vitest';
import type { ActionCommand, LatentState, Plan, ToolState, TrackedPersonArray } from '../../src/msgs/own.js';
import { PlanStatus } from '../../src/msgs/own.js';
import type { Odometry, StringMsg } from '../../src/msgs/std.js';
import { Topic } from '../../src/msgs/topics.js';
import { MsgType } from '../../src/msgs/types.js';
import { startMpcPlanner } from '../../src/nodes/mpc-planner.js';
import { InProcessBus } from '../../src/transport/in-process/index.js';
import { AnalyticWorldModel } from '../../src/core/worldmodel/analytic-world-model.js';
import { FakeConstraints } from './fake-constraints.js';

const stamp = { sec: 0, nanosec: 0 };

function rig(overrides: Record<string, number | string> = {}) {
  const bus = new InProcessBus({ time: 'sim' });
  const constraints = Object.assign(new FakeConstraints(), { armJointNames: [] as string[] });
  const model = new AnalyticWorldModel({ armJointCount: 0, stepSec: 0.1 });
  const node = bus.createNode('mpc_planner', {
    useSimTime: true,
    // a small, white-noise, short-horizon planner: these tests are about the node, not the tuning
    parameterOverrides: { samples: 64, horizon: 12, latent_norm: 'l2', noise_correlation: 0, ...overrides },
  });
  const handle = startMpcPlanner(node, { constraints, worldModel: model, nowMs: () => 0 });
  const src = bus.createNode('sources');
  const seen = { proposals: [] as ActionCommand[], plans: [] as Plan[], requests: [] as string[] };
  src
    .subscribe<ActionCommand>(MsgType.ActionCommand, Topic.proposal)
    .subscribe((m) => seen.proposals.push(m));
  src.subscribe<Plan>(MsgType.Plan, Topic.plan).subscribe((m) => seen.plans.push(m));
  src.subscribe<StringMsg>(MsgType.String, Topic.requests).subscribe((m) => seen.requests.push(m.data));
  const pubs = {
    latent: src.createPublisher<LatentState>(MsgType.LatentState, Topic.latent),
    goal: src.createPublisher<LatentState>(MsgType.LatentState, Topic.goalLatent),
    odom: src.createPublisher<Odometry>(MsgType.Odometry, Topic.odom),
    people: src.createPublisher<TrackedPersonArray>(MsgType.TrackedPersonArray, Topic.people),
    tool: src.createPublisher<ToolState>(MsgType.ToolState, Topic.toolState),
  };
  const latent = (x: number, y: number): LatentState => {
    const z = new Float32Array(4);
    model.encodePose(x, y, 0, [], z);
    return {
      header: { stamp, frame_id: '' },
      model_id: model.spec.modelId,
      observation_stamp: stamp,
      latent: z,
    };
  };
  const sendState = (x: number, people: TrackedPersonArray['people'] = []) => {
    pubs.latent.publish(latent(x, 0));
    pubs.odom.publish({
      header: { stamp, frame_id: 'odom' },
      child_frame_id: 'base_link',
      pose: {
        pose: { position: { x, y: 0, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
        covariance: [],
      },
      twist: { twist: { linear: { x: 0, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } }, covariance: [] },
    });
    pubs.people.publish({ header: { stamp, frame_id: 'odom' }, people });
    pubs.tool.publish({ header: { stamp, frame_id: '' }, tool_name: '', held: false, sharp: false });
  };
  const advance = async (t: number) => {
    bus.advanceTo(t);
    await handle.idle();
    bus.spin();
  };
  return { bus, handle, pubs, seen, latent, sendState, advance };
}

describe('mpc_planner node', () => {
  it("defaults latent_norm to 'pose' for a model with a goal-pose head and to 'l1' for one without", () => {
    for (const goalPose of [true, false]) {
      const bus = new InProcessBus({ time: 'sim' });
      const constraints = Object.assign(new FakeConstraints(), { armJointNames: [] as string[] });
      const analytic = new AnalyticWorldModel({ armJointCount: 0, stepSec: 0.1 });
      const worldModel = Object.create(analytic, {
        spec: { value: { ...analytic.spec, goalPose } },
      }) as AnalyticWorldModel;
      const node = bus.createNode('mpc_planner', { useSimTime: true, parameterOverrides: { samples: 8 } });
      const handle = startMpcPlanner(node, { constraints, worldModel, nowMs: () => 0 });
      expect(handle.config.planner.latentNorm).toBe(goalPose ? 'pose' : 'l1');
      handle.stop();
    }
  });

  it('proposes a forward command toward a goal ahead and publishes an OK plan', async () => {
    const r = rig();
    r.pubs.goal.publish(r.latent(2, 0));
    r.sendState(0);
    await r.advance(0.1);
    expect(r.seen.plans.at(-1)?.status).toBe(PlanStatus.OK);
    expect(r.seen.proposals).toHaveLength(1);
    expect(r.seen.proposals[0]?.base_twist.linear.x).toBeGreaterThan(0.1);
    expect(r.seen.plans.at(-1)?.predicted_base_poses).toHaveLength(12);
  });

  it('without odometry, publishes no proposal and a STALE_INPUT plan naming the topic', async () => {
    const r = rig();
    r.pubs.goal.publish(r.latent(2, 0));
    r.pubs.latent.publish(r.latent(0, 0));
    await r.advance(0.1);
    expect(r.seen.proposals).toHaveLength(0);
    expect(r.seen.plans.at(-1)?.status).toBe(PlanStatus.STALE_INPUT);
    expect(r.seen.plans.at(-1)?.reason).toContain('/odom');
  });

  it('when inputs stop for longer than stale_timeout_s, stops proposing', async () => {
    const r = rig({ stale_timeout_s: 0.25 });
    r.pubs.goal.publish(r.latent(2, 0));
    r.sendState(0);
    await r.advance(0.1);
    await r.advance(0.2);
    await r.advance(0.3);
    await r.advance(0.4); // last input at t=0, 0.4 s ago > 0.25 s
    expect(r.seen.proposals).toHaveLength(2);
    expect(r.seen.plans.at(-1)?.status).toBe(PlanStatus.STALE_INPUT);
    expect(r.seen.plans.at(-1)?.reason).toMatch(/last received 0\.\d+ s ago \(limit 0\.25 s\)/);
  });

  it('without a goal, reports NO_GOAL and proposes nothing', async () => {
    const r = rig();
    r.sendState(0);
    await r.advance(0.1);
    expect(r.seen.plans.at(-1)?.status).toBe(PlanStatus.NO_GOAL);
    expect(r.seen.proposals).toHaveLength(0);
  });

  it('when a person blocks the goal, proposes braking, reports INFEASIBLE and asks politely once', async () => {
    const r = rig();
    r.pubs.goal.publish(r.latent(1.5, 0));
    const person = { id: 3, position: { x: 1.6, y: 0, z: 0 }, velocity: { x: 0, y: 0, z: 0 }, radius: 0.2 };
    for (let i = 1; i <= 3; i++) {
      r.sendState(1.1, [person]);
      await r.advance(0.1 * i);
    }
    const plan = r.seen.plans.at(-1);
    expect(plan?.status).toBe(PlanStatus.INFEASIBLE);
    expect(plan?.reason).toMatch(/^person 3 is/);
    expect(r.seen.proposals.at(-1)?.base_twist.linear.x).toBe(0);
    expect(r.seen.requests).toHaveLength(1);
    expect(r.seen.requests[0]).toContain('person 3');
  });

  it('drops a latent from another model with a named error and keeps planning on nothing stale', async () => {
    const r = rig();
    r.pubs.goal.publish({ ...r.latent(2, 0), model_id: 'other' });
    r.sendState(0);
    await r.advance(0.1);
    expect(r.handle.inputs.rejected).toBe(1);
    expect(r.seen.plans.at(-1)?.status).toBe(PlanStatus.NO_GOAL);
  });
});
