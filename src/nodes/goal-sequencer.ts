/**
 * goal_sequencer node: turns a GoalRoute (visual subgoals, last = goal) into one goal image at a
 * time on the goal image topic. The observation encoder encodes each into the goal latent (stamped
 * with the image's stamp as observation_stamp); when the robot's latent comes within `subgoal_tolerance` of the active
 * subgoal's latent (RouteProgress), the next image goes out. With a world model that has a goal-pose
 * head, "within" is measured in metres instead (`subgoal_tolerance_m`, the head's reading of the
 * subgoal from the robot's latent): latent distance does not tell two corridor views a metre apart.
 * A plain goal image published by someone else still works without this node.
 */
import type { GoalPoseReader } from '../core/worldmodel/goal-pose-reader.js';
import { RouteProgress } from '../core/worldmodel/route-progress.js';
import type { GoalRoute, Image, LatentState } from '../msgs/index.js';
import { MsgType } from '../msgs/types.js';
import { Topic } from '../msgs/topics.js';
import type { Subscription } from 'rxjs';
import type { NodeHandle, Publisher } from '../transport/port.js';
import { QOS_DEFAULT, QOS_LATCHED } from '../transport/port.js';
import { nsToTime, timeToNs } from './convert/time.js';
import type { NodeLaunchContext, RunningNode } from './registry.js';

export interface GoalSequencerTopics {
  route: string;
  goalImage: string;
  goalLatent: string;
  latent: string;
}

export interface GoalSequencerOptions {
  /** mean |z − z_subgoal| per latent dimension under which a subgoal counts as reached */
  subgoalTolerance: number;
  /**
   * Measure the distance to the active subgoal in metres with the model's goal-pose head; a subgoal
   * counts as reached below `toleranceM`. Without it, latent distance and `subgoalTolerance`.
   */
  goalPose?: { reader: GoalPoseReader; toleranceM: number };
  topics?: Partial<GoalSequencerTopics>;
}

export interface GoalSequencerCounters {
  routes: number;
  badRoutes: number;
  subgoalsReached: number;
  imagesPublished: number;
}

export interface GoalSequencerHandle extends RunningNode {
  counters(): Readonly<GoalSequencerCounters>;
  /** index of the image being aimed at (−1: no route yet) */
  activeIndex(): number;
  /** resolves when no goal-pose reading is in flight (lockstep sims await it) */
  idle(): Promise<void>;
}

/** default `subgoal_tolerance` (mean |Δz| per latent dimension) */
export const DEFAULT_SUBGOAL_TOLERANCE = 0.2;
/** default `subgoal_tolerance_m` (goal-pose head distance): a quarter of the 2.5 m subgoal spacing the scenarios use */
export const DEFAULT_SUBGOAL_TOLERANCE_M = 0.6;

const DEFAULT_TOPICS: GoalSequencerTopics = {
  route: Topic.goalRoute,
  goalImage: Topic.goalImage,
  goalLatent: Topic.goalLatent,
  latent: Topic.latent,
};

function sameStamp(a: Image['header']['stamp'], b: Image['header']['stamp']): boolean {
  return a.sec === b.sec && a.nanosec === b.nanosec;
}

export function startGoalSequencer(node: NodeHandle, opts: GoalSequencerOptions): GoalSequencerHandle {
  const topics = { ...DEFAULT_TOPICS, ...opts.topics };
  const progress = new RouteProgress(opts.goalPose ? opts.goalPose.toleranceM : opts.subgoalTolerance);
  /** a goal-pose reading in flight (readings are skipped, never queued, while one runs) */
  let reading: Promise<void> | undefined;
  const counters: GoalSequencerCounters = { routes: 0, badRoutes: 0, subgoalsReached: 0, imagesPublished: 0 };
  const goalPub: Publisher<Image> = node.createPublisher<Image>(MsgType.Image, topics.goalImage, QOS_LATCHED);
  let images: Image[] = [];
  /** latent of the active subgoal, once the encoder has sent the one stamped like its image */
  let activeGoal: Float32Array | undefined;

  const publishActive = (): void => {
    const img = images[progress.activeIndex];
    if (!img) return;
    activeGoal = undefined;
    goalPub.publish(img);
    counters.imagesPublished++;
  };

  const onRoute = (msg: GoalRoute): void => {
    if (!Array.isArray(msg.images) || msg.images.length === 0) {
      counters.badRoutes++;
      node.logger.warn(`bad route on ${topics.route}: field 'images': expected ≥ 1 image, got none`);
      return;
    }
    // every image gets its own stamp (route stamp + index ns) so the goal latent tells which it encodes
    const baseNs = timeToNs(msg.header.stamp);
    images = msg.images.map((im, i) => ({
      ...im,
      header: { ...im.header, stamp: nsToTime(baseNs + BigInt(i)) },
    }));
    counters.routes++;
    progress.start(images.length);
    node.logger.info(`route of ${images.length} goal images received; aiming at 1/${images.length}`);
    publishActive();
  };

  const onGoalLatent = (msg: LatentState): void => {
    const img = images[progress.activeIndex];
    if (!img || !sameStamp(msg.observation_stamp, img.header.stamp)) return;
    activeGoal = Float32Array.from(msg.latent);
  };

  const advance = (): void => {
    counters.subgoalsReached++;
    node.logger.info(`subgoal reached; aiming at ${progress.activeIndex + 1}/${progress.imageCount}`);
    publishActive();
  };

  const onLatent = (msg: LatentState): void => {
    if (!activeGoal || msg.latent.length !== activeGoal.length) return;
    if (!opts.goalPose) {
      if (progress.update(msg.latent, activeGoal)) advance();
      return;
    }
    if (reading) return;
    const goal = activeGoal;
    const index = progress.activeIndex;
    reading = opts.goalPose.reader
      .distanceM(msg.latent, goal)
      .then((d) => {
        // the route may have moved on (a new route) while the head was reading
        if (progress.activeIndex === index && activeGoal === goal && progress.advanceIf(d)) advance();
      })
      .catch((err: unknown) => {
        node.logger.warn(`subgoal distance: ${err instanceof Error ? err.message : String(err)}`);
      })
      .finally(() => {
        reading = undefined;
      });
  };

  const subs: Subscription[] = [
    node.subscribe<GoalRoute>(MsgType.GoalRoute, topics.route, QOS_LATCHED).subscribe(onRoute),
    node.subscribe<LatentState>(MsgType.LatentState, topics.goalLatent, QOS_LATCHED).subscribe(onGoalLatent),
    node.subscribe<LatentState>(MsgType.LatentState, topics.latent, QOS_DEFAULT).subscribe(onLatent),
  ];
  return {
    counters: () => counters,
    activeIndex: () => progress.activeIndex,
    idle: async () => {
      await reading;
    },
    stop: () => subs.forEach((s) => s.unsubscribe()),
  };
}

/**
 * ROS entry point: parameters → startGoalSequencer. With `model_dir` set to a model that has a
 * goal-pose head, subgoals are judged in metres (`subgoal_tolerance_m`).
 */
export async function launchGoalSequencer(node: NodeHandle, ctx: NodeLaunchContext): Promise<RunningNode> {
  const subgoalTolerance = node.declareParameter({
    name: 'subgoal_tolerance',
    type: 'double',
    default: DEFAULT_SUBGOAL_TOLERANCE,
    min: 1e-6,
    max: 100,
    description: 'mean |z − z_subgoal| per latent dimension under which a subgoal counts as reached',
  });
  const toleranceM = node.declareParameter({
    name: 'subgoal_tolerance_m',
    type: 'double',
    default: DEFAULT_SUBGOAL_TOLERANCE_M,
    min: 0.01,
    max: 100,
    unit: 'm',
    description: 'with a goal-pose head (model_dir): distance under which a subgoal counts as reached',
  });
  const modelDir = node.declareParameter<string>({
    name: 'model_dir',
    type: 'string',
    default: 'models/jepa-sim',
    readOnly: true,
    description:
      "world model whose goal-pose head measures subgoal distance ('' or a model without one: latent distance)",
  });
  if (modelDir === '') return startGoalSequencer(node, { subgoalTolerance });
  // loaded here, not at the top: without a model the node needs no ONNX Runtime
  const { OnnxWorldModel } = await import('../runtime/onnx-world-model.js');
  const { parseManifest } = await import('../core/worldmodel/manifest.js');
  const { GoalPoseReader } = await import('../core/worldmodel/goal-pose-reader.js');
  const dir = ctx.resolvePath(modelDir);
  const manifest = parseManifest(JSON.parse(ctx.readText(`${dir}/manifest.json`)) as unknown);
  const model = await OnnxWorldModel.load({
    modelDir: dir,
    armJointNames: manifest.jointNames,
    providers: ['cpu'],
    logger: node.logger,
  });
  if (model.spec.goalPose !== true) {
    node.logger.info(`model '${model.spec.modelId}' has no goal-pose head: subgoals by latent distance`);
    await model.dispose();
    return startGoalSequencer(node, { subgoalTolerance });
  }
  const handle = startGoalSequencer(node, {
    subgoalTolerance,
    goalPose: { reader: new GoalPoseReader(model), toleranceM },
  });
  return {
    ...handle,
    stop: () => {
      handle.stop();
      void model.dispose();
    },
  };
}
