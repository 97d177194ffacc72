/**
 * People and their ISO/TS 15066 protective separation: per person a solid body cylinder and a
 * translucent disc of radius (body radius + protective distance S_p). S_p comes from the constraint
 * library (it depends on the robot's speed); this file only draws it.
 */
import type { Header, Marker } from '../../msgs/std.js';
import type { Person } from '../../core/types.js';
import { Colour, MarkerType, newMarker } from './marker-base.js';

export interface PeopleMarkerStyle {
  ns: string;
  /** height of a body cylinder [m] */
  bodyHeightM: number;
  /** thickness of a separation disc [m] */
  discHeightM: number;
}

const DEFAULT_STYLE: PeopleMarkerStyle = { ns: 'people', bodyHeightM: 1.7, discHeightM: 0.02 };

/**
 * Two markers per person (ids 2·i body, 2·i+1 disc), in the odometry frame of `header`.
 * `protectiveDistanceM[i]` is S_p for person i [m]; a negative or non-finite value is refused.
 */
export function separationMarkers(
  header: Header,
  people: readonly Person[],
  protectiveDistanceM: ArrayLike<number>,
  style: PeopleMarkerStyle = DEFAULT_STYLE,
): Marker[] {
  if (protectiveDistanceM.length < people.length) {
    throw new RangeError(
      `separationMarkers: ${people.length} people need as many distances, got ${protectiveDistanceM.length}`,
    );
  }
  const out: Marker[] = [];
  people.forEach((p, i) => {
    const sp = protectiveDistanceM[i] as number;
    if (!(sp >= 0) || !Number.isFinite(sp)) {
      throw new RangeError(
        `separationMarkers: protective distance of person ${p.id} must be finite and ≥ 0, got ${sp}`,
      );
    }
    const body = newMarker(header, `${style.ns}/body`, 2 * i, MarkerType.CYLINDER);
    body.pose.position = { x: p.xInOdomM, y: p.yInOdomM, z: style.bodyHeightM / 2 };
    body.scale = { x: 2 * p.radiusM, y: 2 * p.radiusM, z: style.bodyHeightM };
    body.color = Colour.person;
    const disc = newMarker(header, `${style.ns}/separation`, 2 * i + 1, MarkerType.CYLINDER);
    const radiusM = p.radiusM + sp;
    disc.pose.position = { x: p.xInOdomM, y: p.yInOdomM, z: style.discHeightM / 2 };
    disc.scale = { x: 2 * radiusM, y: 2 * radiusM, z: style.discHeightM };
    disc.color = Colour.separation;
    out.push(body, disc);
  });
  return out;
}
