/** Typed, validated constraint configuration (config/constraints.yaml). Units are in the key names. */

export type Xyz = [number, number, number];

export interface JointRule {
  /** overrides the URDF velocity limit when lower [rad/s or m/s] */
  velocityLimit?: number;
  /** [rad/s² or m/s²] */
  accelLimit?: number;
}

export interface JointsConfig {
  enabled: boolean;
  /** keep this far inside the URDF position limits [rad or m] */
  positionMargin: number;
  /** fraction of the URDF velocity limit that may be used */
  velocityScale: number;
  /** default acceleration limit for every arm joint [rad/s² or m/s²] */
  accelLimit: number;
  overrides: Record<string, JointRule>;
}

export interface BaseConfig {
  enabled: boolean;
  vMaxMps: number;
  vMinMps: number;
  wMaxRadps: number;
  accelMps2: number;
  decelMps2: number;
  angAccelRadps2: number;
  angDecelRadps2: number;
}

/** ISO/TS 15066 speed-and-separation monitoring terms. */
export interface SeparationConfig {
  enabled: boolean;
  /** v_h beyond the switch distance (ISO 13855 K = 1600 mm/s) */
  humanSpeedFarMps: number;
  /** v_h within the switch distance (ISO 13855 K = 2000 mm/s) */
  humanSpeedNearMps: number;
  humanSpeedSwitchDistanceM: number;
  /** T_r: time for the system to notice and start stopping */
  reactionTimeSec: number;
  /** T_s: time the robot needs to stop */
  stoppingTimeSec: number;
  /** the worst-case disc grows at v_h for at most this long after the snapshot [s] (see separation.ts) */
  worstCaseHorizonSec: number;
  /** C: intrusion distance (a limb reaching past the detected body) */
  intrusionDistanceM: number;
  /** Z_d: person position uncertainty */
  humanPositionUncertaintyM: number;
  /** Z_r: robot position uncertainty */
  robotPositionUncertaintyM: number;
}

export type Zone =
  | { name: string; type: 'box'; minInOdomM: Xyz; maxInOdomM: Xyz }
  | { name: string; type: 'polygon'; pointsInOdomM: [number, number][]; zMinM: number; zMaxM: number };

export interface ZonesConfig {
  enabled: boolean;
  /** extra clearance every body part keeps from every zone [m] */
  marginM: number;
  zones: Zone[];
}

export interface ToolWorkspaceConfig {
  enabled: boolean;
  /** box the tool tip must stay in, in base_link [m] */
  minInBaseM: Xyz;
  maxInBaseM: Xyz;
}

export interface ToolConfig {
  enabled: boolean;
  /** tool-tip speed limit while a sharp tool is held (ISO 10218-1 reduced speed 250 mm/s) */
  sharpSpeedMaxMps: number;
  /** a person closer than this (horizontal gap to any body part) triggers the lower limit */
  nearPersonDistanceM: number;
  /** tool-tip speed limit with a sharp tool and a person near (0 = stop) */
  nearPersonSpeedMaxMps: number;
}

export interface ConstraintConfig {
  /** control period: every action is held this long [s] */
  controlPeriodSec: number;
  joints: JointsConfig;
  base: BaseConfig;
  separation: SeparationConfig;
  keepOutZones: ZonesConfig;
  toolWorkspace: ToolWorkspaceConfig;
  tool: ToolConfig;
}
