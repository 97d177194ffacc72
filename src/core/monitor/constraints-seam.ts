/**
 * What the monitor needs from the constraint library (src/core/constraints): the stopping-trajectory
 * check and the braking command. A narrow seam, so tests can stand in a tiny analytic set.
 */
import type { ConstraintSet } from '../constraints/index.js';

export type { Evaluation, Violation } from '../constraints/index.js';

export type MonitorConstraints = Pick<
  ConstraintSet,
  'armJointNames' | 'actionDim' | 'checkStopping' | 'stoppable' | 'brakingAction'
>;
