/**
 * Differential-drive base motion model: exact arc integration of a (v, w) command held for dt, and the
 * speed/acceleration limits of the base.
 */

export interface BaseLimits {
  /** forward speed limit [m/s] (> 0) */
  vMaxMps: number;
  /** reverse speed limit [m/s] (≤ 0) */
  vMinMps: number;
  /** yaw-rate limit, both directions [rad/s] */
  wMaxRadps: number;
  /** speeding up [m/s²] */
  accelMps2: number;
  /** slowing down (toward zero) [m/s²] */
  decelMps2: number;
  /** yaw acceleration [rad/s²] */
  angAccelRadps2: number;
  /** yaw deceleration (toward zero) [rad/s²] */
  angDecelRadps2: number;
}

/**
 * Pose after holding (vMps, wRadps) for dtSec from (x, y, yaw) in odom, written to out[o..o+2].
 * Exact for a constant twist: the robot follows a circular arc (a line when w ≈ 0).
 */
export function integrateBasePose(
  xM: number,
  yM: number,
  yawRad: number,
  vMps: number,
  wRadps: number,
  dtSec: number,
  out: Float64Array,
  o = 0,
): void {
  const dYaw = wRadps * dtSec;
  if (Math.abs(dYaw) < 1e-9) {
    out[o] = xM + vMps * dtSec * Math.cos(yawRad);
    out[o + 1] = yM + vMps * dtSec * Math.sin(yawRad);
  } else {
    const r = vMps / wRadps;
    out[o] = xM + r * (Math.sin(yawRad + dYaw) - Math.sin(yawRad));
    out[o + 1] = yM - r * (Math.cos(yawRad + dYaw) - Math.cos(yawRad));
  }
  out[o + 2] = yawRad + dYaw;
}

/**
 * In-place version for hot loops: pose = [x, y, yaw] advanced by the command (cmd[o], cmd[o + 1]) held dtSec.
 * Takes arrays rather than numbers so that optimised callers pass no boxed doubles.
 */
export function advanceBasePose(pose: Float64Array, cmd: ArrayLike<number>, o: number, dtSec: number): void {
  const v = cmd[o] as number;
  const w = cmd[o + 1] as number;
  const yaw = pose[2] as number;
  const dYaw = w * dtSec;
  if (Math.abs(dYaw) < 1e-9) {
    pose[0] = (pose[0] as number) + v * dtSec * Math.cos(yaw);
    pose[1] = (pose[1] as number) + v * dtSec * Math.sin(yaw);
  } else {
    const r = v / w;
    pose[0] = (pose[0] as number) + r * (Math.sin(yaw + dYaw) - Math.sin(yaw));
    pose[1] = (pose[1] as number) - r * (Math.cos(yaw + dYaw) - Math.cos(yaw));
  }
  pose[2] = yaw + dYaw;
}

/**
 * Largest change of a velocity from `prev` in one period: speeding up away from zero is limited by accel,
 * slowing toward zero by decel (the larger; braking may cross zero at that rate).
 * Returns [lowest, highest] reachable value in out[0], out[1].
 */
export function reachableVelocity(
  prev: number,
  accel: number,
  decel: number,
  dtSec: number,
  out: Float64Array,
): void {
  const up = (prev < 0 ? Math.max(accel, decel) : accel) * dtSec;
  const down = (prev > 0 ? Math.max(accel, decel) : accel) * dtSec;
  out[0] = prev - down;
  out[1] = prev + up;
}
