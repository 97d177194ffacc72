/**
 * World layouts as data: axis-aligned boxes (optionally yawed) tagged with a kind. The scene builder
 * turns them into fixed colliders; the camera colours each hit by its kind. Frame: odom, z up, metres.
 */

/** What a collider is, for rendering colours and ground-truth bookkeeping. */
export const ColliderKind = {
  floor: 0,
  wall: 1,
  counter: 2,
  appliance: 3,
  table: 4,
  board: 5,
  person: 6,
  robotBase: 7,
  robotArm: 8,
  tool: 9,
} as const;
export type ColliderKind = (typeof ColliderKind)[keyof typeof ColliderKind];

/** RGB per kind, indexed by ColliderKind (0..1). Chosen so people stand out from furniture. */
export const KIND_COLOURS: readonly (readonly [number, number, number])[] = [
  [0.55, 0.52, 0.48], // floor
  [0.85, 0.85, 0.8], // wall
  [0.45, 0.3, 0.2], // counter
  [0.15, 0.15, 0.18], // appliance
  [0.6, 0.45, 0.25], // table
  [0.8, 0.65, 0.4], // board
  [0.9, 0.2, 0.15], // person
  [0.2, 0.35, 0.8], // robot base
  [0.3, 0.6, 0.9], // robot arm
  [0.85, 0.85, 0.9], // tool
];

export interface BoxSpec {
  name: string;
  kind: ColliderKind;
  /** centre [m] in odom */
  x: number;
  y: number;
  z: number;
  /** half extents [m] */
  hx: number;
  hy: number;
  hz: number;
  /** rotation about z [rad] */
  yawRad?: number;
  /** RGB (0..1) the camera paints this box in instead of its kind's colour */
  colour?: readonly [number, number, number];
}

export interface Layout {
  name: string;
  /** room bounds [m] in odom, used by people's random paths and the report map */
  xMinM: number;
  xMaxM: number;
  yMinM: number;
  yMaxM: number;
  boxes: BoxSpec[];
}

const WALL_HALF_THICKNESS_M = 0.05;
const WALL_HALF_HEIGHT_M = 1.2;
/** Walls are built from panels of at most this length [m], each painted (see WALL_PAINTS). */
export const WALL_PANEL_M = 1.0;

/**
 * Muted paints for wall panels. Plain walls look the same everywhere, so a camera could not tell where
 * it is (real rooms have doors, pictures, tiles); painted panels give the world model landmarks. None is
 * close to the person red or the robot blues.
 */
export const WALL_PAINTS: readonly (readonly [number, number, number])[] = [
  [0.85, 0.85, 0.8],
  [0.35, 0.62, 0.55],
  [0.86, 0.76, 0.35],
  [0.6, 0.52, 0.76],
  [0.47, 0.66, 0.32],
  [0.88, 0.58, 0.32],
  [0.86, 0.62, 0.72],
  [0.42, 0.46, 0.6],
  [0.7, 0.7, 0.45],
  [0.55, 0.75, 0.85],
  [0.65, 0.4, 0.35],
];

/** FNV-1a of a string: picks a wall's first paint from its name, so that every wall differs. */
function nameHash(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Splits a wall box along its long horizontal axis into panels of at most WALL_PANEL_M, painted in
 * turn from WALL_PAINTS starting at a paint chosen by the wall's name. Same footprint, same physics.
 */
export function panelled(wall: BoxSpec): BoxSpec[] {
  const alongX = wall.hx >= wall.hy;
  const half = alongX ? wall.hx : wall.hy;
  const n = Math.max(1, Math.ceil((2 * half) / WALL_PANEL_M - 1e-9));
  const step = (2 * half) / n;
  const first = nameHash(wall.name) % WALL_PAINTS.length;
  const panels: BoxSpec[] = [];
  for (let i = 0; i < n; i++) {
    const offset = -half + (i + 0.5) * step;
    const paint = WALL_PAINTS[(first + 3 * i) % WALL_PAINTS.length];
    panels.push({
      ...wall,
      name: `${wall.name}_${i}`,
      x: alongX ? wall.x + offset : wall.x,
      y: alongX ? wall.y : wall.y + offset,
      hx: alongX ? step / 2 : wall.hx,
      hy: alongX ? wall.hy : step / 2,
      ...(paint ? { colour: paint } : {}),
    });
  }
  return panels;
}

/** Floor plus four walls around [xMin,xMax]×[yMin,yMax]. */
export function roomShell(xMinM: number, xMaxM: number, yMinM: number, yMaxM: number): BoxSpec[] {
  const cx = (xMinM + xMaxM) / 2;
  const cy = (yMinM + yMaxM) / 2;
  const hx = (xMaxM - xMinM) / 2;
  const hy = (yMaxM - yMinM) / 2;
  const t = WALL_HALF_THICKNESS_M;
  const h = WALL_HALF_HEIGHT_M;
  return [
    {
      name: 'floor',
      kind: ColliderKind.floor,
      x: cx,
      y: cy,
      z: -0.05,
      hx: hx + 2 * t,
      hy: hy + 2 * t,
      hz: 0.05,
    },
    ...panelled({
      name: 'wall_north',
      kind: ColliderKind.wall,
      x: cx,
      y: yMaxM + t,
      z: h,
      hx: hx + 2 * t,
      hy: t,
      hz: h,
    }),
    ...panelled({
      name: 'wall_south',
      kind: ColliderKind.wall,
      x: cx,
      y: yMinM - t,
      z: h,
      hx: hx + 2 * t,
      hy: t,
      hz: h,
    }),
    ...panelled({ name: 'wall_east', kind: ColliderKind.wall, x: xMaxM + t, y: cy, z: h, hx: t, hy, hz: h }),
    ...panelled({ name: 'wall_west', kind: ColliderKind.wall, x: xMinM - t, y: cy, z: h, hx: t, hy, hz: h }),
  ];
}

/** The kitchen (sized for a small robot: a 0.7 m counter) : counter along the north wall with a coffee machine and a cutting board, a table. */
export function kitchenLayout(): Layout {
  const xMinM = -4;
  const xMaxM = 4;
  const yMinM = -3;
  const yMaxM = 3;
  return {
    name: 'kitchen',
    xMinM,
    xMaxM,
    yMinM,
    yMaxM,
    boxes: [
      ...roomShell(xMinM, xMaxM, yMinM, yMaxM),
      { name: 'counter', kind: ColliderKind.counter, x: 0, y: 2.65, z: 0.35, hx: 2.0, hy: 0.35, hz: 0.35 },
      {
        name: 'coffee_machine',
        kind: ColliderKind.appliance,
        x: -1.2,
        y: 2.75,
        z: 0.9,
        hx: 0.18,
        hy: 0.18,
        hz: 0.2,
      },
      {
        name: 'cutting_board',
        kind: ColliderKind.board,
        x: 0.8,
        y: 2.55,
        z: 0.71,
        hx: 0.22,
        hy: 0.15,
        hz: 0.01,
      },
      { name: 'table', kind: ColliderKind.table, x: 2.3, y: -1.6, z: 0.375, hx: 0.6, hy: 0.4, hz: 0.375 },
    ],
  };
}

/** Painted wall panels along x (`y` fixed) or along y (`x` fixed) from `a0` to `a1` [m]. */
function wallAlong(name: string, axis: 'x' | 'y', fixedM: number, a0M: number, a1M: number): BoxSpec[] {
  const t = WALL_HALF_THICKNESS_M;
  const mid = (a0M + a1M) / 2;
  const half = Math.abs(a1M - a0M) / 2;
  const h = WALL_HALF_HEIGHT_M;
  return panelled(
    axis === 'x'
      ? { name, kind: ColliderKind.wall, x: mid, y: fixedM, z: h, hx: half, hy: t, hz: h }
      : { name, kind: ColliderKind.wall, x: fixedM, y: mid, z: h, hx: t, hy: half, hz: h },
  );
}

/** Geometry of the crossing corridor (shared by the layout and the crossing scenario's people). */
export const CORRIDOR = {
  xMinM: -6,
  xMaxM: 6,
  /** the corridor spans |y| ≤ halfWidthM */
  halfWidthM: 1.2,
  /** x of the doorway centres; each opens into a side passage north and south */
  doorwayXM: [-2, 1.5] as readonly number[],
  doorwayHalfWidthM: 0.6,
  /** side passages end at |y| = passageEndM */
  passageEndM: 4.5,
} as const;

/**
 * A corridor 12 m × 2.4 m with two doorways; each opens north and south into a 1.2 m side passage
 * (to |y| = 4.5 m), so people cross the corridor from one passage to the opposite one.
 */
export function corridorLayout(): Layout {
  const c = CORRIDOR;
  const t = WALL_HALF_THICKNESS_M;
  const yEnd = c.passageEndM;
  const boxes: BoxSpec[] = [
    {
      name: 'floor',
      kind: ColliderKind.floor,
      x: (c.xMinM + c.xMaxM) / 2,
      y: 0,
      z: -0.05,
      hx: (c.xMaxM - c.xMinM) / 2 + 2 * t,
      hy: yEnd + 2 * t,
      hz: 0.05,
    },
    ...wallAlong('wall_west', 'y', c.xMinM - t, -c.halfWidthM, c.halfWidthM),
    ...wallAlong('wall_east', 'y', c.xMaxM + t, -c.halfWidthM, c.halfWidthM),
  ];
  for (const [side, sign] of [
    ['north', 1],
    ['south', -1],
  ] as const) {
    const wallY = sign * (c.halfWidthM + t);
    let x0 = c.xMinM - 2 * t;
    c.doorwayXM.forEach((dx, i) => {
      const left = dx - c.doorwayHalfWidthM;
      const right = dx + c.doorwayHalfWidthM;
      boxes.push(...wallAlong(`wall_${side}_${i}`, 'x', wallY, x0, left - t));
      // the passage: two side walls and an end wall
      boxes.push(...wallAlong(`passage_${side}_${i}_w`, 'y', left - t, wallY, sign * yEnd));
      boxes.push(...wallAlong(`passage_${side}_${i}_e`, 'y', right + t, wallY, sign * yEnd));
      boxes.push(
        ...wallAlong(`passage_${side}_${i}_end`, 'x', sign * (yEnd + t), left - 2 * t, right + 2 * t),
      );
      x0 = right + t;
    });
    boxes.push(...wallAlong(`wall_${side}_end`, 'x', wallY, x0, c.xMaxM + 2 * t));
  }
  return { name: 'corridor', xMinM: c.xMinM, xMaxM: c.xMaxM, yMinM: -yEnd, yMaxM: yEnd, boxes };
}
