/**
 * What the planner needs from the constraint library (src/core/constraints), as a narrow seam: a Pick
 * of the library's own ConstraintSet, so the two cannot drift, and tests can stand in a small double.
 * Every method is allocation-free except `evaluate`/`checkStopping`, which the planner calls only to
 * explain an infeasible plan (the per-cycle check is `stoppable`).
 */
import type { ConstraintSet, Evaluation, Violation } from '../constraints/api.js';

export type PlannerViolation = Violation;
export type PlannerEvaluation = Evaluation;

export type PlannerConstraints = Pick<
  ConstraintSet,
  | 'actionDim'
  | 'stepSec'
  | 'projectSequence'
  | 'evaluate'
  | 'evaluateBatch'
  | 'checkStopping'
  | 'stoppable'
  | 'brakingAction'
  | 'predictBasePoses'
>;
