/**
 * Runs each node's ROS launcher on the in-process bus behind a NodeHandle that records every parameter
 * declaration, so config/params.yaml can be compared with what the code declares.
 */
import type { NodeHandle, ParameterDescriptor, ParameterValue } from '../../src/transport/port.js';
import { InProcessBus } from '../../src/transport/in-process/index.js';
import { createLaunchContext, resolveNode } from '../../src/nodes/registry.js';
import { setLogLevel } from '../../src/transport/logger.js';

setLogLevel('warn');

export interface Declared {
  node: string;
  descriptors: ParameterDescriptor[];
  /** why the launcher stopped early, if it did */
  error?: string;
}

function recording(node: NodeHandle, into: ParameterDescriptor[]): NodeHandle {
  return new Proxy(node, {
    get(target, prop, receiver) {
      if (prop === 'declareParameter') {
        return <T extends ParameterValue>(d: ParameterDescriptor<T>): T => {
          into.push(d as ParameterDescriptor);
          return target.declareParameter(d);
        };
      }
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** Declared parameters of one node, launched with `overrides` (e.g. its params.yaml entry). */
export async function declaredParameters(
  name: string,
  overrides: Record<string, ParameterValue> = {},
): Promise<Declared> {
  const resolved = await resolveNode(name);
  const descriptors: ParameterDescriptor[] = [];
  if (!resolved.ok) return { node: name, descriptors, error: resolved.reason };
  const bus = new InProcessBus({ time: 'sim' });
  const node = bus.createNode(name, { parameterOverrides: overrides });
  try {
    const running = await resolved.launch(recording(node, descriptors), createLaunchContext());
    running.stop();
    return { node: name, descriptors };
  } catch (err) {
    return { node: name, descriptors, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await bus.shutdown();
  }
}
