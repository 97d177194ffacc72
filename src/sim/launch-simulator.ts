/**
 * The simulator as a ROS 2 node (`world-model-mpc node simulator`, launch/sim.launch.py): the same
 * physics and `SimNode` as the in-process runner, stepped by a wall-clock timer and publishing /clock,
 * so every other node runs on `use_sim_time`. Parameters: scenario, seed, urdf_file, step_s,
 * camera_hz, camera_width, camera_height.
 */
import type { NodeHandle } from '../transport/port.js';
import type { NodeLaunchContext, RunningNode } from '../nodes/registry.js';
import { createRng } from '../core/math/rng.js';
import { DEFAULT_CAMERA } from './camera.js';
import { getScenario, scenarioNames } from './scenarios/index.js';
import { DEFAULT_SIM_NODE, SimNode } from './sim-node.js';
import { Simulator } from './simulator.js';

export async function launchSimulator(node: NodeHandle, ctx: NodeLaunchContext): Promise<RunningNode> {
  const scenarioName = node.declareParameter({
    name: 'scenario',
    type: 'string',
    default: 'coffee',
    description: 'built-in scenario (layout, people, goal)',
    choices: scenarioNames(),
    readOnly: true,
  });
  const seed = node.declareParameter({
    name: 'seed',
    type: 'integer',
    default: 1,
    min: 0,
    description: 'scenario seed',
    readOnly: true,
  });
  const urdfFile = node.declareParameter({
    name: 'urdf_file',
    type: 'string',
    default: 'urdf/robot.urdf',
    description: 'robot URDF (package-relative or absolute)',
    readOnly: true,
  });
  const stepSec = node.declareParameter({
    name: 'step_s',
    type: 'double',
    default: 0.02,
    min: 0.001,
    max: 0.1,
    unit: 's',
    description: 'physics step',
    readOnly: true,
  });
  const cameraHz = node.declareParameter({
    name: 'camera_hz',
    type: 'double',
    default: DEFAULT_SIM_NODE.cameraHz,
    min: 0.1,
    max: 100,
    unit: 'Hz',
    description: 'camera rate',
    readOnly: true,
  });
  const widthPx = node.declareParameter({
    name: 'camera_width',
    type: 'integer',
    default: DEFAULT_CAMERA.widthPx,
    min: 8,
    max: 1024,
    unit: 'px',
    description: 'camera width',
    readOnly: true,
  });
  const heightPx = node.declareParameter({
    name: 'camera_height',
    type: 'integer',
    default: DEFAULT_CAMERA.heightPx,
    min: 6,
    max: 768,
    unit: 'px',
    description: 'camera height',
    readOnly: true,
  });
  const scenario = getScenario(scenarioName).build(createRng(seed));
  const sim = await Simulator.create(scenario, ctx.readText(urdfFile), {
    stepSec,
    camera: { ...DEFAULT_CAMERA, widthPx, heightPx },
  });
  const simNode = new SimNode(node, sim, { ...DEFAULT_SIM_NODE, cameraHz });
  simNode.publishGoal();
  simNode.publishAfterStep();
  // one step per timer tick: slower than real time when a step costs more than step_s, never faster
  const timer = node.createTimer(stepSec, () => {
    sim.step(simNode.effectiveCommand());
    simNode.publishAfterStep();
  });
  node.logger.info(`scenario '${scenarioName}' seed ${seed}: ${scenario.description}`);
  return {
    stop() {
      timer.cancel();
      sim.dispose();
    },
  };
}
