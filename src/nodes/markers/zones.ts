/** Keep-out zones from the constraint config: boxes as CUBEs, polygons as prism edges (LINE_LIST). */
import type { Header, Marker, Point } from '../../msgs/std.js';
import type { Zone } from '../../core/constraints/index.js';
import { Colour, MarkerType, newMarker } from './marker-base.js';

function boxMarker(
  header: Header,
  ns: string,
  id: number,
  zone: Extract<Zone, { type: 'box' }>,
  marginM: number,
): Marker {
  const [x0, y0, z0] = zone.minInOdomM;
  const [x1, y1, z1] = zone.maxInOdomM;
  const m = newMarker(header, ns, id, MarkerType.CUBE);
  m.pose.position = { x: (x0 + x1) / 2, y: (y0 + y1) / 2, z: (z0 + z1) / 2 };
  // the margin grows the zone horizontally and vertically, as the constraint does
  m.scale = { x: x1 - x0 + 2 * marginM, y: y1 - y0 + 2 * marginM, z: z1 - z0 + 2 * marginM };
  m.color = Colour.zone;
  return m;
}

/** Polygon edges at zMin and zMax plus the vertical edges (the margin is not drawn for polygons). */
function polygonMarker(
  header: Header,
  ns: string,
  id: number,
  zone: Extract<Zone, { type: 'polygon' }>,
): Marker {
  const m = newMarker(header, ns, id, MarkerType.LINE_LIST);
  m.scale = { x: 0.02, y: 0, z: 0 };
  m.color = { ...Colour.zone, a: 1 };
  const pts = zone.pointsInOdomM;
  const segments: Point[] = [];
  pts.forEach(([x, y], i) => {
    const [nx, ny] = pts[(i + 1) % pts.length] as [number, number];
    for (const z of [zone.zMinM, zone.zMaxM]) segments.push({ x, y, z }, { x: nx, y: ny, z });
    segments.push({ x, y, z: zone.zMinM }, { x, y, z: zone.zMaxM });
  });
  m.points = segments;
  return m;
}

/** One shape and one name label per zone (ids 2·i and 2·i+1), in the odometry frame of `header`. */
export function keepOutZoneMarkers(
  header: Header,
  zones: readonly Zone[],
  marginM: number,
  ns = 'keep_out_zones',
): Marker[] {
  const out: Marker[] = [];
  zones.forEach((zone, i) => {
    const shape =
      zone.type === 'box'
        ? boxMarker(header, ns, 2 * i, zone, marginM)
        : polygonMarker(header, ns, 2 * i, zone);
    const label = newMarker(header, `${ns}/labels`, 2 * i + 1, MarkerType.TEXT_VIEW_FACING);
    label.text = zone.name;
    label.scale = { x: 0, y: 0, z: 0.15 };
    label.pose.position =
      zone.type === 'box' ? { ...shape.pose.position, z: zone.maxInOdomM[2] + 0.2 } : labelAt(zone);
    out.push(shape, label);
  });
  return out;
}

function labelAt(zone: Extract<Zone, { type: 'polygon' }>): Point {
  const n = zone.pointsInOdomM.length || 1;
  const sx = zone.pointsInOdomM.reduce((s, p) => s + p[0], 0);
  const sy = zone.pointsInOdomM.reduce((s, p) => s + p[1], 0);
  return { x: sx / n, y: sy / n, z: zone.zMaxM + 0.2 };
}
