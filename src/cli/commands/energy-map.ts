import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { UsageError, numberFlag, wantsHelp } from '../command.js';
import { findPackageRoot } from '../../nodes/registry.js';
import { createRng } from '../../core/math/rng.js';
import { getScenario, scenarioNames } from '../../sim/scenarios/index.js';
import { Simulator } from '../../sim/simulator.js';
import { energyMap, steps } from '../../sim/energy-map.js';

const USAGE =
  'Usage: world-model-mpc energy-map [--scenario coffee] [--model DIR] [--step M] [--goal-x X] [--json]';

export const energyMapCommand: Command = {
  name: 'energy-map',
  summary:
    "Print the goal energy (L1 latent distance to the goal image) over the scenario's floor, as the encoder sees it.",
  usage: USAGE,
  async run(argv) {
    if (wantsHelp(argv)) {
      console.log(
        `${USAGE}\n\n${this.summary}\nRows are y (descending), columns x, heading = the goal's; people are left out. --goal-x moves the goal along x (e.g. a subgoal).`,
      );
      return 0;
    }
    const { values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        scenario: { type: 'string', default: 'coffee' },
        model: { type: 'string', default: 'models/jepa-sim' },
        step: { type: 'string' },
        'goal-x': { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    const name = values.scenario;
    if (!scenarioNames().includes(name))
      throw new UsageError(`--scenario: unknown '${name}' (known: ${scenarioNames().join(', ')})`);
    const stepM = numberFlag('step', values.step, 0.5);
    if (!(stepM >= 0.05)) throw new UsageError(`--step: expected metres ≥ 0.05, got '${values.step}'`);
    const root = findPackageRoot();
    const scenario = { ...getScenario(name).build(createRng(1)), people: [] };
    const goal = { ...scenario.goal, xM: numberFlag('goal-x', values['goal-x'], scenario.goal.xM) };
    const sim = await Simulator.create(scenario, readFileSync(join(root, 'urdf', 'robot.urdf'), 'utf8'));
    const { OnnxWorldModel } = await import('../../runtime/onnx-world-model.js');
    const model = await OnnxWorldModel.load({
      modelDir: resolve(root, values.model),
      armJointNames: sim.robot.armJointNames,
      providers: ['cpu'],
    });
    try {
      const L = scenario.layout;
      const map = await energyMap(sim, model, model.manifest.image, {
        xsM: steps(L.xMinM + 0.5, L.xMaxM - 0.5, stepM),
        ysM: steps(L.yMinM + 0.5, L.yMaxM - 0.5, stepM).reverse(),
        lineFractions: steps(0, 1, 0.1),
        goal,
      });
      if (values.json) {
        console.log(JSON.stringify({ scenario: name, model: model.spec.modelId, goal, ...map }));
        return 0;
      }
      const cell = (v: number): string => v.toFixed(0).padStart(5);
      console.log(
        `${name}, model ${model.spec.modelId}, goal (${goal.xM}, ${goal.yM}, ${goal.yawRad.toFixed(2)})`,
      );
      console.log(`  y\\x${map.xsM.map((x) => String(x).padStart(5)).join('')}`);
      map.grid.forEach((row, i) => console.log(`${String(map.ysM[i]).padStart(5)}${row.map(cell).join('')}`));
      console.log(`start → goal: ${map.line.map((v) => v.toFixed(0)).join(' ')}`);
      return 0;
    } finally {
      sim.dispose();
      await model.dispose();
    }
  },
};
