import { describe, expect, it } from 'vitest';
import { ColliderKind, WALL_PANEL_M, panelled } from '../../src/sim/layout.js';
import { Simulator } from '../../src/sim/simulator.js';
import { URDF_XML, standingPersonScenario } from './fixtures.js';

describe('painted wall panels (camera landmarks)', () => {
  const wall = {
    name: 'wall_test',
    kind: ColliderKind.wall,
    x: 1,
    y: 4,
    z: 1.2,
    hx: 2.55,
    hy: 0.05,
    hz: 1.2,
  };

  it('split a wall into panels no longer than WALL_PANEL_M that cover the same footprint', () => {
    const panels = panelled(wall);
    expect(panels).toHaveLength(Math.ceil(5.1 / WALL_PANEL_M));
    let left = wall.x - wall.hx;
    for (const p of panels) {
      expect(p.hx * 2).toBeLessThanOrEqual(WALL_PANEL_M + 1e-9);
      expect(p.x - p.hx).toBeCloseTo(left, 9);
      expect([p.y, p.z, p.hy, p.hz, p.kind]).toEqual([wall.y, wall.z, wall.hy, wall.hz, wall.kind]);
      left = p.x + p.hx;
    }
    expect(left).toBeCloseTo(wall.x + wall.hx, 9);
  });

  it('paint neighbouring panels differently and split walls along y too', () => {
    const panels = panelled({ ...wall, hx: 0.05, hy: 3 });
    expect(panels.every((p) => p.x === wall.x && p.hx === 0.05)).toBe(true);
    for (let i = 1; i < panels.length; i++) expect(panels[i]?.colour).not.toEqual(panels[i - 1]?.colour);
  });

  it('let the camera tell two places along the same wall apart', async () => {
    // the robot faces the +x wall from y = -3 and from y = +3 at the same distance: a plain wall would
    // give (nearly) the same picture, painted panels do not
    const scenario = { ...standingPersonScenario(2), people: [] };
    const sim = await Simulator.create(scenario, URDF_XML);
    const meanRgb = (yM: number): number[] => {
      sim.robot.setBasePose(3, yM, 0);
      sim.scene.step();
      const px = sim.renderCamera();
      const sum = [0, 0, 0];
      for (let i = 0; i < px.length; i++) (sum[i % 3] as number) += px[i] as number;
      return sum.map((s) => s / (px.length / 3));
    };
    const a = meanRgb(-3);
    const b = meanRgb(3);
    const diff = Math.max(...a.map((v, i) => Math.abs(v - (b[i] as number))));
    expect(diff).toBeGreaterThan(5);
    sim.dispose();
  });
});
