/**
 * The runnable nodes by ROS name. Each is imported lazily, so a node whose module is not written yet
 * (or that lacks its ROS entry point) reports "not available yet" instead of breaking the build or the
 * other nodes.
 *
 * Contract for a node module: besides its start function (`startSafetyMonitor(node, opts)`, used by the
 * in-process simulator with options built in code), it exports a launcher `launchSafetyMonitor(node, ctx)`
 * that declares the node's parameters, reads its files (constraints_file, urdf_file, model manifest)
 * through `ctx`, builds the options and calls the start function.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NodeHandle } from '../transport/port.js';

export interface RunningNode {
  stop(): void;
}

export interface NodeLaunchContext {
  /** the package root (repository or install share/world_model_mpc): config/, urdf/, models/ live here */
  readonly packageRoot: string;
  /** absolute path of a package file; absolute paths are returned as they are */
  resolvePath(path: string): string;
  /** text of a package file (see resolvePath); throws an Error naming the path when it cannot be read */
  readText(path: string): string;
}

export type NodeLauncher = (node: NodeHandle, ctx: NodeLaunchContext) => RunningNode | Promise<RunningNode>;

export interface NodeEntry {
  name: string;
  summary: string;
  /** module specifier relative to this file */
  module: string;
  /** the launcher export the module must provide */
  launcher: string;
  /** the start function the launcher wraps (for messages) */
  start: string;
}

export const NODE_ENTRIES: readonly NodeEntry[] = [
  {
    name: 'observation_encoder',
    summary: 'camera image → latent state (ONNX JEPA encoder)',
    module: './observation-encoder.js',
    launcher: 'launchObservationEncoder',
    start: 'startObservationEncoder',
  },
  {
    name: 'mpc_planner',
    summary: 'latent-space MPC with per-step constraint projection → proposals',
    module: './mpc-planner.js',
    launcher: 'launchMpcPlanner',
    start: 'startMpcPlanner',
  },
  {
    name: 'goal_sequencer',
    summary: 'route of goal images (visual subgoals) → one goal image at a time',
    module: './goal-sequencer.js',
    launcher: 'launchGoalSequencer',
    start: 'startGoalSequencer',
  },
  {
    name: 'safety_monitor',
    summary: 'independent veto gate → /cmd_vel, arm commands, verdicts',
    module: './safety-monitor.js',
    launcher: 'launchSafetyMonitor',
    start: 'startSafetyMonitor',
  },
  {
    name: 'simulator',
    summary: 'built-in physics simulator publishing what a robot would (hardware-in-the-loop tests)',
    module: '../sim/sim-node.js',
    launcher: 'launchSimulator',
    start: 'SimNode',
  },
];

export const NODE_NAMES: readonly string[] = NODE_ENTRIES.map((e) => e.name);

export type Importer = (specifier: string) => Promise<Record<string, unknown>>;

// the specifier is a variable on purpose: tsc must not require modules that other engineers have not written yet
const defaultImporter: Importer = (specifier) => import(specifier) as Promise<Record<string, unknown>>;

export type Resolved =
  { ok: true; entry: NodeEntry; launch: NodeLauncher } | { ok: false; entry: NodeEntry; reason: string };

function isModuleNotFound(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    code === 'ERR_MODULE_NOT_FOUND' ||
    /Cannot find module|Failed to load url|Does the file exist/.test(String(err))
  );
}

/** Loads a node's launcher, or says why it is not available. Errors other than "module missing" propagate. */
export async function resolveNode(name: string, importer: Importer = defaultImporter): Promise<Resolved> {
  const entry = NODE_ENTRIES.find((e) => e.name === name);
  if (!entry) throw new Error(`unknown node '${name}' (expected one of: ${NODE_NAMES.join(', ')})`);
  let mod: Record<string, unknown>;
  try {
    mod = await importer(entry.module);
  } catch (err) {
    if (!isModuleNotFound(err)) throw err;
    // the missing module may be one the node itself imports: say which
    const detail = String(err instanceof Error ? err.message : err).split('\n')[0];
    return {
      ok: false,
      entry,
      reason: `node '${name}' is not available yet: cannot load ${entry.module} (${detail})`,
    };
  }
  const launch = mod[entry.launcher];
  if (typeof launch !== 'function') {
    const has = typeof mod[entry.start] === 'function' ? `exports ${entry.start} but ` : '';
    return {
      ok: false,
      entry,
      reason: `node '${name}' is not available yet: ${entry.module} ${has}has no ${entry.launcher}(node, ctx) ROS entry point`,
    };
  }
  return { ok: true, entry, launch: launch as NodeLauncher };
}

/** Walks up from `fromDir` to the directory holding package.xml or this package's package.json. */
export function findPackageRoot(fromDir: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(fromDir);
  for (;;) {
    if (existsSync(join(dir, 'package.xml'))) return dir;
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"world-model-mpc"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the world_model_mpc package root above ${fromDir}`);
    dir = parent;
  }
}

export function createLaunchContext(packageRoot: string = findPackageRoot()): NodeLaunchContext {
  const resolvePath = (path: string): string => (isAbsolute(path) ? path : join(packageRoot, path));
  return {
    packageRoot,
    resolvePath,
    readText(path) {
      const full = resolvePath(path);
      try {
        return readFileSync(full, 'utf8');
      } catch (err) {
        throw new Error(`cannot read '${full}': ${err instanceof Error ? err.message : String(err)}`, {
          cause: err,
        });
      }
    },
  };
}
