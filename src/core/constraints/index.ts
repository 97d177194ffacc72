/** Hard-constraint library shared by the planner and the safety monitor (one YAML config). */
export { ConfigError } from './api.js';
export type { ConstraintId, ConstraintSet, Evaluation, Violation } from './api.js';
export type {
  BaseConfig,
  ConstraintConfig,
  JointRule,
  JointsConfig,
  SeparationConfig,
  ToolConfig,
  ToolWorkspaceConfig,
  Xyz,
  Zone,
  ZonesConfig,
} from './config.js';
export { defaultConstraintConfig, parseConstraintConfig, validateConstraintConfig } from './config-parse.js';
export { CONSTRAINT_CONFIG_SCHEMA } from './config-schema.js';
