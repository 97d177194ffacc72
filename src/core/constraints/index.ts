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
export { createConstraintSet } from './constraint-set.js';
export { humanSpeedMps, maxPartSpeedMps, protectiveSeparationM, separationMarginM } from './separation.js';
export { toolSpeedLimitMps } from './tool-rules.js';
export { BodyModel } from './body-parts.js';
export { resolveJointLimits } from './limits.js';
