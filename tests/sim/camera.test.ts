import { describe, expect, it } from 'vitest';
import { Simulator } from '../../src/sim/simulator.js';
import { KIND_COLOURS, ColliderKind } from '../../src/sim/layout.js';
import { URDF_XML, standingPersonScenario } from './fixtures.js';

/** Pixels whose colour is the person's hue: red clearly dominant. */
function reddish(rgb: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < rgb.length; i += 3) {
    const r = rgb[i] as number;
    if (r > 2 * (rgb[i + 1] as number) && r > 2 * (rgb[i + 2] as number) && r > 40) n++;
  }
  return n;
}

describe('ray-cast camera', () => {
  it('renders rgb8 at the configured size', async () => {
    const camera = { widthPx: 32, heightPx: 24, hfovRad: Math.PI / 2, maxRangeM: 15 };
    const sim = await Simulator.create(standingPersonScenario(2), URDF_XML, { stepSec: 0.02, camera });
    expect(sim.renderCamera()).toHaveLength(32 * 24 * 3);
    sim.dispose();
  });

  it('shows a person in front of the robot in the person colour, and leaves them out of the goal image', async () => {
    expect(KIND_COLOURS[ColliderKind.person]?.[0]).toBeGreaterThan(0.8); // the test relies on red people
    const sim = await Simulator.create(standingPersonScenario(2), URDF_XML);
    // a 0.5 m wide person 2 m ahead spans ~14° of the 90° view: several hundred of 12 288 pixels
    expect(reddish(sim.renderCamera())).toBeGreaterThan(200);
    // the goal pose is x = 3, past the person; the goal image is rendered without people
    expect(reddish(sim.renderGoalImage())).toBe(0);
    sim.dispose();
  });

  it('renders the goal image as the camera sees it standing at the goal, own arm included', async () => {
    // the robot stands elsewhere with its arm raised; the goal posture is straight ahead
    const away = { ...standingPersonScenario(2), people: [] };
    away.start = { xM: -2, yM: 1, yawRad: 1, jointPos: [0.8, -0.6, 0.5] };
    const sim = await Simulator.create(away, URDF_XML);
    const before = Uint8Array.from(sim.renderCamera());
    const goalImage = sim.renderGoalImage();
    // reference: a robot that really stands at the goal in the goal posture
    const atGoal = { ...away, start: { ...away.goal } };
    const ref = await Simulator.create(atGoal, URDF_XML);
    const seen = ref.renderCamera();
    let differing = 0;
    for (let i = 0; i < seen.length; i++) if (seen[i] !== goalImage[i]) differing++;
    expect(differing).toBe(0);
    // the arm is in that view: moving it changes the goal image
    ref.robot.setJointPositions([0.6, 0, 0]);
    ref.scene.step();
    let moved = 0;
    const swung = ref.renderCamera();
    for (let i = 0; i < swung.length; i++) if (swung[i] !== goalImage[i]) moved++;
    expect(moved).toBeGreaterThan(30);
    // rendering it neither moved the simulated robot nor changed what its camera sees
    expect([sim.robot.xM, sim.robot.yM, sim.robot.yawRad]).toEqual([-2, 1, 1]);
    expect(Array.from(sim.renderCamera())).toEqual(Array.from(before));
    sim.dispose();
    ref.dispose();
  });

  it('sees nothing red in an empty room', async () => {
    const sim = await Simulator.create({ ...standingPersonScenario(2), people: [] }, URDF_XML);
    expect(reddish(sim.renderCamera())).toBe(0);
    sim.dispose();
  });

  it('interpolates flat regions so closely that no pixel differs from a full render by more than 10 levels', async () => {
    const sim = await Simulator.create(standingPersonScenario(2), URDF_XML);
    const pose = { t: new Float64Array(3), r: new Float64Array(9) };
    sim.robot.linkInOdom(sim.robot.cameraLinkIdx, pose.t, pose.r);
    const exact = Uint8Array.from(sim.camera.render(pose, { exact: true }));
    const adaptive = sim.camera.render(pose);
    let worst = 0;
    for (let i = 0; i < exact.length; i++)
      worst = Math.max(worst, Math.abs((exact[i] as number) - (adaptive[i] as number)));
    expect(worst).toBeLessThanOrEqual(10);
    sim.dispose();
  });
});
