/**
 * ISO/TS 15066 speed-and-separation monitoring (pure formulas, hand-checkable).
 *
 *   S_p = S_h + S_r + S_s + C + Z_d + Z_r
 *   S_h = v_h · (T_r + T_s)   person keeps walking while the robot reacts and stops
 *   S_r = v_r · T_r           robot keeps moving during the reaction time
 *   S_s = v_r · T_s / 2       robot's stopping distance, constant deceleration from v_r over T_s
 *
 * v_h follows ISO 13855: 2.0 m/s when the gap is under 0.5 m, else 1.6 m/s (both configurable).
 * Over a planning horizon the person may be anywhere in a disc growing at v_h, so at time t after the
 * snapshot the gap shrinks by a further v_h · t — for t up to `worstCaseHorizonSec`, then no further.
 * Why a cap is sound: the plan is re-decided every control period from fresh people positions and the
 * monitor re-checks every command (one period, then braking: T_r + T_s, which S_h already covers), so
 * safety needs the disc over one period plus the stop, not over the plan's whole length. The cap must
 * cover that (config check: ≥ control period + T_s), and the default is exactly that, 0.7 s: with
 * the disc growing over the learned planner's whole 2 s horizon, a person standing 2.5–3 m away
 * (beside the coffee machine, in a corridor's side passage) left no moving plan feasible and the robot
 * waited for them for the rest of the run (session 6, docs/CONSTRAINTS.md).
 */
import type { SeparationConfig } from './config.js';

/** Worst-case human speed for a given gap [m] → [m/s]. */
export function humanSpeedMps(cfg: SeparationConfig, gapM: number): number {
  return gapM < cfg.humanSpeedSwitchDistanceM ? cfg.humanSpeedNearMps : cfg.humanSpeedFarMps;
}

/** Time [s] over which the worst-case disc has grown tSec after the snapshot. */
export function discTimeSec(cfg: SeparationConfig, tSec: number): number {
  return tSec < cfg.worstCaseHorizonSec ? tSec : cfg.worstCaseHorizonSec;
}

/** S_p [m] for a human speed v_h and a robot (body part) speed v_r toward the person [m/s]. */
export function protectiveSeparationM(cfg: SeparationConfig, vhMps: number, vrMps: number): number {
  const tr = cfg.reactionTimeSec;
  const ts = cfg.stoppingTimeSec;
  return (
    vhMps * (tr + ts) +
    vrMps * tr +
    (vrMps * ts) / 2 +
    cfg.intrusionDistanceM +
    cfg.humanPositionUncertaintyM +
    cfg.robotPositionUncertaintyM
  );
}

/**
 * Separation margin [m] of a body part at horizontal gap gapM (surface to surface, person as a cylinder)
 * reached tSec after the snapshot, moving at vrMps: gap − v_h·t − S_p. Negative = too close.
 */
export function separationMarginM(cfg: SeparationConfig, gapM: number, tSec: number, vrMps: number): number {
  const vh = humanSpeedMps(cfg, gapM);
  return gapM - vh * discTimeSec(cfg, tSec) - protectiveSeparationM(cfg, vh, vrMps);
}

/**
 * Highest body-part speed [m/s] for the next control period of dtSec, starting tSec after the snapshot at
 * gap gapNowM, such that the margin after the period stays ≥ 0 even if the part heads straight at the
 * person: gap − v·dt − v_h·(t + dt) − S_p(v) ≥ 0. `vhMps` is the human speed to assume. 0 when none is.
 */
export function maxPartSpeedMps(
  cfg: SeparationConfig,
  gapNowM: number,
  tSec: number,
  dtSec: number,
  vhMps: number,
): number {
  const tr = cfg.reactionTimeSec;
  const ts = cfg.stoppingTimeSec;
  const room = gapNowM - vhMps * discTimeSec(cfg, tSec + dtSec) - protectiveSeparationM(cfg, vhMps, 0);
  return room <= 0 ? 0 : room / (dtSec + tr + ts / 2);
}
