import { describe, expect, it } from 'vitest';
import { ParamsFileError, parametersForNode, parseParamsFile } from '../../src/nodes/params-file.js';

const TEXT = `
/**:
  ros__parameters:
    use_sim_time: true
    constraints_file: config/constraints.yaml
mpc_planner:
  ros__parameters:
    horizon: 12
    use_sim_time: false
    weights:
      goal: 1.5
      smooth: 0.1
    joint_names: [a, b]
/robot1/safety_monitor:
  ros__parameters:
    period_s: 0.05
/*/mpc_planner:
  ros__parameters:
    horizon: 8
`;

describe('ROS 2 params file', () => {
  const file = parseParamsFile(TEXT, 'params.yaml');

  it('gives every node the /** parameters', () => {
    expect(parametersForNode(file, 'observation_encoder')).toEqual({
      use_sim_time: true,
      constraints_file: 'config/constraints.yaml',
    });
  });

  it('lets the exact node entry win over the wildcard and flattens nested maps to dotted names', () => {
    expect(parametersForNode(file, 'mpc_planner')).toEqual({
      use_sim_time: false,
      constraints_file: 'config/constraints.yaml',
      horizon: 12,
      'weights.goal': 1.5,
      'weights.smooth': 0.1,
      joint_names: ['a', 'b'],
    });
  });

  it('matches namespaced names, with * standing for one namespace segment', () => {
    expect(parametersForNode(file, 'safety_monitor', '/robot1')).toMatchObject({
      period_s: 0.05,
      use_sim_time: true,
    });
    expect(parametersForNode(file, 'mpc_planner', 'robot2').horizon).toBe(8);
    expect(parametersForNode(file, 'safety_monitor').period_s).toBeUndefined();
  });

  it('rejects an entry without ros__parameters, naming the file and key', () => {
    expect(() => parseParamsFile('mpc_planner:\n  horizon: 3\n', 'p.yaml')).toThrow(
      "params file 'p.yaml': key 'mpc_planner': expected a map with a 'ros__parameters' map",
    );
  });

  it('rejects values ROS parameters cannot hold', () => {
    expect(() => parseParamsFile('n:\n  ros__parameters:\n    x: [1, a]\n', 'p.yaml')).toThrow(
      ParamsFileError,
    );
    expect(() => parseParamsFile('n:\n  ros__parameters:\n    x: ~\n', 'p.yaml')).toThrow(
      /key 'x': expected bool, number, string or an array, got null/,
    );
    expect(() => parseParamsFile('n: [\n', 'p.yaml')).toThrow(/not valid YAML/);
  });

  it('reads an empty file as no parameters', () => {
    expect(parametersForNode(parseParamsFile(''), 'mpc_planner')).toEqual({});
  });
});
