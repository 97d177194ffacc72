/**
 * Plug-in points of the closed loop. A controller (planner) is a function that, given the transport,
 * creates the nodes that subscribe to sensor topics and publish proposals (world_model_mpc/ActionCommand
 * on /mpc_planner/proposal). A safety monitor sits between proposals and the robot's command topics
 * (/cmd_vel, /arm_controller/commands). With no monitor registered, a plain relay forwards proposals.
 *
 * Register from your own module and add one import line to src/sim/plugins.ts:
 *   registerController({ name: 'mpc', description: '…', create: (ctx) => startMpc(ctx) });
 *   registerSafetyMonitor({ name: 'safety_monitor', create: (ctx) => startMonitor(ctx) });
 */
import type { Rng } from '../core/math/rng.js';
import type { RobotModel } from '../core/robot/index.js';
import type { Transport } from '../transport/port.js';
import type { Scenario } from './scenario.js';

export interface PipelineContext {
  /** the in-process bus in simulation time; create nodes with `{ useSimTime: true }` */
  transport: Transport;
  scenario: Scenario;
  model: RobotModel;
  /** the URDF text the robot was built from */
  urdfXml: string;
  /** repository root (config/, models/, urdf/ live here) */
  packageRoot: string;
  seed: number;
  /** seeded randomness for this plug-in (its own stream, same seed → same run) */
  rng: Rng;
  /** extra `--param key=value` options from the command line, for plug-ins to read */
  params: Readonly<Record<string, string>>;
}

export interface PipelineStage {
  /** one short word or phrase for the progress line ("ok", "infeasible", "42 Hz") */
  status?(): string;
  /**
   * Resolves when work started by the last timer callbacks (e.g. an async model rollout) is done.
   * The runner awaits it after every step, so simulation time stands still while a stage computes:
   * lockstep, deterministic, independent of how fast the machine is.
   */
  settle?(): Promise<void>;
  dispose(): void | Promise<void>;
}

export interface ControllerPlugin {
  name: string;
  description: string;
  create(ctx: PipelineContext): PipelineStage | Promise<PipelineStage>;
}

export interface MonitorPlugin {
  name: string;
  create(ctx: PipelineContext): PipelineStage | Promise<PipelineStage>;
}

const controllers = new Map<string, ControllerPlugin>();
const monitors = new Map<string, MonitorPlugin>();

export function registerController(p: ControllerPlugin): void {
  if (controllers.has(p.name)) throw new Error(`controller '${p.name}' registered twice`);
  controllers.set(p.name, p);
}

export function registerSafetyMonitor(p: MonitorPlugin): void {
  if (monitors.has(p.name)) throw new Error(`safety monitor '${p.name}' registered twice`);
  monitors.set(p.name, p);
}

export function controllerNames(): string[] {
  return [...controllers.keys()];
}

export function getController(name: string): ControllerPlugin {
  const c = controllers.get(name);
  if (!c) throw new Error(`unknown planner '${name}' (known: ${controllerNames().join(', ')})`);
  return c;
}

export function monitorNames(): string[] {
  return [...monitors.keys()];
}

export function getMonitor(name: string): MonitorPlugin {
  const m = monitors.get(name);
  if (!m) throw new Error(`unknown safety monitor '${name}' (known: ${monitorNames().join(', ') || 'none'})`);
  return m;
}
