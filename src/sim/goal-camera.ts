/**
 * Goal images: what the robot's camera would see standing at a pose with its arm in the goal posture,
 * and no people. Rendered in a scene of its own (the same layout, robot and tool; no people), because
 * Rapier's ray queries see a moved body only after a physics step: placing the simulated robot at the
 * goal and rendering at once drew the world without the robot's own arm (which every camera frame
 * shows), and stepping the real scene would advance it and report contacts at the goal.
 */
import type { RobotModel } from '../core/robot/index.js';
import type { CameraSpec, Pose3 } from './camera.js';
import { RayCastCamera } from './camera.js';
import type { Layout } from './layout.js';
import type { Rapier } from './rapier.js';
import type { ToolSpec } from './robot.js';
import { SimRobot } from './robot.js';
import type { PlanarPose } from './scenario.js';
import { Scene } from './scene.js';

export class GoalCamera {
  private readonly camPose: Pose3 = { t: new Float64Array(3), r: new Float64Array(9) };

  private constructor(
    private readonly scene: Scene,
    private readonly robot: SimRobot,
    private readonly camera: RayCastCamera,
  ) {}

  static create(
    rapier: Rapier,
    layout: Layout,
    model: RobotModel,
    tool: ToolSpec | undefined,
    spec: CameraSpec,
    stepSec: number,
  ): GoalCamera {
    const scene = new Scene(rapier, layout, stepSec);
    const robot = new SimRobot(scene, model, undefined, tool);
    return new GoalCamera(scene, robot, new RayCastCamera(scene, spec));
  }

  /** The goal image at `pose` with the arm at `jointPos` (a copy). */
  render(pose: PlanarPose, jointPos: ArrayLike<number>): Uint8Array {
    const r = this.robot;
    r.setJointPositions(jointPos);
    r.setBasePose(pose.xM, pose.yM, pose.yawRad);
    // a step of this scene only (nothing else lives in it) brings the ray queries up to date
    this.scene.step();
    this.scene.eventQueue.clear();
    r.linkInOdom(r.cameraLinkIdx, this.camPose.t, this.camPose.r);
    return Uint8Array.from(this.camera.render(this.camPose));
  }

  dispose(): void {
    this.scene.dispose();
  }
}
