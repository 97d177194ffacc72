/**
 * Loads rclnodejs lazily (`await import`), so a machine without ROS 2 never touches it. When the module
 * is missing or its native addon cannot load (ROS 2 not sourced, addon never built against it), the
 * caller gets a RosUnavailableError whose message says what to do.
 */
import type * as Rclnodejs from 'rclnodejs';

export type Rcl = typeof Rclnodejs;

export const ROS_MISSING_MESSAGE =
  'ROS 2 environment not found: source /opt/ros/<distro>/setup.bash and run `npm rebuild rclnodejs` ' +
  '(or `npm install-scripts approve rclnodejs` then `npm rebuild rclnodejs`) in the package directory. ' +
  'Without ROS 2, use `world-model-mpc sim` (in-process transport).';

export class RosUnavailableError extends Error {
  constructor(override readonly cause: unknown) {
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    super(`${ROS_MISSING_MESSAGE}\n  cause: ${detail}`);
    this.name = 'RosUnavailableError';
  }
}

/** True when a ROS 2 environment looks sourced (AMENT_PREFIX_PATH set); says nothing about the addon. */
export function rosEnvironmentSourced(env: NodeJS.ProcessEnv = process.env): boolean {
  return (env.AMENT_PREFIX_PATH ?? '') !== '';
}

/** Imports rclnodejs (module specifier injectable for tests); throws RosUnavailableError on any failure. */
export async function loadRclnodejs(specifier = 'rclnodejs'): Promise<Rcl> {
  if (!rosEnvironmentSourced()) throw new RosUnavailableError(new Error('AMENT_PREFIX_PATH is not set'));
  try {
    const mod = (await import(specifier)) as Rcl & { default?: Rcl };
    const rcl = mod.default ?? mod;
    if (typeof rcl.init !== 'function' || typeof rcl.createNode !== 'function') {
      throw new Error(`module '${specifier}' does not look like rclnodejs (no init/createNode)`);
    }
    return rcl;
  } catch (err) {
    throw new RosUnavailableError(err);
  }
}
