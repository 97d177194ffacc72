import { describe, expect, it } from 'vitest';
import { InProcessBus } from '../../src/transport/in-process/index.js';
import { QOS_DEFAULT, QOS_LATCHED, QOS_SENSOR_DATA } from '../../src/transport/port.js';
import { startObservationEncoder } from '../../src/nodes/observation-encoder.js';
import type {
  LatentSpec,
  Observation,
  RolloutRequest,
  WorldModel,
} from '../../src/core/worldmodel/world-model.js';
import { imageSpec } from './image-spec.js';
import type { LatentState } from '../../src/msgs/own.js';
import type { Image, JointState } from '../../src/msgs/std.js';
import { MsgType } from '../../src/msgs/types.js';

const JOINTS = ['arm_shoulder_yaw', 'arm_shoulder_pitch', 'arm_elbow_pitch'];
/** 1x1 model input, identity normalization (p / 255) */
const IMAGE = imageSpec(1, 1);

/** z = [red of the (only) pixel, first joint position] */
class FakeModel implements WorldModel {
  readonly spec: LatentSpec = { latentDim: 2, actionDim: 5, stepSec: 0.1, modelId: 'fake' };
  readonly provider = 'fake';
  encode(obs: Observation, out: Float32Array): Promise<void> {
    out[0] = obs.imageHwc[0] as number;
    out[1] = obs.jointPos[0] as number;
    return Promise.resolve();
  }
  rollout(_req: RolloutRequest): Promise<void> {
    return Promise.resolve();
  }
  dispose(): Promise<void> {
    return Promise.resolve();
  }
}

const stamp = (t: number) => ({ sec: Math.floor(t), nanosec: Math.round((t - Math.floor(t)) * 1e9) });
const image = (t: number, red: number, encoding = 'rgb8'): Image => ({
  header: { stamp: stamp(t), frame_id: 'camera_optical_frame' },
  height: 1,
  width: 1,
  encoding,
  is_bigendian: 0,
  step: 3,
  data: Uint8Array.from([red, 0, 0]),
});
const joints = (t: number, q0: number): JointState => ({
  header: { stamp: stamp(t), frame_id: '' },
  name: JOINTS,
  position: [q0, 0, 0],
  velocity: [],
  effort: [],
});

async function settle(bus: InProcessBus): Promise<void> {
  for (let i = 0; i < 3; i++) {
    bus.spin();
    await new Promise((r) => setImmediate(r));
  }
  bus.spin();
}

function rig(maxSkewSec = 0.05) {
  const bus = new InProcessBus({ time: 'sim' });
  const node = bus.createNode('observation_encoder');
  const src = bus.createNode('src');
  const handle = startObservationEncoder(node, {
    model: new FakeModel(),
    image: IMAGE,
    armJointNames: JOINTS,
    maxSkewSec,
  });
  const cam = src.createPublisher<Image>(MsgType.Image, '/camera/image_raw', QOS_SENSOR_DATA);
  const js = src.createPublisher<JointState>(MsgType.JointState, '/joint_states', QOS_SENSOR_DATA);
  const goal = src.createPublisher<Image>(MsgType.Image, '/world_model/goal_image', QOS_DEFAULT);
  const goalJs = src.createPublisher<JointState>(
    MsgType.JointState,
    '/world_model/goal_joint_states',
    QOS_LATCHED,
  );
  const latents: LatentState[] = [];
  const goals: LatentState[] = [];
  src.subscribe<LatentState>(MsgType.LatentState, '/world_model/latent').subscribe((m) => latents.push(m));
  src.subscribe<LatentState>(MsgType.LatentState, '/world_model/goal_latent').subscribe((m) => goals.push(m));
  return { bus, handle, cam, js, goal, goalJs, latents, goals };
}

describe('observation encoder node', () => {
  it('pairs an image with the joint sample nearest its stamp and publishes the latent', async () => {
    const r = rig();
    r.js.publish(joints(10.0, 0.25));
    r.js.publish(joints(10.1, 0.5));
    r.cam.publish(image(10.09, 51));
    await settle(r.bus);
    expect(r.latents).toHaveLength(1);
    const m = r.latents[0] as LatentState;
    // red 51 / 255 = 0.2; joint sample at 10.1 is 0.01 s away, the one at 10.0 is 0.09 s away
    expect(Array.from(m.latent)).toEqual([Math.fround(0.2), 0.5]);
    expect(m.observation_stamp).toEqual(stamp(10.09));
    expect(m.model_id).toBe('fake');
  });

  it('waits for joint states that arrive after the image', async () => {
    const r = rig();
    r.cam.publish(image(5.0, 0));
    await settle(r.bus);
    expect(r.latents).toHaveLength(0);
    r.js.publish(joints(5.02, 1.0));
    await settle(r.bus);
    expect(r.latents).toHaveLength(1);
  });

  it('drops an image no joint sample is close enough to, and counts it', async () => {
    const r = rig(0.05);
    r.js.publish(joints(1.0, 0));
    r.cam.publish(image(1.2, 0));
    r.js.publish(joints(1.3, 0));
    await settle(r.bus);
    expect(r.latents).toHaveLength(0);
    expect(r.handle.counters().unpaired).toBe(1);
  });

  it('counts a bad image and a NaN joint state without throwing, then keeps encoding', async () => {
    const r = rig();
    r.cam.publish(image(2.0, 0, 'yuv422'));
    r.js.publish({ ...joints(2.0, 0), position: [Number.NaN, 0, 0] });
    await settle(r.bus);
    expect(r.handle.counters()).toMatchObject({ badImages: 1, badJointStates: 1, latentsPublished: 0 });
    r.js.publish(joints(3.0, 0.75));
    r.cam.publish(image(3.0, 255));
    await settle(r.bus);
    expect(r.latents.map((m) => Array.from(m.latent))).toEqual([[1, 0.75]]);
  });

  it('without a goal posture, encodes a goal image with the current arm posture as the goal latent', async () => {
    const r = rig();
    r.js.publish(joints(4.0, -0.5));
    r.goal.publish(image(0, 102));
    await settle(r.bus);
    expect(r.goals.map((m) => Array.from(m.latent))).toEqual([[Math.fround(0.4), -0.5]]);
    expect(r.handle.counters().goalLatentsPublished).toBe(1);
  });

  it("encodes a goal image with the goal's posture once one came, whatever the arm does now", async () => {
    const r = rig();
    r.goalJs.publish(joints(0, 0.3));
    r.js.publish(joints(4.0, -0.5));
    r.goal.publish(image(0, 102));
    await settle(r.bus);
    r.js.publish(joints(5.0, 1.2));
    r.goal.publish(image(1, 51));
    await settle(r.bus);
    expect(r.goals.map((m) => Array.from(m.latent))).toEqual([
      [Math.fround(0.4), Math.fround(0.3)],
      [Math.fround(0.2), Math.fround(0.3)],
    ]);
  });

  it('counts a goal posture with a NaN or a missing joint, names it, and keeps the last good one', async () => {
    const r = rig();
    r.goalJs.publish(joints(0, 0.3));
    await settle(r.bus);
    r.goalJs.publish({ ...joints(1, 0), position: [Number.NaN, 0, 0] });
    await settle(r.bus); // latched: a queue of depth 1
    r.goalJs.publish({ ...joints(2, 0), name: ['arm_shoulder_yaw'], position: [0.9] });
    await settle(r.bus);
    r.goal.publish(image(0, 0));
    await settle(r.bus);
    expect(r.handle.counters().badGoalJointStates).toBe(2);
    expect(r.goals.map((m) => Array.from(m.latent))).toEqual([[0, Math.fround(0.3)]]);
  });

  it('latches the goal latent so a planner that subscribes later still receives it', async () => {
    const r = rig();
    r.js.publish(joints(4.0, -0.5));
    r.goal.publish(image(0, 102));
    await settle(r.bus);
    const late: LatentState[] = [];
    r.bus
      .createNode('late_planner')
      .subscribe<LatentState>(MsgType.LatentState, '/world_model/goal_latent', QOS_LATCHED)
      .subscribe((m) => late.push(m));
    await settle(r.bus);
    expect(late.map((m) => Array.from(m.latent))).toEqual([[Math.fround(0.4), -0.5]]);
  });
});
