import { describe, expect, it } from 'vitest';
import type { GoalSequencerOptions } from '../../src/nodes/goal-sequencer.js';
import { startGoalSequencer } from '../../src/nodes/goal-sequencer.js';
import { AnalyticWorldModel } from '../../src/core/worldmodel/analytic-world-model.js';
import { GoalPoseReader } from '../../src/core/worldmodel/goal-pose-reader.js';
import type { GoalRoute, LatentState } from '../../src/msgs/own.js';
import type { Image, Time } from '../../src/msgs/std.js';
import { MsgType } from '../../src/msgs/types.js';
import { Topic } from '../../src/msgs/topics.js';
import { InProcessBus } from '../../src/transport/in-process/index.js';
import { QOS_DEFAULT, QOS_LATCHED } from '../../src/transport/port.js';
import { setLogLevel } from '../../src/transport/logger.js';

setLogLevel('error');

/** A 1×1 image whose red value names it. */
function image(red: number): Image {
  return {
    header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'camera_optical_frame' },
    height: 1,
    width: 1,
    encoding: 'rgb8',
    is_bigendian: 0,
    step: 3,
    data: Uint8Array.from([red, 0, 0]),
  };
}

function latent(z: number[], observationStamp: Time = { sec: 0, nanosec: 0 }): LatentState {
  return {
    header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'camera_optical_frame' },
    model_id: 'test',
    observation_stamp: observationStamp,
    latent: Float32Array.from(z),
  };
}

/** The analytic model (exact goal poses) with a pose latent [x, y, 0.25·cos, 0.25·sin]. */
const analytic = new AnalyticWorldModel({ armJointCount: 0, stepSec: 0.1 });
function poseLatent(xM: number, yM: number): number[] {
  const z = new Float32Array(4);
  analytic.encodePose(xM, yM, 0, [], z);
  return Array.from(z);
}

function rig(goalPose?: GoalSequencerOptions['goalPose']) {
  const bus = new InProcessBus({ time: 'sim' });
  const handle = startGoalSequencer(bus.createNode('goal_sequencer'), {
    subgoalTolerance: 0.2,
    ...(goalPose ? { goalPose } : {}),
  });
  const src = bus.createNode('src');
  const route = src.createPublisher<GoalRoute>(MsgType.GoalRoute, Topic.goalRoute, QOS_LATCHED);
  const goalLatent = src.createPublisher<LatentState>(MsgType.LatentState, Topic.goalLatent, QOS_LATCHED);
  const z = src.createPublisher<LatentState>(MsgType.LatentState, Topic.latent, QOS_DEFAULT);
  const goals: Image[] = [];
  src.subscribe<Image>(MsgType.Image, Topic.goalImage, QOS_LATCHED).subscribe((m) => goals.push(m));
  /** what the observation encoder would answer to the last goal image: its latent [red, 0] */
  const encodeLastGoal = (): void => {
    const g = goals[goals.length - 1] as Image;
    goalLatent.publish(latent([g.data[0] as number, 0], g.header.stamp));
    bus.spin();
  };
  return { bus, handle, route, goalLatent, z, goals, encodeLastGoal };
}

describe('goal sequencer node (route of goal images)', () => {
  it('publishes the first image, then the next each time the latent reaches the active one', () => {
    const r = rig();
    r.route.publish({
      header: { stamp: { sec: 7, nanosec: 0 }, frame_id: '' },
      images: [image(10), image(20), image(30)],
    });
    r.bus.spin();
    expect(r.goals.map((g) => g.data[0])).toEqual([10]);
    r.encodeLastGoal();
    r.z.publish(latent([9, 0])); // mean |Δ| 0.5: not there yet
    r.bus.spin();
    expect(r.handle.activeIndex()).toBe(0);
    r.z.publish(latent([10.2, 0.1])); // mean |Δ| 0.15 < 0.2
    r.bus.spin();
    expect(r.goals.map((g) => g.data[0])).toEqual([10, 20]);
    // each image carries its own stamp, so the goal latent says which image it encodes
    expect(r.goals.map((g) => g.header.stamp)).toEqual([
      { sec: 7, nanosec: 0 },
      { sec: 7, nanosec: 1 },
    ]);
    r.encodeLastGoal();
    r.z.publish(latent([20, 0]));
    r.bus.spin();
    r.encodeLastGoal();
    // the last image is the goal: reaching it publishes nothing more
    r.z.publish(latent([30, 0]));
    r.bus.spin();
    expect(r.goals.map((g) => g.data[0])).toEqual([10, 20, 30]);
    expect(r.handle.counters()).toMatchObject({ routes: 1, subgoalsReached: 2, imagesPublished: 3 });
  });

  it('ignores a goal latent of another image (stale stamp) and latents before the subgoal latent arrives', () => {
    const r = rig();
    r.route.publish({
      header: { stamp: { sec: 1, nanosec: 0 }, frame_id: '' },
      images: [image(10), image(20)],
    });
    r.bus.spin();
    r.z.publish(latent([10, 0])); // no subgoal latent yet
    r.bus.spin();
    r.goalLatent.publish(latent([99, 0], { sec: 0, nanosec: 5 })); // not the active image's stamp
    r.bus.spin();
    r.z.publish(latent([99, 0]));
    r.bus.spin();
    expect(r.handle.activeIndex()).toBe(0);
    expect(r.goals).toHaveLength(1);
  });

  it('with a goal-pose head, advances once the head puts the subgoal within subgoal_tolerance_m', async () => {
    const r = rig({ reader: new GoalPoseReader(analytic), toleranceM: 0.5 });
    r.route.publish({
      header: { stamp: { sec: 1, nanosec: 0 }, frame_id: '' },
      images: [image(10), image(20)],
    });
    r.bus.spin();
    // what the encoder would answer: subgoal 1 is the pose (2, 0)
    const g = r.goals[0] as Image;
    r.goalLatent.publish(latent(poseLatent(2, 0), g.header.stamp));
    r.bus.spin();
    r.z.publish(latent(poseLatent(1.4, 0.1))); // 0.61 m away
    r.bus.spin();
    await r.handle.idle();
    expect(r.handle.activeIndex()).toBe(0);
    r.z.publish(latent(poseLatent(1.7, 0.2))); // 0.36 m away
    r.bus.spin();
    await r.handle.idle();
    expect(r.handle.activeIndex()).toBe(1);
    r.bus.spin();
    expect(r.goals.map((im) => im.data[0])).toEqual([10, 20]);
  });

  it('counts an empty route as bad and keeps going', () => {
    const r = rig();
    r.route.publish({ header: { stamp: { sec: 1, nanosec: 0 }, frame_id: '' }, images: [] });
    r.bus.spin();
    expect(r.handle.counters()).toMatchObject({ routes: 0, badRoutes: 1 });
    expect(r.goals).toHaveLength(0);
    expect(r.handle.activeIndex()).toBe(-1);
  });
});
