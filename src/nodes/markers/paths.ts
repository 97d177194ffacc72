/** Predicted base and tool paths as LINE_STRIPs, each segment coloured by the feasibility of its step. */
import type { ColorRGBA, Header, Marker, Point } from '../../msgs/std.js';
import { Colour, MarkerType, newMarker } from './marker-base.js';

export interface PathStyle {
  ns: string;
  id: number;
  /** line width [m] */
  widthM: number;
  /** drawn height above the ground for a base path [m] */
  zM: number;
}

/**
 * Feasibility per step: one flag for the whole path, or one per step (non-zero = feasible).
 * Vertex i (the pose after step i) takes the colour of step i; the start vertex that of step 0.
 */
export type Feasibility = boolean | ArrayLike<number>;

function stepColour(feasible: Feasibility, step: number): ColorRGBA {
  const ok = typeof feasible === 'boolean' ? feasible : (feasible[step] ?? 0) !== 0;
  return ok ? Colour.feasible : Colour.infeasible;
}

function checkCount(what: string, values: ArrayLike<number>, stride: number, count: number): void {
  if (!Number.isInteger(count) || count < 0 || values.length < count * stride) {
    throw new RangeError(`${what}: ${count} points need ${count * stride} values, got ${values.length}`);
  }
}

/**
 * Base path from the robot's current position through `count` predicted poses
 * (posesXYYaw[3i..3i+2] = x, y, yaw in the odometry frame, as ConstraintSet.predictBasePoses writes them).
 */
export function basePathMarker(
  header: Header,
  start: { xInOdomM: number; yInOdomM: number },
  posesXYYaw: ArrayLike<number>,
  count: number,
  feasible: Feasibility,
  style: PathStyle = { ns: 'predicted_base_path', id: 0, widthM: 0.03, zM: 0.02 },
): Marker {
  checkCount('basePathMarker', posesXYYaw, 3, count);
  const m = newMarker(header, style.ns, style.id, MarkerType.LINE_STRIP);
  m.scale = { x: style.widthM, y: 0, z: 0 };
  m.color = stepColour(feasible, 0);
  const points: Point[] = [{ x: start.xInOdomM, y: start.yInOdomM, z: style.zM }];
  const colors: ColorRGBA[] = [stepColour(feasible, 0)];
  for (let i = 0; i < count; i++) {
    points.push({ x: posesXYYaw[3 * i] as number, y: posesXYYaw[3 * i + 1] as number, z: style.zM });
    colors.push(stepColour(feasible, i));
  }
  m.points = points;
  m.colors = colors;
  return m;
}

/** Tool-tip path through `count` points (pointsXYZ[3i..3i+2], in the header's frame). */
export function toolPathMarker(
  header: Header,
  pointsXYZ: ArrayLike<number>,
  count: number,
  feasible: Feasibility,
  style: PathStyle = { ns: 'predicted_tool_path', id: 0, widthM: 0.015, zM: 0 },
): Marker {
  checkCount('toolPathMarker', pointsXYZ, 3, count);
  const m = newMarker(header, style.ns, style.id, MarkerType.LINE_STRIP);
  m.scale = { x: style.widthM, y: 0, z: 0 };
  m.color = Colour.tool;
  for (let i = 0; i < count; i++) {
    m.points.push({
      x: pointsXYZ[3 * i] as number,
      y: pointsXYZ[3 * i + 1] as number,
      z: pointsXYZ[3 * i + 2] as number,
    });
    m.colors.push(stepColour(feasible, i));
  }
  return m;
}
