/** visualization_msgs/Marker constants, colours and an all-fields factory (rviz2 needs every field set). */
import type { ColorRGBA, Header, Marker, MarkerArray } from '../../msgs/std.js';
import type { Publisher } from '../../transport/port.js';

/** visualization_msgs/Marker type constants. */
export const MarkerType = {
  ARROW: 0,
  CUBE: 1,
  SPHERE: 2,
  CYLINDER: 3,
  LINE_STRIP: 4,
  LINE_LIST: 5,
  TEXT_VIEW_FACING: 9,
} as const;

/** visualization_msgs/Marker action constants. */
export const MarkerAction = { ADD: 0, DELETE: 2, DELETEALL: 3 } as const;

export const Colour = {
  feasible: { r: 0.1, g: 0.8, b: 0.2, a: 1 },
  infeasible: { r: 0.95, g: 0.15, b: 0.1, a: 1 },
  warning: { r: 0.95, g: 0.6, b: 0.1, a: 1 },
  tool: { r: 0.2, g: 0.5, b: 1, a: 1 },
  separation: { r: 1, g: 0.55, b: 0, a: 0.25 },
  person: { r: 0.9, g: 0.8, b: 0.2, a: 0.9 },
  zone: { r: 0.8, g: 0.1, b: 0.1, a: 0.3 },
  text: { r: 1, g: 1, b: 1, a: 1 },
} as const satisfies Record<string, ColorRGBA>;

/** A marker with every field set to a harmless value; callers fill in what they draw. */
export function newMarker(header: Header, ns: string, id: number, type: number): Marker {
  return {
    header,
    ns,
    id,
    type,
    action: MarkerAction.ADD,
    pose: { position: { x: 0, y: 0, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
    scale: { x: 1, y: 1, z: 1 },
    color: Colour.text,
    // 0 = forever; our publishers republish every cycle and clear stale ids with DELETEALL
    lifetime: { sec: 0, nanosec: 0 },
    frame_locked: false,
    points: [],
    colors: [],
    texture_resource: '',
    texture: { header, format: '', data: new Uint8Array(0) },
    uv_coordinates: [],
    text: '',
    mesh_resource: '',
    mesh_file: { filename: '', data: new Uint8Array(0) },
    mesh_use_embedded_materials: false,
  };
}

/** Clears every marker of `ns` (put first in an array so ids that disappeared do not linger). */
export function deleteAllMarker(header: Header, ns: string): Marker {
  const m = newMarker(header, ns, 0, MarkerType.CUBE);
  m.action = MarkerAction.DELETEALL;
  return m;
}

/**
 * Builds and publishes markers only when someone subscribes (rviz open): debug output costs nothing
 * otherwise. Returns whether it published.
 */
export function publishIfWatched(pub: Publisher<MarkerArray>, build: () => MarkerArray): boolean {
  if (pub.subscriptionCount() === 0) return false;
  pub.publish(build());
  return true;
}
