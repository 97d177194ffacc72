/** The safety monitor's verdict as text floating above the robot, coloured by state. */
import type { ColorRGBA, Header, Marker } from '../../msgs/std.js';
import { VerdictState } from '../../msgs/own.js';
import { Colour, MarkerType, newMarker } from './marker-base.js';

const STATE_NAME: Record<number, string> = {
  [VerdictState.OK]: 'OK',
  [VerdictState.LIMITED]: 'LIMITED',
  [VerdictState.STOPPED]: 'STOPPED',
  [VerdictState.LATCHED]: 'LATCHED (call ~/reset)',
};

const STATE_COLOUR: Record<number, ColorRGBA> = {
  [VerdictState.OK]: Colour.feasible,
  [VerdictState.LIMITED]: Colour.warning,
  [VerdictState.STOPPED]: Colour.infeasible,
  [VerdictState.LATCHED]: Colour.infeasible,
};

/** Text in the base frame of `header` (frame_locked, so it follows the robot), `heightM` above base_link. */
export function verdictTextMarker(
  header: Header,
  verdict: { state: number; reason: string; violated: readonly string[] },
  heightM = 1.2,
  ns = 'verdict',
): Marker {
  const m = newMarker(header, ns, 0, MarkerType.TEXT_VIEW_FACING);
  const name = STATE_NAME[verdict.state] ?? `unknown state ${verdict.state}`;
  const violated = verdict.violated.length > 0 ? ` [${verdict.violated.join(', ')}]` : '';
  m.text = verdict.reason ? `${name}${violated}: ${verdict.reason}` : `${name}${violated}`;
  m.color = STATE_COLOUR[verdict.state] ?? Colour.infeasible;
  m.scale = { x: 0, y: 0, z: 0.12 }; // text height [m]
  m.pose.position = { x: 0, y: 0, z: heightM };
  m.frame_locked = true;
  return m;
}
