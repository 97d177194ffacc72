/**
 * Energy map: renders the robot's camera at a grid of base poses (people left out) and at points
 * along the straight line from the start to the goal, encodes each image with the world model and
 * reports the L1 latent distance to the goal image's latent — the planner's task energy as the
 * encoder sees it, with no predictor error. A goal the planner can reach from the start shows a bowl
 * around the goal and a falling line; a plateau or a valley elsewhere is where the planner will stall.
 */
import { latentL1 } from '../core/worldmodel/latent-distance.js';
import type { ManifestImage } from '../core/worldmodel/manifest.js';
import { ImagePreprocessor } from '../core/worldmodel/preprocess.js';
import type { WorldModel } from '../core/worldmodel/world-model.js';
import type { PlanarPose } from './scenario.js';
import type { Simulator } from './simulator.js';

export interface EnergyMapOptions {
  /** grid columns [m] */
  xsM: readonly number[];
  /** grid rows [m] */
  ysM: readonly number[];
  /** points along start → goal (0 = start, 1 = goal) */
  lineFractions: readonly number[];
  /** the goal (default: the scenario's) */
  goal?: PlanarPose;
}

export interface EnergyMap {
  xsM: readonly number[];
  ysM: readonly number[];
  /** [row][column] L1 distance to the goal latent, robot at (x, y) with the goal's heading */
  grid: number[][];
  lineFractions: readonly number[];
  line: number[];
}

export async function energyMap(
  sim: Simulator,
  model: WorldModel,
  image: ManifestImage,
  o: EnergyMapOptions,
): Promise<EnergyMap> {
  const pre = new ImagePreprocessor(image);
  const imageHwc = new Float32Array(pre.outputLength);
  const cam = sim.camera.spec;
  const q = sim.scenario.goal.jointPos;
  const jointPos = Float32Array.from(q);
  const encodeAt = async (pose: PlanarPose, out: Float32Array): Promise<void> => {
    const rgb = sim.renderGoalImage(pose);
    pre.run(
      { height: cam.heightPx, width: cam.widthPx, encoding: 'rgb8', step: cam.widthPx * 3, data: rgb },
      imageHwc,
    );
    await model.encode({ imageHwc, jointPos }, out);
  };
  const d = model.spec.latentDim;
  const goal = o.goal ?? sim.scenario.goal;
  const zGoal = new Float32Array(d);
  const z = new Float32Array(d);
  await encodeAt(goal, zGoal);
  const l1 = (): number => latentL1(z, zGoal);
  const grid: number[][] = [];
  for (const yM of o.ysM) {
    const row: number[] = [];
    for (const xM of o.xsM) {
      await encodeAt({ xM, yM, yawRad: goal.yawRad }, z);
      row.push(l1());
    }
    grid.push(row);
  }
  const s = sim.scenario.start;
  const line: number[] = [];
  for (const f of o.lineFractions) {
    await encodeAt(
      { xM: s.xM + f * (goal.xM - s.xM), yM: s.yM + f * (goal.yM - s.yM), yawRad: goal.yawRad },
      z,
    );
    line.push(l1());
  }
  return { xsM: o.xsM, ysM: o.ysM, grid, lineFractions: o.lineFractions, line };
}

/** Evenly spaced values from `lo` to `hi` inclusive (rounded to mm). */
export function steps(lo: number, hi: number, step: number): number[] {
  const out: number[] = [];
  for (let v = lo; v <= hi + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}
