/**
 * JSON schema of config/constraints.yaml: type, default, unit, range and meaning of every key, declared
 * once. ajv validates against it and fills defaults; `describeSchema` lists it for docs and the CLI.
 */

type Schema = Record<string, unknown>;

function num(min: number, max: number, dflt: number, unit: string, description: string): Schema {
  return { type: 'number', minimum: min, maximum: max, default: dflt, unit, description };
}
function flag(description: string): Schema {
  return { type: 'boolean', default: true, description };
}
function obj(properties: Record<string, Schema>, extra: Schema = {}): Schema {
  const s: Schema = { type: 'object', additionalProperties: false, default: {}, properties, ...extra };
  if (s['default'] === undefined) delete s['default'];
  return s;
}
function xyz(lo: number, hi: number, dflt: number[] | undefined, description: string): Schema {
  const s: Schema = {
    type: 'array',
    items: { type: 'number', minimum: lo, maximum: hi },
    minItems: 3,
    maxItems: 3,
    default: dflt,
    unit: 'm',
    description,
  };
  if (dflt === undefined) delete s['default'];
  return s;
}

const boxZone = obj(
  {
    name: { type: 'string', minLength: 1 },
    type: { const: 'box' },
    minInOdomM: xyz(-1e4, 1e4, undefined, 'lower corner in odom'),
    maxInOdomM: xyz(-1e4, 1e4, undefined, 'upper corner in odom'),
  },
  { required: ['name', 'type', 'minInOdomM', 'maxInOdomM'], default: undefined },
);
const polygonZone = obj(
  {
    name: { type: 'string', minLength: 1 },
    type: { const: 'polygon' },
    pointsInOdomM: {
      type: 'array',
      minItems: 3,
      maxItems: 64,
      items: {
        type: 'array',
        items: { type: 'number', minimum: -1e4, maximum: 1e4 },
        minItems: 2,
        maxItems: 2,
      },
      description: 'polygon corners [x, y] in odom, in order',
    },
    zMinM: num(-100, 100, -100, 'm', 'prism bottom'),
    zMaxM: num(-100, 100, 100, 'm', 'prism top'),
  },
  { required: ['name', 'type', 'pointsInOdomM'], default: undefined },
);

export const CONSTRAINT_CONFIG_SCHEMA: Schema = obj(
  {
    controlPeriodSec: num(0.005, 1, 0.1, 's', 'control period; each action is held this long'),
    joints: obj({
      enabled: flag('arm joint position, velocity and acceleration limits'),
      positionMargin: num(0, 0.5, 0.05, 'rad|m', 'keep this far inside the URDF position limits'),
      velocityScale: num(0.01, 1, 1, '1', 'fraction of the URDF velocity limit that may be used'),
      accelLimit: num(0.01, 100, 3, 'rad/s²|m/s²', 'acceleration limit of every arm joint'),
      overrides: {
        type: 'object',
        default: {},
        description: 'per-joint limits by joint name',
        additionalProperties: obj(
          {
            velocityLimit: { type: 'number', minimum: 0, maximum: 100, unit: 'rad/s|m/s' },
            accelLimit: { type: 'number', minimum: 0.01, maximum: 100, unit: 'rad/s²|m/s²' },
          },
          { default: undefined },
        ),
      },
    }),
    base: obj({
      enabled: flag('base speed and acceleration limits'),
      vMaxMps: num(0, 5, 0.8, 'm/s', 'forward speed limit'),
      vMinMps: num(-5, 0, -0.3, 'm/s', 'reverse speed limit (≤ 0)'),
      wMaxRadps: num(0, 10, 1.5, 'rad/s', 'yaw-rate limit'),
      accelMps2: num(0.01, 20, 0.8, 'm/s²', 'linear acceleration'),
      decelMps2: num(0.01, 20, 1.5, 'm/s²', 'linear deceleration (braking)'),
      angAccelRadps2: num(0.01, 50, 2, 'rad/s²', 'yaw acceleration'),
      angDecelRadps2: num(0.01, 50, 3, 'rad/s²', 'yaw deceleration (braking)'),
    }),
    separation: obj({
      enabled: flag('ISO/TS 15066 speed-and-separation monitoring'),
      humanSpeedFarMps: num(0, 5, 1.6, 'm/s', 'v_h beyond the switch distance (ISO 13855)'),
      humanSpeedNearMps: num(0, 5, 2.0, 'm/s', 'v_h within the switch distance (ISO 13855)'),
      humanSpeedSwitchDistanceM: num(0, 5, 0.5, 'm', 'gap below which the near speed applies'),
      reactionTimeSec: num(0, 2, 0.1, 's', 'T_r: detection-to-stop-command time'),
      stoppingTimeSec: num(
        0,
        5,
        0.6,
        's',
        'T_s: robot stopping time (≥ braking time from every speed limit)',
      ),
      worstCaseHorizonSec: num(
        0.01,
        100,
        0.7,
        's',
        'the worst-case disc grows at v_h for at most this long (≥ control period + T_s, the default)',
      ),
      intrusionDistanceM: num(0, 2, 0.2, 'm', 'C: intrusion distance'),
      humanPositionUncertaintyM: num(0, 2, 0.1, 'm', 'Z_d: person position uncertainty'),
      robotPositionUncertaintyM: num(0, 1, 0.02, 'm', 'Z_r: robot position uncertainty'),
    }),
    keepOutZones: obj({
      enabled: flag('keep-out zones no body part may enter'),
      marginM: num(0, 2, 0.05, 'm', 'clearance kept from every zone'),
      zones: {
        type: 'array',
        default: [],
        maxItems: 64,
        items: {
          type: 'object',
          if: { type: 'object', properties: { type: { const: 'box' } } },
          then: boxZone,
          else: polygonZone,
        },
      },
    }),
    toolWorkspace: obj({
      enabled: flag('tool-tip workspace box'),
      minInBaseM: xyz(-10, 10, [-0.4, -0.8, 0.0], 'lower corner in base_link'),
      maxInBaseM: xyz(-10, 10, [1.0, 0.8, 1.2], 'upper corner in base_link'),
    }),
    tool: obj({
      enabled: flag('sharp-tool speed rules'),
      sharpSpeedMaxMps: num(0, 2, 0.25, 'm/s', 'tool-tip speed limit with a sharp tool (ISO 10218-1)'),
      nearPersonDistanceM: num(0, 10, 1.0, 'm', 'a person this near triggers the lower limit'),
      nearPersonSpeedMaxMps: num(
        0,
        2,
        0.0,
        'm/s',
        'tool-tip speed limit with a sharp tool and a person near',
      ),
    }),
  },
  { default: undefined },
);
