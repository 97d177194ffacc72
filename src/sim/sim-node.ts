/**
 * The simulator's ROS face: publishes what a real robot would (camera, joint states, odometry,
 * tracked people, tool state, /clock, /tf odom→base_link, the goal image) and consumes /cmd_vel and
 * /arm_controller/commands, exactly on the default topics. Commands older than `cmdTimeoutS` are
 * treated as zero, as diff_drive_controller brakes on a cmd_vel timeout.
 */
import type {
  ClockMsg,
  Float64MultiArray,
  Header,
  Image,
  JointState,
  Odometry,
  TFMessage,
  Twist,
} from '../msgs/std.js';
import type { GoalRoute, ToolState, TrackedPersonArray } from '../msgs/own.js';
import { MsgType } from '../msgs/types.js';
import { Topic } from '../msgs/topics.js';
import type { NodeHandle, Publisher } from '../transport/port.js';
import { QOS_COMMAND, QOS_DEFAULT, QOS_LATCHED, QOS_SENSOR_DATA } from '../transport/port.js';
import {
  baseToOdometry,
  jointCommandToArmAction,
  personsToTrackedPeople,
  quaternionFromYaw,
  rgb8ToImage,
  secToTime,
  toolInfoToState,
  twistToBaseAction,
} from '../nodes/convert/index.js';
import type { PlanarPose } from './scenario.js';
import type { Simulator } from './simulator.js';

export interface SimNodeOptions {
  cameraHz: number;
  stateHz: number;
  peopleHz: number;
  cmdTimeoutS: number;
  odomFrame: string;
  baseFrame: string;
  cameraFrame: string;
}

export const DEFAULT_SIM_NODE: Readonly<SimNodeOptions> = Object.freeze({
  cameraHz: 10,
  stateHz: 50,
  peopleHz: 10,
  cmdTimeoutS: 0.5,
  odomFrame: 'odom',
  baseFrame: 'base_link',
  cameraFrame: 'camera_optical_frame',
});

/** Every `periodS` of sim time, on a fixed grid (integer step counts, no drift). */
function everySteps(stepSec: number, hz: number): number {
  return Math.max(1, Math.round(1 / hz / stepSec));
}

export class SimNode {
  readonly node: NodeHandle;
  /** the command the robot executes next step: [v, w, qd...] */
  readonly command: Float64Array;
  commandErrors = 0;
  private lastBaseCmdSec = -Infinity;
  private lastArmCmdSec = -Infinity;
  private readonly pubs: {
    image: Publisher<Image>;
    joints: Publisher<JointState>;
    odom: Publisher<Odometry>;
    people: Publisher<TrackedPersonArray>;
    tool: Publisher<ToolState>;
    clock: Publisher<ClockMsg>;
    tf: Publisher<TFMessage>;
    goal: Publisher<Image>;
    route: Publisher<GoalRoute>;
    goalJoints: Publisher<JointState>;
  };
  private readonly received: Float64Array;
  private readonly every: { camera: number; state: number; people: number };
  private stepCount = 0;

  /** `node`: the simulator's node (in-process: created with `useSimTime: true`; on ROS: wall time, it owns /clock). */
  constructor(
    node: NodeHandle,
    private readonly sim: Simulator,
    private readonly options: SimNodeOptions = DEFAULT_SIM_NODE,
  ) {
    this.node = node;
    const n = this.node;
    this.pubs = {
      image: n.createPublisher(MsgType.Image, Topic.cameraImage, QOS_SENSOR_DATA),
      joints: n.createPublisher(MsgType.JointState, Topic.jointStates, QOS_SENSOR_DATA),
      odom: n.createPublisher(MsgType.Odometry, Topic.odom, QOS_DEFAULT),
      people: n.createPublisher(MsgType.TrackedPersonArray, Topic.people, QOS_DEFAULT),
      tool: n.createPublisher(MsgType.ToolState, Topic.toolState, QOS_DEFAULT),
      clock: n.createPublisher(MsgType.Clock, Topic.clock, QOS_DEFAULT),
      tf: n.createPublisher(MsgType.TFMessage, Topic.tf, QOS_DEFAULT),
      goal: n.createPublisher(MsgType.Image, Topic.goalImage, QOS_LATCHED),
      route: n.createPublisher(MsgType.GoalRoute, Topic.goalRoute, QOS_LATCHED),
      goalJoints: n.createPublisher(MsgType.JointState, Topic.goalJointStates, QOS_LATCHED),
    };
    const a = 2 + sim.robot.armJointNames.length;
    this.command = new Float64Array(a);
    this.received = new Float64Array(a);
    const dt = sim.options.stepSec;
    this.every = {
      camera: everySteps(dt, options.cameraHz),
      state: everySteps(dt, options.stateHz),
      people: everySteps(dt, options.peopleHz),
    };
    n.subscribe<Twist>(MsgType.Twist, Topic.cmdVel, QOS_COMMAND).subscribe((m) => this.onBaseCommand(m));
    n.subscribe<Float64MultiArray>(MsgType.Float64MultiArray, Topic.armCommand, QOS_COMMAND).subscribe((m) =>
      this.onArmCommand(m),
    );
  }

  private onBaseCommand(msg: Twist): void {
    try {
      twistToBaseAction(msg, this.received);
      this.command[0] = this.received[0] as number;
      this.command[1] = this.received[1] as number;
      this.lastBaseCmdSec = this.sim.tSec;
    } catch (err) {
      this.rejectCommand(err);
    }
  }

  private onArmCommand(msg: Float64MultiArray): void {
    try {
      jointCommandToArmAction(msg, this.command.length - 2, this.received);
      for (let j = 2; j < this.command.length; j++) this.command[j] = this.received[j] as number;
      this.lastArmCmdSec = this.sim.tSec;
    } catch (err) {
      this.rejectCommand(err);
    }
  }

  /** A malformed command is dropped (the robot keeps braking toward the last valid one) and logged. */
  private rejectCommand(err: unknown): void {
    this.commandErrors++;
    if (this.commandErrors <= 5) this.node.logger.warn(`ignoring command: ${(err as Error).message}`);
  }

  /** The command to apply this step, with the timeout applied. */
  effectiveCommand(): Float64Array {
    const t = this.sim.tSec;
    if (t - this.lastBaseCmdSec > this.options.cmdTimeoutS) {
      this.command[0] = 0;
      this.command[1] = 0;
    }
    if (t - this.lastArmCmdSec > this.options.cmdTimeoutS) this.command.fill(0, 2);
    return this.command;
  }

  private header(frameId: string): Header {
    return { stamp: secToTime(this.sim.tSec), frame_id: frameId };
  }

  /**
   * Publishes the goal once (latched, so late subscribers get it): the goal posture, then the goal
   * image, or, when the scenario has a route, a GoalRoute of the subgoal images with the goal image
   * last (every image shows the arm in that posture).
   */
  publishGoal(): void {
    const r = this.sim.robot;
    this.pubs.goalJoints.publish({
      header: this.header(''),
      name: [...r.armJointNames],
      position: Float64Array.from(this.sim.scenario.goal.jointPos),
      velocity: new Float64Array(0),
      effort: new Float64Array(0),
    });
    const spec = this.sim.camera.spec;
    const image = (pose?: PlanarPose): Image =>
      rgb8ToImage(
        this.sim.renderGoalImage(pose),
        spec.widthPx,
        spec.heightPx,
        this.header(this.options.cameraFrame),
      );
    const route = this.sim.scenario.route ?? [];
    if (route.length === 0) {
      this.pubs.goal.publish(image());
      return;
    }
    const images = [...route.map((p) => image(p)), image()];
    this.pubs.route.publish({ header: this.header(this.options.cameraFrame), images });
  }

  /** Publishes the sensors due after the step that just ended (call after `Simulator.step`). */
  publishAfterStep(): void {
    const k = this.stepCount++;
    this.pubs.clock.publish({ clock: secToTime(this.sim.tSec) });
    if (k % this.every.state === 0) this.publishState();
    if (k % this.every.people === 0) this.publishPeople();
    if (k % this.every.camera === 0) this.publishCamera();
  }

  private publishState(): void {
    const r = this.sim.robot;
    const o = this.options;
    this.pubs.odom.publish(
      baseToOdometry(
        { xInOdomM: r.xM, yInOdomM: r.yM, yawInOdomRad: r.yawRad, vMps: r.vMps, wRadps: r.wRadps },
        this.header(o.odomFrame),
        o.baseFrame,
      ),
    );
    this.pubs.joints.publish({
      header: this.header(''),
      name: [...r.armJointNames],
      position: Float64Array.from(r.jointPos),
      velocity: Float64Array.from(r.jointVel),
      effort: new Float64Array(0),
    });
    this.pubs.tf.publish({
      transforms: [
        {
          header: this.header(o.odomFrame),
          child_frame_id: o.baseFrame,
          transform: { translation: { x: r.xM, y: r.yM, z: 0 }, rotation: quaternionFromYaw(r.yawRad) },
        },
      ],
    });
  }

  private publishPeople(): void {
    const persons = this.sim.people.map((p) => ({
      id: p.id,
      xInOdomM: p.xM,
      yInOdomM: p.yM,
      vxMps: p.vxMps,
      vyMps: p.vyMps,
      radiusM: p.script.radiusM,
    }));
    this.pubs.people.publish(personsToTrackedPeople(persons, this.header(this.options.odomFrame)));
    const tool = this.sim.scenario.tool;
    this.pubs.tool.publish(
      toolInfoToState(
        { name: tool?.name ?? '', held: tool !== undefined, sharp: tool?.sharp ?? false },
        this.header('tool_tip'),
      ),
    );
  }

  private publishCamera(): void {
    const spec = this.sim.camera.spec;
    // copy: subscribers may keep the frame while the camera renders the next one
    const data = Uint8Array.from(this.sim.renderCamera());
    this.pubs.image.publish(
      rgb8ToImage(data, spec.widthPx, spec.heightPx, this.header(this.options.cameraFrame)),
    );
  }

  destroy(): void {
    this.node.destroy();
  }
}

/** The ROS entry point lives beside the node (src/nodes/registry.ts loads it from this module). */
export { launchSimulator } from './launch-simulator.js';
