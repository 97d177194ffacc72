/**
 * The monitor's own copy of the constraint set: built from the same URDF and constraints YAML as the
 * planner's, never shared with it (the monitor trusts nothing upstream, including the planner's objects).
 */
import {
  createConstraintSet,
  defaultConstraintConfig,
  parseConstraintConfig,
} from '../../core/constraints/index.js';
import type { ConstraintConfig, ConstraintSet } from '../../core/constraints/index.js';
import { loadUrdf } from '../../core/robot/index.js';

export interface ConstraintSources {
  urdfXml: string;
  /** text of config/constraints.yaml; null = the library defaults */
  constraintsYaml: string | null;
  /** extra edits to the parsed config (e.g. a simulated scenario's keep-out zones) */
  adjust?: (config: ConstraintConfig) => ConstraintConfig;
}

export function buildMonitorConstraints(src: ConstraintSources): ConstraintSet {
  const model = loadUrdf(src.urdfXml);
  const parsed =
    src.constraintsYaml === null ? defaultConstraintConfig() : parseConstraintConfig(src.constraintsYaml);
  return createConstraintSet(model, src.adjust ? src.adjust(parsed) : parsed);
}
