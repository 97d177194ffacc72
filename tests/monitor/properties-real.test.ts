/**
 * The same property on the real constraint library (urdf/robot.urdf + config/constraints.yaml): for
 * random robot states, people and proposals (garbage included), the executed command passes the
 * library's stopping check and its one-step evaluation, or it is the braking command.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createConstraintSet, parseConstraintConfig } from '../../src/core/constraints/index.js';
import { loadUrdf } from '../../src/core/robot/index.js';
import { checkInvariant, scenarioArb } from './arbitraries.js';

const root = new URL('../../', import.meta.url);
const constraints = createConstraintSet(
  loadUrdf(readFileSync(new URL('urdf/robot.urdf', root), 'utf8')),
  parseConstraintConfig(readFileSync(new URL('config/constraints.yaml', root), 'utf8')),
);

describe('monitor properties (real constraint library)', () => {
  it('the executed command always passes the stopping check or is the braking command', () => {
    const kinds = new Set<string>();
    const n = constraints.armJointNames.length;
    fc.assert(
      fc.property(scenarioArb(constraints.actionDim, n), (s) => {
        const { kind, world, command } = checkInvariant(constraints, s);
        kinds.add(kind);
        if (kind === 'pass' || kind === 'limit') {
          expect(constraints.evaluate(world, Float32Array.from(command), 1).feasible).toBe(true);
        }
      }),
      { numRuns: 1500, seed: 11 },
    );
    expect([...kinds].sort()).toEqual(['limit', 'pass', 'veto']);
  });
});
