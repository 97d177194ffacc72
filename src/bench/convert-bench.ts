import { percentile } from '../core/math/stats.js';
import type { Image, JointState } from '../msgs/std.js';
import jpeg from 'jpeg-js';
import {
  JointStateReader,
  actionToActionCommand,
  compressedImageToRgb8,
  imageToRgb8,
  secToTime,
} from '../nodes/convert/index.js';
import { registerBenchmark } from './registry.js';

function timeUs(n: number, body: () => void): Float64Array {
  const samplesUs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    body();
    samplesUs[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  return samplesUs;
}

registerBenchmark({
  name: 'convert',
  description:
    'Message conversions at the node edge: 640×480 bgr8 frame and JPEG → RGB8, JointState read, action → ActionCommand',
  async run({ quick }) {
    const width = 640;
    const height = 480;
    const image: Image = {
      header: { stamp: { sec: 0, nanosec: 0 }, frame_id: 'camera_optical_frame' },
      height,
      width,
      encoding: 'bgr8',
      is_bigendian: 0,
      step: width * 3,
      data: new Uint8Array(width * height * 3).map((_, i) => i & 255),
    };
    const rgb = new Uint8Array(width * height * 3);
    const image_us = timeUs(quick ? 20 : 300, () => imageToRgb8(image, rgb));
    const rgba = new Uint8Array(width * height * 4).map((_, i) => (i * 7) & 255);
    const jpegBytes = new Uint8Array(jpeg.encode({ data: rgba, width, height }, 80).data);
    const compressed = { header: image.header, format: 'jpeg', data: jpegBytes };
    const jpeg_us = timeUs(quick ? 5 : 50, () => compressedImageToRgb8(compressed, rgb));

    const names = ['wheel_left', 'wheel_right', 'arm_shoulder_yaw', 'arm_shoulder_pitch', 'arm_elbow_pitch'];
    const js: JointState = {
      header: image.header,
      name: names,
      position: new Float64Array(5),
      velocity: new Float64Array(5),
      effort: [],
    };
    const reader = new JointStateReader(names.slice(2));
    const pos = new Float64Array(3);
    const vel = new Float64Array(3);
    const joint_us = timeUs(quick ? 2_000 : 50_000, () => reader.read(js, pos, vel));

    const action = new Float64Array([0.2, 0.1, 0, 0.1, -0.1]);
    const header = { stamp: { sec: 0, nanosec: 0 }, frame_id: 'base_link' };
    const armNames = names.slice(2);
    const cmd = actionToActionCommand(action, armNames, header, 0);
    let t = 0;
    const action_us = timeUs(quick ? 2_000 : 50_000, () => {
      secToTime((t += 0.1), header.stamp);
      actionToActionCommand(action, armNames, header, t, cmd);
    });
    return {
      image_rgb8_us_p50: percentile(image_us, 50),
      image_rgb8_us_p99: percentile(image_us, 99),
      jpeg_640x480_us_p50: percentile(jpeg_us, 50),
      jpeg_bytes: jpegBytes.length,
      joint_state_us_p50: percentile(joint_us, 50),
      action_command_us_p50: percentile(action_us, 50),
    };
  },
});
