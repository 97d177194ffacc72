import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/sim/runner.js';
import { renderHtmlReport } from '../../src/report/html-report.js';
import { timePlot } from '../../src/report/svg-plot.js';

describe('HTML report', () => {
  it('is one self-contained page: inline SVG plots, no scripts, no external resources', async () => {
    const r = await runScenario({
      scenario: 'crossing',
      seed: 2,
      durationS: 1,
      monitor: 'none',
      cameraHz: 1,
    });
    const html = renderHtmlReport(r);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="http/i);
    // map + goal distance + person distance + speeds (+ a note instead of the cycle plot: no plans here)
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html).toContain('separation_violations');
  });

  it('shades flagged periods as bands', () => {
    const svg = timePlot({
      title: 'x',
      unit: 'm',
      t: [0.1, 0.2, 0.3, 0.4],
      series: [{ label: 'a', colour: '#000', values: [1, 2, 3, 4] }],
      bands: [{ label: 'veto', colour: '#f00', flags: [false, true, true, false] }],
    });
    expect(svg.match(/<rect [^>]*opacity="0.25"/g)).toHaveLength(1);
  });
});
