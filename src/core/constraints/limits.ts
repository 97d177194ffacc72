/**
 * Resolved per-joint and base limits (URDF limits narrowed by the config), and the per-step velocity box:
 * the range of each action component that keeps speeds within limits and lets every joint still stop
 * before its (margin-shrunk) position limit.
 */
import type { RobotModel } from '../robot/index.js';
import { ConfigError } from './api.js';
import type { ConstraintConfig } from './config.js';

export interface ResolvedLimits {
  n: number;
  /** position limits with the margin applied [rad|m] (±Infinity for continuous joints or when disabled) */
  lower: Float64Array;
  upper: Float64Array;
  /** velocity limit [rad/s|m/s] */
  vel: Float64Array;
  /** acceleration limit [rad/s²|m/s²] */
  acc: Float64Array;
}

export function resolveJointLimits(
  model: RobotModel,
  armJointNames: readonly string[],
  cfg: ConstraintConfig,
): ResolvedLimits {
  const c = cfg.joints;
  for (const name of Object.keys(c.overrides)) {
    if (!armJointNames.includes(name)) {
      throw new ConfigError(
        `constraint config key 'joints.overrides.${name}': no arm joint of that name (arm joints: ${armJointNames.join(', ')})`,
      );
    }
  }
  const n = armJointNames.length;
  const out: ResolvedLimits = {
    n,
    lower: new Float64Array(n).fill(Number.NEGATIVE_INFINITY),
    upper: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    vel: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    acc: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
  };
  if (!c.enabled) return out;
  armJointNames.forEach((name, j) => {
    const joint = model.joints.get(name);
    if (!joint) throw new ConfigError(`arm joint '${name}' is not in the URDF`);
    const rule = c.overrides[name] ?? {};
    const lo = joint.limits.lower + c.positionMargin;
    const hi = joint.limits.upper - c.positionMargin;
    if (lo > hi) {
      throw new ConfigError(
        `constraint config key 'joints.positionMargin': ${c.positionMargin} leaves no range for joint '${name}' [${joint.limits.lower}, ${joint.limits.upper}]`,
      );
    }
    out.lower[j] = lo;
    out.upper[j] = hi;
    out.vel[j] = Math.min(
      joint.limits.velocity * c.velocityScale,
      rule.velocityLimit ?? Number.POSITIVE_INFINITY,
    );
    out.acc[j] = rule.accelLimit ?? c.accelLimit;
  });
  return out;
}

/**
 * Fastest speed toward a position limit `roomM` away such that after one period dt at that speed the
 * joint can still brake to rest at `acc` before the limit; discrete braking covers v·dt/2 more than the
 * continuous v²/(2a), so: v·dt + v²/(2a) + v·dt/2 ≤ room.
 */
export function speedToStopWithin(roomM: number, acc: number, dtSec: number): number {
  if (roomM <= 0) return 0;
  if (!Number.isFinite(acc)) return roomM / dtSec;
  const b = 1.5 * dtSec;
  return acc * (-b + Math.sqrt(b * b + (2 * roomM) / acc));
}

/**
 * Writes the velocity box [lo, hi] for every action component at joint positions q. Zero is always
 * inside: a joint past its limit may stop or move back, never further out.
 */
export function velocityBox(
  cfg: ConstraintConfig,
  lim: ResolvedLimits,
  q: ArrayLike<number>,
  dtSec: number,
  lo: Float64Array,
  hi: Float64Array,
): void {
  const b = cfg.base;
  const inf = Number.POSITIVE_INFINITY;
  lo[0] = b.enabled ? b.vMinMps : -inf;
  hi[0] = b.enabled ? b.vMaxMps : inf;
  lo[1] = b.enabled ? -b.wMaxRadps : -inf;
  hi[1] = b.enabled ? b.wMaxRadps : inf;
  for (let j = 0; j < lim.n; j++) {
    const qj = q[j] as number;
    const v = lim.vel[j] as number;
    const a = lim.acc[j] as number;
    lo[2 + j] = -Math.min(v, speedToStopWithin(qj - (lim.lower[j] as number), a, dtSec));
    hi[2 + j] = Math.min(v, speedToStopWithin((lim.upper[j] as number) - qj, a, dtSec));
  }
}

/** Acceleration and deceleration limits per action component (base from config, joints symmetric). */
export function accelLimits(
  cfg: ConstraintConfig,
  lim: ResolvedLimits,
  acc: Float64Array,
  dec: Float64Array,
): void {
  const b = cfg.base;
  const inf = Number.POSITIVE_INFINITY;
  acc[0] = b.enabled ? b.accelMps2 : inf;
  dec[0] = b.enabled ? b.decelMps2 : inf;
  acc[1] = b.enabled ? b.angAccelRadps2 : inf;
  dec[1] = b.enabled ? b.angDecelRadps2 : inf;
  for (let j = 0; j < lim.n; j++) {
    acc[2 + j] = lim.acc[j] as number;
    dec[2 + j] = lim.acc[j] as number;
  }
}

/**
 * ISO/TS 15066 takes T_s as the robot's worst-case stopping time; S_s = v_r·T_s/2 and S_h = v_h(T_r + T_s)
 * are only safe if the robot really stops within T_s. So T_s must cover braking from every speed limit at
 * the configured deceleration limits; otherwise the config is rejected, naming the limiting pair.
 */
export function checkStoppingTime(
  cfg: ConstraintConfig,
  lim: ResolvedLimits,
  armJointNames: readonly string[],
): void {
  if (!cfg.separation.enabled) return;
  const b = cfg.base;
  const needs: [number, string][] = [];
  if (b.enabled) {
    const v = Math.max(b.vMaxMps, -b.vMinMps);
    needs.push([v / b.decelMps2, `base speed ${v} m/s / base.decelMps2 ${b.decelMps2}`]);
    needs.push([
      b.wMaxRadps / b.angDecelRadps2,
      `base.wMaxRadps ${b.wMaxRadps} / base.angDecelRadps2 ${b.angDecelRadps2}`,
    ]);
  }
  for (let j = 0; j < lim.n; j++) {
    const t = (lim.vel[j] as number) / (lim.acc[j] as number);
    if (Number.isFinite(t))
      needs.push([t, `${armJointNames[j]} velocity ${lim.vel[j]} / accel ${lim.acc[j]}`]);
  }
  const worst = needs.reduce((m, n) => (n[0] > m[0] ? n : m), [0, ''] as [number, string]);
  if (cfg.separation.stoppingTimeSec < worst[0] - 1e-9) {
    throw new ConfigError(
      `constraint config key 'separation.stoppingTimeSec': must be ≥ ${worst[0].toFixed(3)} s, the time to brake from ${worst[1]}, got ${cfg.separation.stoppingTimeSec}`,
    );
  }
}
