/** The safety monitor core: the independent veto gate between the planner and the actuators. */
export type { MonitorConstraints, Evaluation, Violation } from './constraints-seam.js';
export { decide, CLOCK_JUMP_ID, LATCHED_ID } from './decide.js';
export { checkInputHealth, VIOLATION_ID } from './health.js';
export type { HealthReport } from './health.js';
export { MonitorInputs, INPUT_SOURCES } from './inputs.js';
export type { AcceptResult, InputFault, InputSource, SourceStatus } from './inputs.js';
export { largestSafeScale } from './limit.js';
export { resetLatch } from './reset.js';
export type { ResetResult } from './reset.js';
export { createMonitorState, createProposal } from './state.js';
export type { MonitorState } from './state.js';
export { DEFAULT_MONITOR_CONFIG } from './types.js';
export type { Decision, DecisionKind, MonitorConfig, MonitorCounters, Proposal } from './types.js';
