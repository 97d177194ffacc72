/**
 * The observation encoder node: camera image + joint states → LatentState on /world_model/latent, and
 * goal images → LatentState on /world_model/goal_latent (with the goal posture from
 * /world_model/goal_joint_states when one came, else the arm's current posture). Thin: conversion and pairing live in the core
 * (preprocess, JointHistory), inference behind the WorldModel seam. Images are paired with the joint
 * sample nearest their stamp within `max_skew_s`; an encode in flight is never queued behind more than
 * one newer observation (newest wins). Bad messages are counted and logged (throttled), never thrown.
 */
import type { Subscription } from 'rxjs';
import { loadUrdf } from '../core/robot/index.js';
import { JointHistory } from '../core/worldmodel/joint-history.js';
import type { ManifestImage } from '../core/worldmodel/manifest.js';
import { ImagePreprocessor } from '../core/worldmodel/preprocess.js';
import type { WorldModel } from '../core/worldmodel/world-model.js';
import type { LatentState } from '../msgs/own.js';
import type { Image, JointState, Time } from '../msgs/std.js';
import { Topic } from '../msgs/topics.js';
import { MsgType } from '../msgs/types.js';
import { OnnxWorldModel } from '../runtime/onnx-world-model.js';
import type { NodeHandle, Publisher } from '../transport/port.js';
import { QOS_DEFAULT, QOS_LATCHED, QOS_SENSOR_DATA } from '../transport/port.js';
import { JointStateReader, secToTime, timeToSec } from './convert/index.js';
import type { NodeLaunchContext, RunningNode } from './registry.js';
import { EncodeSlot } from '../core/worldmodel/encode-slot.js';

export interface ObservationEncoderTopics {
  camera: string;
  jointStates: string;
  latent: string;
  goalImage: string;
  goalLatent: string;
  goalJointStates: string;
}

export interface ObservationEncoderOptions {
  model: WorldModel;
  /** the encoder's input image (manifest.image) */
  image: ManifestImage;
  /** arm joints in the model's order */
  armJointNames: readonly string[];
  /** largest |image stamp − joint stamp| accepted as one observation [s]; default 0.05 */
  maxSkewSec?: number;
  topics?: Partial<ObservationEncoderTopics>;
}

export interface ObservationEncoderCounters {
  images: number;
  jointStates: number;
  latentsPublished: number;
  goalLatentsPublished: number;
  badImages: number;
  badJointStates: number;
  badGoalImages: number;
  badGoalJointStates: number;
  /** images with no joint sample within max skew */
  unpaired: number;
  /** observations replaced by a newer one while the encoder was busy */
  droppedBusy: number;
  encodeErrors: number;
}

export interface ObservationEncoderHandle extends RunningNode {
  counters(): Readonly<ObservationEncoderCounters>;
}

const DEFAULT_TOPICS: ObservationEncoderTopics = {
  camera: Topic.cameraImage,
  jointStates: Topic.jointStates,
  latent: Topic.latent,
  goalImage: Topic.goalImage,
  goalLatent: Topic.goalLatent,
  goalJointStates: Topic.goalJointStates,
};

function newCounters(): ObservationEncoderCounters {
  return {
    images: 0,
    jointStates: 0,
    latentsPublished: 0,
    goalLatentsPublished: 0,
    badImages: 0,
    badJointStates: 0,
    badGoalImages: 0,
    badGoalJointStates: 0,
    unpaired: 0,
    droppedBusy: 0,
    encodeErrors: 0,
  };
}

function latentMsg(
  node: NodeHandle,
  model: WorldModel,
  frameId: string,
  obsStamp: Time,
  z: Float32Array,
): LatentState {
  return {
    header: { stamp: secToTime(node.clock.nowSec()), frame_id: frameId },
    model_id: model.spec.modelId,
    observation_stamp: { sec: obsStamp.sec, nanosec: obsStamp.nanosec },
    latent: Float32Array.from(z),
  };
}

/** The node's state and callbacks; every callback counts and logs its failures and never throws. */
class EncoderNode {
  readonly counters = newCounters();
  private readonly topics: ObservationEncoderTopics;
  private readonly maxSkewSec: number;
  private readonly pre: ImagePreprocessor;
  private readonly history: JointHistory;
  private readonly reader: JointStateReader;
  private readonly goalReader: JointStateReader;
  /** the goal's arm posture, once one came on goalJointStates */
  private readonly goalPosture: Float64Array;
  private hasGoalPosture = false;
  private readonly posScratch: Float64Array;
  private readonly velScratch: Float64Array;
  private readonly obs: EncodeSlot;
  private readonly goal: EncodeSlot;
  private readonly lastWarnSec = new Map<string, number>();
  /** stamp of the staged camera image waiting for a joint sample; NaN when none waits */
  private waitingStampSec = Number.NaN;
  /** set by stop(): an encode still in flight then may fail on a disposed session, which is no fault */
  stopped = false;

  constructor(
    private readonly node: NodeHandle,
    private readonly opts: ObservationEncoderOptions,
  ) {
    this.topics = { ...DEFAULT_TOPICS, ...opts.topics };
    this.maxSkewSec = opts.maxSkewSec ?? 0.05;
    const n = opts.armJointNames.length;
    this.pre = new ImagePreprocessor(opts.image);
    this.history = new JointHistory(n);
    this.reader = new JointStateReader(opts.armJointNames, { topic: this.topics.jointStates });
    this.goalReader = new JointStateReader(opts.armJointNames, { topic: this.topics.goalJointStates });
    this.goalPosture = new Float64Array(n);
    this.posScratch = new Float64Array(n);
    this.velScratch = new Float64Array(n);
    const latentPub = node.createPublisher<LatentState>(MsgType.LatentState, this.topics.latent, QOS_DEFAULT);
    // latched: a planner that starts (or restarts) after the goal was set still gets it
    const goalPub = node.createPublisher<LatentState>(
      MsgType.LatentState,
      this.topics.goalLatent,
      QOS_LATCHED,
    );
    const onError = (err: unknown): void => {
      if (this.stopped) return;
      this.counters.encodeErrors++;
      this.warn('encode failed', err);
    };
    const len = this.pre.outputLength;
    this.obs = new EncodeSlot(opts.model, len, n, this.publishTo(latentPub, 'latentsPublished'), onError);
    this.goal = new EncodeSlot(opts.model, len, n, this.publishTo(goalPub, 'goalLatentsPublished'), onError);
  }

  subscribe(): Subscription[] {
    const { node, topics } = this;
    return [
      node.subscribe<Image>(MsgType.Image, topics.camera, QOS_SENSOR_DATA).subscribe((m) => this.onImage(m)),
      node
        .subscribe<JointState>(MsgType.JointState, topics.jointStates, QOS_SENSOR_DATA)
        .subscribe((m) => this.onJoints(m)),
      // before the goal image: a goal posture published with it must be there when the image comes
      node
        .subscribe<JointState>(MsgType.JointState, topics.goalJointStates, QOS_LATCHED)
        .subscribe((m) => this.onGoalJoints(m)),
      node
        .subscribe<Image>(MsgType.Image, topics.goalImage, QOS_DEFAULT)
        .subscribe((m) => this.onGoalImage(m)),
    ];
  }

  private publishTo(pub: Publisher<LatentState>, key: 'latentsPublished' | 'goalLatentsPublished') {
    return (z: Float32Array, stamp: Time, frameId: string): void => {
      pub.publish(latentMsg(this.node, this.opts.model, frameId, stamp, z));
      this.counters[key]++;
    };
  }

  /** At most one line per kind per second: a broken camera must not flood the log. */
  private warn(kind: string, err: unknown): void {
    const now = this.node.clock.nowSec();
    if (now - (this.lastWarnSec.get(kind) ?? Number.NEGATIVE_INFINITY) < 1) return;
    this.lastWarnSec.set(kind, now);
    this.node.logger.warn(`${kind}: ${err instanceof Error ? err.message : String(err)}`);
  }

  private onImage(msg: Image): void {
    this.counters.images++;
    try {
      const stampSec = timeToSec(msg.header.stamp, this.topics.camera);
      this.pre.run(msg, this.obs.fillImage(msg.header.stamp, msg.header.frame_id));
      if (!Number.isNaN(this.waitingStampSec)) this.counters.unpaired++;
      this.waitingStampSec = stampSec;
      this.tryPair();
    } catch (err) {
      this.waitingStampSec = Number.NaN;
      this.counters.badImages++;
      this.warn(`bad image on ${this.topics.camera}`, err);
    }
  }

  private onJoints(msg: JointState): void {
    this.counters.jointStates++;
    try {
      this.reader.read(msg, this.posScratch, this.velScratch);
      this.history.push(timeToSec(msg.header.stamp, this.topics.jointStates), this.posScratch);
      this.tryPair();
    } catch (err) {
      this.counters.badJointStates++;
      this.warn(`bad joint state on ${this.topics.jointStates}`, err);
    }
  }

  private onGoalJoints(msg: JointState): void {
    try {
      this.goalReader.read(msg, this.posScratch, this.velScratch);
      this.goalPosture.set(this.posScratch);
      this.hasGoalPosture = true;
    } catch (err) {
      this.counters.badGoalJointStates++;
      this.warn(`bad goal joint state on ${this.topics.goalJointStates}`, err);
    }
  }

  private onGoalImage(msg: Image): void {
    try {
      this.pre.run(msg, this.goal.fillImage(msg.header.stamp, msg.header.frame_id));
      // an image carries no arm posture: the goal's when one came, else the current one (zeros before
      // any joint state). The current one is a guess: the latent of a goal image paired with a posture
      // it was not taken in reads as another place.
      if (this.hasGoalPosture) this.goal.fillJoints().set(this.goalPosture);
      else if (!this.history.latest(this.goal.fillJoints())) this.goal.fillJoints().fill(0);
      if (this.goal.commit()) this.counters.droppedBusy++;
    } catch (err) {
      this.counters.badGoalImages++;
      this.warn(`bad goal image on ${this.topics.goalImage}`, err);
    }
  }

  private tryPair(): void {
    const t = this.waitingStampSec;
    if (Number.isNaN(t)) return;
    if (!Number.isNaN(this.history.nearest(t, this.maxSkewSec, this.obs.fillJoints()))) {
      this.waitingStampSec = Number.NaN;
      if (this.obs.commit()) this.counters.droppedBusy++;
    } else if (this.history.newestStamp() > t + this.maxSkewSec) {
      // joint samples have moved past the image: it can never be paired
      this.waitingStampSec = Number.NaN;
      this.counters.unpaired++;
    }
  }
}

export function startObservationEncoder(
  node: NodeHandle,
  opts: ObservationEncoderOptions,
): ObservationEncoderHandle {
  const enc = new EncoderNode(node, opts);
  const subs = enc.subscribe();
  return {
    counters: () => enc.counters,
    stop: () => {
      enc.stopped = true;
      subs.forEach((s) => s.unsubscribe());
    },
  };
}

/** ROS entry point: parameters → model + URDF → startObservationEncoder. */
export async function launchObservationEncoder(
  node: NodeHandle,
  ctx: NodeLaunchContext,
): Promise<RunningNode> {
  const modelDir = node.declareParameter({
    name: 'model_dir',
    type: 'string',
    default: 'models/jepa-sim',
    description: 'directory with manifest.json and the encoder/predictor/rollout ONNX files',
    readOnly: true,
  });
  const providers = node.declareParameter<string[]>({
    name: 'execution_providers',
    type: 'string_array',
    default: ['tensorrt', 'cuda', 'webgpu', 'cpu'],
    description: 'ONNX Runtime execution providers in order of preference (first that starts is used)',
    readOnly: true,
  });
  const urdfFile = node.declareParameter({
    name: 'urdf_file',
    type: 'string',
    default: 'urdf/robot.urdf',
    description: "the robot's URDF; its arm joints must match the model's",
    readOnly: true,
  });
  const maxSkewSec = node.declareParameter({
    name: 'max_skew_s',
    type: 'double',
    default: 0.05,
    unit: 's',
    min: 0,
    max: 1,
    description: 'largest |image stamp − joint state stamp| paired into one observation',
  });
  const robot = loadUrdf(ctx.readText(urdfFile));
  const model = await OnnxWorldModel.load({
    modelDir: ctx.resolvePath(modelDir),
    armJointNames: robot.armJointNames,
    providers,
    logger: node.logger,
  });
  const handle = startObservationEncoder(node, {
    model,
    image: model.manifest.image,
    armJointNames: robot.armJointNames,
    maxSkewSec,
  });
  return {
    stop: () => {
      handle.stop();
      void model.dispose();
    },
  };
}
