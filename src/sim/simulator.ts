/**
 * The simulated world: Rapier scene, the URDF robot, scripted people, the ray-cast camera and the
 * engine's ground truth. Pure of ROS: `SimNode` publishes what it measures. One `step(cmd)` is one
 * fixed physics step; nothing here reads a clock or an unseeded random source.
 */
import { loadUrdf } from '../core/robot/index.js';
import type { RobotModel } from '../core/robot/index.js';
import type { CameraSpec, Pose3 } from './camera.js';
import { DEFAULT_CAMERA, RayCastCamera } from './camera.js';
import { GoalCamera } from './goal-camera.js';
import { GroundTruth } from './ground-truth.js';
import { PERSON_COURTESY_GAP_M, Walker } from './people.js';
import { loadRapier } from './rapier.js';
import { SimRobot } from './robot.js';
import type { PlanarPose, Scenario } from './scenario.js';
import { Scene } from './scene.js';

export interface SimulatorOptions {
  /** physics step [s] */
  stepSec: number;
  camera: CameraSpec;
}

export const DEFAULT_SIM_OPTIONS: Readonly<SimulatorOptions> = Object.freeze({
  stepSec: 0.02,
  camera: DEFAULT_CAMERA,
});

export class Simulator {
  tSec = 0;
  /** steps taken; time is stepCount × stepSec so it never drifts */
  stepCount = 0;
  private readonly camPose: Pose3 = { t: new Float64Array(3), r: new Float64Array(9) };
  private goalCamera: GoalCamera | undefined;
  /** the last command actually applied: v, w, qd... */
  readonly appliedCommand: Float64Array;

  private constructor(
    readonly scenario: Scenario,
    readonly model: RobotModel,
    readonly scene: Scene,
    readonly robot: SimRobot,
    readonly people: Walker[],
    readonly camera: RayCastCamera,
    readonly truth: GroundTruth,
    readonly options: SimulatorOptions,
    private readonly makeGoalCamera: () => GoalCamera,
  ) {
    this.appliedCommand = new Float64Array(2 + robot.armJointNames.length);
  }

  static async create(
    scenario: Scenario,
    urdfXml: string,
    options: SimulatorOptions = DEFAULT_SIM_OPTIONS,
  ): Promise<Simulator> {
    if (!(options.stepSec > 0 && options.stepSec <= 0.1))
      throw new Error(`simulator: stepSec must be in (0, 0.1] s, got ${options.stepSec}`);
    const rapier = await loadRapier();
    const model = loadUrdf(urdfXml);
    const scene = new Scene(rapier, scenario.layout, options.stepSec);
    const robot = new SimRobot(scene, model, undefined, scenario.tool);
    robot.setJointPositions(scenario.start.jointPos);
    robot.setBasePose(scenario.start.xM, scenario.start.yM, scenario.start.yawRad);
    const people = scenario.people.map((p) => new Walker(scene, p));
    const camera = new RayCastCamera(scene, options.camera);
    const truth = new GroundTruth(scene, robot, people);
    // a second Rapier world, built on the first goal image (the sim bench and tests that never render
    // one do not pay for it)
    const makeGoalCamera = (): GoalCamera =>
      GoalCamera.create(rapier, scenario.layout, model, scenario.tool, options.camera, options.stepSec);
    // one step so the query structures know every collider before the first render
    scene.step();
    scene.eventQueue.clear();
    return new Simulator(scenario, model, scene, robot, people, camera, truth, options, makeGoalCamera);
  }

  /** One fixed step under the command [v, w, qd...] (held for the whole step). */
  step(command: ArrayLike<number>): void {
    const dt = this.options.stepSec;
    const n = this.appliedCommand.length;
    const qd = this.appliedCommand.subarray(2);
    for (let j = 2; j < n; j++) qd[j - 2] = (command[j] as number | undefined) ?? 0;
    this.robot.applyCommand(command[0] as number, command[1] as number, qd, dt);
    this.appliedCommand[0] = this.robot.vMps;
    this.appliedCommand[1] = this.robot.wRadps;
    const r = this.robot;
    for (const p of this.people) {
      const hold = p.walkingToward(r.xM, r.yM) && this.truth.distanceTo(p) < PERSON_COURTESY_GAP_M;
      p.step(dt, r.xM, r.yM, hold);
    }
    this.scene.step();
    this.stepCount++;
    this.tSec = this.stepCount * dt;
    this.truth.collectEvents(this.tSec);
  }

  /** Renders the robot's camera now; the returned buffer is reused by the next render. */
  renderCamera(): Uint8Array {
    this.robot.linkInOdom(this.robot.cameraLinkIdx, this.camPose.t, this.camPose.r);
    return this.camera.render(this.camPose);
  }

  /**
   * Renders what the camera would see with the robot at the goal pose (or at `pose`), arm in the goal
   * posture, without people (a copy; see GoalCamera).
   */
  renderGoalImage(pose: PlanarPose = this.scenario.goal): Uint8Array {
    this.goalCamera ??= this.makeGoalCamera();
    return this.goalCamera.render(pose, this.scenario.goal.jointPos);
  }

  /** Base distance to the goal position [m] and heading error [rad]. */
  goalError(): { distanceM: number; yawErrRad: number } {
    const g = this.scenario.goal;
    const r = this.robot;
    return {
      distanceM: Math.hypot(g.xM - r.xM, g.yM - r.yM),
      yawErrRad: Math.abs(Math.atan2(Math.sin(g.yawRad - r.yawRad), Math.cos(g.yawRad - r.yawRad))),
    };
  }

  dispose(): void {
    this.goalCamera?.dispose();
    this.scene.dispose();
  }
}
