import { describe, expect, it } from 'vitest';
import { InProcessBus } from '../../src/transport/in-process/index.js';
import { QOS_SENSOR_DATA } from '../../src/transport/port.js';
import { launchObservationEncoder } from '../../src/nodes/observation-encoder.js';
import { createLaunchContext } from '../../src/nodes/registry.js';
import type { LatentState } from '../../src/msgs/own.js';
import type { Image, JointState } from '../../src/msgs/std.js';
import { MsgType } from '../../src/msgs/types.js';

describe('observation encoder launched as a ROS node', () => {
  it('loads the model named by its parameters, checks the URDF joints and publishes latents of the model size', async () => {
    const bus = new InProcessBus({ time: 'sim' });
    const node = bus.createNode('observation_encoder', {
      parameterOverrides: { model_dir: 'tests/fixtures/worldmodel/tiny', execution_providers: ['cpu'] },
    });
    const running = await launchObservationEncoder(node, createLaunchContext());
    const src = bus.createNode('camera');
    const got: LatentState[] = [];
    src.subscribe<LatentState>(MsgType.LatentState, '/world_model/latent').subscribe((m) => got.push(m));
    const header = { stamp: { sec: 1, nanosec: 0 }, frame_id: 'camera_optical_frame' };
    src.createPublisher<JointState>(MsgType.JointState, '/joint_states', QOS_SENSOR_DATA).publish({
      header,
      name: ['arm_shoulder_yaw', 'arm_shoulder_pitch', 'arm_elbow_pitch', 'wheel_left'],
      position: [0.1, 0.2, 0.3, 5],
      velocity: [],
      effort: [],
    });
    const data = new Uint8Array(96 * 128 * 3).fill(128);
    src
      .createPublisher<Image>(MsgType.Image, '/camera/image_raw', QOS_SENSOR_DATA)
      .publish({ header, height: 96, width: 128, encoding: 'rgb8', is_bigendian: 0, step: 384, data });
    bus.spin();
    for (let i = 0; i < 20 && got.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      bus.spin();
    }
    running.stop();
    expect(got).toHaveLength(1);
    expect(got[0]?.latent).toHaveLength(8);
    expect(Array.from(got[0]?.latent ?? []).every(Number.isFinite)).toBe(true);
  });
});
