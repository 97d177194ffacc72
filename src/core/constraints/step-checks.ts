/**
 * Checks at one trajectory step that need the body in odom: ISO/TS 15066 separation against every person's
 * worst-case disc, keep-out zones, the tool workspace and the tool-speed rule. Body-part speed v_r is the
 * distance an end of the capsule moved in the step over the period (the larger of the two ends).
 */
import type { WorldSnapshot } from '../types.js';
import type { Violation } from './api.js';
import type { BodyModel } from './body-parts.js';
import type { ConstraintConfig } from './config.js';
import { axisDistance2D } from './geometry.js';
import { discTimeSec, humanSpeedMps, separationMarginM } from './separation.js';
import { toolSpeedLimitMps } from './tool-rules.js';
import { capsuleZoneMarginM } from './zones.js';
import type { CompiledZone } from './zones.js';

/** A body part slower than this is at rest (allowed inside S_p, as is backing straight off: `recedes`). */
export const STATIONARY_MPS = 1e-3;
const TOL = 1e-6;

export interface StepContext {
  cfg: ConstraintConfig;
  body: BodyModel;
  zones: readonly CompiledZone[];
  /** capsule ends + tool tip in odom at the previous and the current step */
  prevEnds: Float64Array;
  curEnds: Float64Array;
  px: Float64Array;
  py: Float64Array;
  pr: Float64Array;
  ids: Float64Array;
  nPeople: number;
  /** squared displacement of each body part in the current step (larger capsule end) [m²] */
  partMove2: Float64Array;
  /** base pose x, y, yaw in odom at the current step */
  pose: Float64Array;
  minMarginM: number;
  sink: Violation[] | null;
}

/** Squared displacement [m²] of point k (capsule end or tool tip) over the step. */
function endMove2(ctx: StepContext, k: number): number {
  const a = ctx.prevEnds;
  const b = ctx.curEnds;
  const dx = (b[3 * k] as number) - (a[3 * k] as number);
  const dy = (b[3 * k + 1] as number) - (a[3 * k + 1] as number);
  const dz = (b[3 * k + 2] as number) - (a[3 * k + 2] as number);
  return dx * dx + dy * dy + dz * dz;
}

function endSpeed(ctx: StepContext, k: number, dt: number): number {
  const a = ctx.prevEnds;
  const b = ctx.curEnds;
  const dx = (b[3 * k] as number) - (a[3 * k] as number);
  const dy = (b[3 * k + 1] as number) - (a[3 * k + 1] as number);
  const dz = (b[3 * k + 2] as number) - (a[3 * k + 2] as number);
  return Math.sqrt(dx * dx + dy * dy + dz * dz) / dt;
}

export function checkSeparationAndZones(ctx: StepContext, world: WorldSnapshot, step: number): boolean {
  // doubles travel in typed arrays and module objects, not as call arguments (those would be boxed)
  checkSeparation(ctx, step);
  let ok = sepResult.ok;
  if (!ok && !ctx.sink) return false;
  ok = checkZones(ctx, step) && ok;
  if (!ok && !ctx.sink) return false;
  ok = checkTool(ctx, world, step) && ok;
  return ok;
}

/**
 * A person whose margin to the robot's bounding circle (base origin, horizontal reach) is at least this
 * is not checked part by part: its margin enters the minimum as that lower bound. Margins below this
 * are therefore exact; larger ones are lower bounds.
 */
export const EXACT_MARGIN_BELOW_M = 0.5;

const sepResult = { ok: true, gapM: Number.POSITIVE_INFINITY };

/** Separation margins; also returns the smallest gap to any person's worst-case disc (for the tool rule). */
function checkSeparation(ctx: StepContext, step: number): void {
  const { cfg, body, partMove2 } = ctx;
  const sep = cfg.separation;
  const dt = cfg.controlPeriodSec;
  const t = (step + 1) * dt;
  sepResult.ok = true;
  sepResult.gapM = Number.POSITIVE_INFINITY;
  if (ctx.nPeople === 0) return;
  const xM = ctx.pose[0] as number;
  const yM = ctx.pose[1] as number;
  let move2Max = 0;
  for (let i = 0; i < body.count; i++) {
    const ma = endMove2(ctx, 2 * i);
    const mb = endMove2(ctx, 2 * i + 1);
    const m2 = ma > mb ? ma : mb;
    partMove2[i] = m2;
    if (m2 > move2Max) move2Max = m2;
  }
  const vrMax = Math.sqrt(move2Max) / dt;
  for (let p = 0; p < ctx.nPeople; p++) {
    const dx = xM - (ctx.px[p] as number);
    const dy = yM - (ctx.py[p] as number);
    const gapLow = Math.sqrt(dx * dx + dy * dy) - (ctx.pr[p] as number) - body.horizontalReachM;
    const discGapLow = gapLow - humanSpeedMps(sep, gapLow) * discTimeSec(sep, t);
    const marginLow = sep.enabled ? separationMarginM(sep, gapLow, t, vrMax) : Number.POSITIVE_INFINITY;
    if (marginLow >= EXACT_MARGIN_BELOW_M && discGapLow >= cfg.tool.nearPersonDistanceM) {
      if (marginLow < ctx.minMarginM) ctx.minMarginM = marginLow;
      if (discGapLow < sepResult.gapM) sepResult.gapM = discGapLow;
      continue;
    }
    if (!checkPersonExactly(ctx, step, p) && !ctx.sink) return;
  }
}

function checkPersonExactly(ctx: StepContext, step: number, p: number): boolean {
  const { cfg, body, curEnds: e, partMove2 } = ctx;
  const sep = cfg.separation;
  const t = (step + 1) * cfg.controlPeriodSec;
  for (let i = 0; i < body.count; i++) {
    const o = 6 * i;
    const d = axisDistance2D(e, o, ctx.px[p] as number, ctx.py[p] as number);
    const gap = d - (ctx.pr[p] as number) - (body.radiusM[i] as number);
    const discGap = gap - humanSpeedMps(sep, gap) * discTimeSec(sep, t);
    if (discGap < sepResult.gapM) sepResult.gapM = discGap;
    if (!sep.enabled) continue;
    const vr = Math.sqrt(partMove2[i] as number) / cfg.controlPeriodSec;
    const margin = separationMarginM(sep, gap, t, vr);
    if (margin < ctx.minMarginM) ctx.minMarginM = margin;
    if (margin < -TOL && vr > STATIONARY_MPS && !recedes(ctx, i, p, d)) {
      sepResult.ok = false;
      if (!ctx.sink) return false;
      const detail = `person ${ctx.ids[p]}: gap ${gap.toFixed(3)} m at t=${t.toFixed(2)} s while moving at ${vr.toFixed(3)} m/s; needs ${(gap - margin).toFixed(3)} m (v_h·t + S_p)`;
      ctx.sink.push({
        constraintId: 'separation',
        step,
        bodyPart: body.names[i] as string,
        marginM: margin,
        detail,
      });
    }
  }
  return true;
}

/**
 * Inside S_p a part may only back straight off: ISO/TS 15066 counts the robot's speed *toward* the
 * person, and moving away leaves more room than standing still. Accepted: a translation of the part
 * this step (both capsule ends moved alike: no turning, no arm motion) that increases its distance to
 * the person's centre by at least RECEDE_MIN_RATE of the distance moved, i.e. within about 60° of
 * straight away. The margin leaves room for the real link shapes inside the capsule cover and for a
 * person up to the position uncertainty away from the measured centre (a few degrees at these gaps).
 * `dNowM`: the distance at the step's end.
 */
export const RECEDE_MIN_RATE = 0.5;

function recedes(ctx: StepContext, i: number, p: number, dNowM: number): boolean {
  const a = ctx.prevEnds;
  const b = ctx.curEnds;
  const o = 6 * i;
  let skew2 = 0;
  let move2 = 0;
  for (let k = 0; k < 3; k++) {
    const da = (b[o + k] as number) - (a[o + k] as number);
    const db = (b[o + 3 + k] as number) - (a[o + 3 + k] as number);
    skew2 += (da - db) * (da - db);
    move2 += da * da;
  }
  if (skew2 > 1e-12) return false;
  const dBeforeM = axisDistance2D(a, o, ctx.px[p] as number, ctx.py[p] as number);
  return dNowM - dBeforeM >= RECEDE_MIN_RATE * Math.sqrt(move2) - TOL;
}

function checkZones(ctx: StepContext, step: number): boolean {
  const { cfg, body, curEnds: e } = ctx;
  const xM = ctx.pose[0] as number;
  const yM = ctx.pose[1] as number;
  const zc = cfg.keepOutZones;
  if (!zc.enabled) return true;
  let ok = true;
  for (let zi = 0; zi < ctx.zones.length; zi++) {
    const z = ctx.zones[zi] as CompiledZone;
    const dx = xM - z.cx;
    const dy = yM - z.cy;
    if (Math.sqrt(dx * dx + dy * dy) - z.radiusM - body.horizontalReachM - zc.marginM > 0) continue;
    for (let i = 0; i < body.count; i++) {
      const o = 6 * i;
      const r = body.radiusM[i] as number;
      const m = capsuleZoneMarginM(z, e, o, r, zc.marginM);
      if (m >= -TOL) continue;
      // a part already inside (braking can end a few mm into the margin) may stay or leave, never go
      // deeper: otherwise every motion, holding still included, would be infeasible there for good
      if (m >= capsuleZoneMarginM(z, ctx.prevEnds, o, r, zc.marginM) - TOL) continue;
      ok = false;
      if (!ctx.sink) return false;
      const detail = `enters keep-out zone '${z.name}' by ${(-m).toFixed(3)} m (zone margin ${zc.marginM} m)`;
      ctx.sink.push({
        constraintId: 'keep_out_zone',
        step,
        bodyPart: body.names[i] as string,
        marginM: m,
        detail,
      });
    }
  }
  return ok;
}

function checkTool(ctx: StepContext, world: WorldSnapshot, step: number): boolean {
  const discGapM = sepResult.gapM;
  const { cfg, body } = ctx;
  const tip = body.tipInBase;
  let ok = true;
  if (cfg.toolWorkspace.enabled && !Number.isNaN(tip[0])) {
    const lo = cfg.toolWorkspace.minInBaseM;
    const hi = cfg.toolWorkspace.maxInBaseM;
    let m = Number.POSITIVE_INFINITY;
    for (let k = 0; k < 3; k++)
      m = Math.min(m, (tip[k] as number) - (lo[k] as number), (hi[k] as number) - (tip[k] as number));
    if (m < -TOL) {
      ok = false;
      if (!ctx.sink) return false;
      const detail = `tool tip at [${[...tip].map((v) => v.toFixed(3)).join(', ')}] in base_link leaves the workspace box`;
      ctx.sink.push({ constraintId: 'tool_workspace', step, bodyPart: 'tool_tip', marginM: m, detail });
    }
  }
  const limit = toolSpeedLimitMps(cfg.tool, world.tool, discGapM);
  if (limit === Number.POSITIVE_INFINITY || Number.isNaN(tip[0])) return ok;
  const speed = endSpeed(ctx, 2 * body.count, cfg.controlPeriodSec);
  if (speed > limit + 1e-5) {
    ok = false;
    const detail = `sharp tool '${world.tool.name}' tip moves at ${speed.toFixed(3)} m/s, limit ${limit} m/s`;
    ctx.sink?.push({
      constraintId: 'tool_speed',
      step,
      bodyPart: 'tool_tip',
      marginM: limit - speed,
      detail,
    });
  }
  return ok;
}
