/** Plan, proposal, request and rviz marker messages from a planning result. */
import type { PlanResult } from '../../core/planner/result.js';
import type { ActionCommand, Plan } from '../../msgs/own.js';
import { PlanStatus } from '../../msgs/own.js';
import type { Header, Marker, MarkerArray, Pose } from '../../msgs/std.js';
import { actionToActionCommand, quaternionFromYaw, secToTime } from '../convert/index.js';

export function header(tSec: number, frameId: string): Header {
  return { stamp: secToTime(tSec), frame_id: frameId };
}

export const STATUS_CODE: Record<PlanResult['status'], number> = {
  ok: PlanStatus.OK,
  infeasible: PlanStatus.INFEASIBLE,
  fallback: PlanStatus.FALLBACK,
};

export interface PlanMsgArgs {
  result: PlanResult;
  planId: number;
  stampSec: number;
  stepSec: number;
  baseFrame: string;
  odomFrame: string;
  jointNames: readonly string[];
}

function poses(xyYaw: Float64Array): Pose[] {
  const out: Pose[] = [];
  for (let i = 0; i + 2 < xyYaw.length; i += 3) {
    out.push({
      position: { x: xyYaw[i] as number, y: xyYaw[i + 1] as number, z: 0 },
      orientation: quaternionFromYaw(xyYaw[i + 2] as number),
    });
  }
  return out;
}

/** The Plan of one cycle (a fresh message: subscribers may keep it). */
export function buildPlan(a: PlanMsgArgs): Plan {
  const { result: r, jointNames } = a;
  const dim = 2 + jointNames.length;
  const head = header(a.stampSec, a.baseFrame);
  const actions: ActionCommand[] = [];
  for (let t = 0; t * dim < r.sequence.length; t++) {
    actions.push(
      actionToActionCommand(r.sequence.subarray(t * dim, (t + 1) * dim), jointNames, head, a.planId),
    );
  }
  return {
    header: header(a.stampSec, a.odomFrame),
    plan_id: a.planId,
    status: STATUS_CODE[r.status],
    reason: r.reason,
    actions,
    step_s: a.stepSec,
    predicted_base_poses: poses(r.posesXYYaw),
    energy: r.energy,
    min_predicted_separation_m: r.minSeparationMarginM,
    samples: r.samples,
    feasible_samples: r.feasibleSamples,
    cycle_time_ms: r.cycleMs,
  };
}

/** A Plan that carries only a status and a reason (stale input, no goal). */
export function statusPlan(
  status: number,
  reason: string,
  planId: number,
  stampSec: number,
  odomFrame: string,
): Plan {
  return {
    header: header(stampSec, odomFrame),
    plan_id: planId,
    status,
    reason,
    actions: [],
    step_s: 0,
    predicted_base_poses: [],
    energy: Number.NaN,
    min_predicted_separation_m: Number.NaN,
    samples: 0,
    feasible_samples: 0,
    cycle_time_ms: 0,
  };
}

const COLOURS = {
  ok: { r: 0.1, g: 0.8, b: 0.2, a: 1 },
  infeasible: { r: 0.9, g: 0.6, b: 0.1, a: 1 },
  fallback: { r: 0.9, g: 0.1, b: 0.1, a: 1 },
} as const;

/** The predicted base path as a LINE_STRIP in the odometry frame, coloured by status. */
export function pathMarkers(r: PlanResult, stampSec: number, odomFrame: string): MarkerArray {
  const points = poses(r.posesXYYaw).map((p) => p.position);
  const marker: Marker = {
    header: header(stampSec, odomFrame),
    ns: 'mpc_planner/path',
    id: 0,
    type: 4, // LINE_STRIP
    action: 0, // ADD
    pose: { position: { x: 0, y: 0, z: 0.02 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
    scale: { x: 0.03, y: 0, z: 0 },
    color: COLOURS[r.status],
    lifetime: { sec: 1, nanosec: 0 },
    frame_locked: false,
    points,
    colors: [],
    texture_resource: '',
    texture: { header: header(0, ''), format: '', data: new Uint8Array(0) },
    uv_coordinates: [],
    text: '',
    mesh_resource: '',
    mesh_file: { filename: '', data: new Uint8Array(0) },
    mesh_use_embedded_materials: false,
  };
  return { markers: [marker] };
}
