/**
 * Scenario definitions: world layout, people scripts, robot start, goal (+ tolerance), tool, keep-out
 * zones. Builders take the seed so people timing and paths vary by seed and repeat exactly per seed.
 */
import type { Rng } from '../core/math/rng.js';
import type { Layout } from './layout.js';
import type { PersonScript } from './people.js';
import type { ToolSpec } from './robot.js';

export interface PlanarPose {
  xM: number;
  yM: number;
  yawRad: number;
}

export interface GoalSpec extends PlanarPose {
  /** base position tolerance [m] */
  toleranceM: number;
  /** base heading tolerance [rad] */
  yawToleranceRad: number;
  /** arm joint positions at the goal (for the goal image and arm-aware controllers) */
  jointPos: readonly number[];
}

/** A keep-out zone: a polygon in odom no part of the robot may enter (config/constraints.yaml semantics). */
export interface KeepOutZone {
  name: string;
  /** vertices [x, y] in odom [m], counter-clockwise */
  polygon: readonly (readonly [number, number])[];
}

/** A scenario zone is the prism its polygon spans from the floor to this height [m] (constraints and engine alike). */
export const ZONE_TOP_M = 2;

export interface Scenario {
  name: string;
  description: string;
  layout: Layout;
  start: PlanarPose & { jointPos: readonly number[] };
  goal: GoalSpec;
  people: PersonScript[];
  /** tool held by the arm, if any */
  tool: ToolSpec | undefined;
  keepOutZones: KeepOutZone[];
  defaultDurationS: number;
  /** the planner this scenario runs with when none is asked for (adversarial: 'corrupted') */
  defaultPlanner: string | undefined;
  /** the safety monitor this scenario runs with when none is asked for ('none': the relay) */
  defaultMonitor?: string;
  /** explore: the controller should wander, not go to the goal */
  exploration: boolean;
  /**
   * Intermediate goal poses (visual subgoals) before `goal`, for goals too far for one planning
   * horizon: the simulator then publishes a GoalRoute of their images (goal last) instead of one goal
   * image. Only the learned pipeline follows it; the engine judges only the final goal.
   */
  route?: readonly PlanarPose[];
}

export interface ScenarioBuilder {
  name: string;
  description: string;
  build(rng: Rng): Scenario;
}

const builders = new Map<string, ScenarioBuilder>();

export function registerScenario(b: ScenarioBuilder): void {
  if (builders.has(b.name)) throw new Error(`scenario '${b.name}' registered twice`);
  builders.set(b.name, b);
}

export function scenarioNames(): string[] {
  return [...builders.keys()];
}

export function getScenario(name: string): ScenarioBuilder {
  const b = builders.get(name);
  if (!b) throw new Error(`unknown scenario '${name}' (known: ${scenarioNames().join(', ')})`);
  return b;
}

/** Uniform in [lo, hi). */
export function uniform(rng: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/** A box zone from its corners, counter-clockwise. */
export function boxZone(name: string, x0: number, y0: number, x1: number, y1: number): KeepOutZone {
  return {
    name,
    polygon: [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ],
  };
}

/** Is (x, y) inside the polygon? (even-odd rule) */
export function insidePolygon(
  xM: number,
  yM: number,
  polygon: readonly (readonly [number, number])[],
): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as readonly [number, number];
    const [xj, yj] = polygon[j] as readonly [number, number];
    if (yi > yM !== yj > yM && xM < ((xj - xi) * (yM - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
