/**
 * The time series behind the report, with bounded memory: one sample per control period until the
 * trace holds `maxSamples`, then neighbouring pairs merge and every later sample stands for twice as
 * many periods (and so on), so a run of any length keeps at most `maxSamples` samples. Merging keeps
 * what a reader looks for: the later state, the smallest person distance (with its S_p), the fastest
 * robot speed, and any separation-violation, veto or infeasible flag.
 */

/** One sample per `periodS × stride`. People arrays are [x0, y0, x1, y1, ...] in odom. */
export interface SimTrace {
  /** control period [s] */
  periodS: number;
  /** control periods per sample (1 until the trace first fills, then 2, 4, ...) */
  stride: number;
  t: number[];
  x: number[];
  y: number[];
  yaw: number[];
  vMps: number[];
  wRadps: number[];
  /** fastest robot body [m/s] */
  robotSpeedMps: number[];
  goalDistM: number[];
  /** engine-true distance to the nearest person [m] (Infinity: nobody) */
  minPersonDistM: number[];
  /** protective separation distance for that person [m] */
  separationM: number[];
  /** a robot part inside someone's S_p moved toward them (the engine's separation violation) */
  approachingInsideSp: boolean[];
  people: number[][];
  infeasible: boolean[];
  veto: boolean[];
  plannerCycleMs: number[];
}

/** One control period's values (the fields of SimTrace, one element each). */
export interface TraceSample {
  t: number;
  x: number;
  y: number;
  yaw: number;
  vMps: number;
  wRadps: number;
  robotSpeedMps: number;
  goalDistM: number;
  minPersonDistM: number;
  separationM: number;
  approachingInsideSp: boolean;
  people: number[];
  infeasible: boolean;
  veto: boolean;
  plannerCycleMs: number;
}

/** 10 min of 0.1 s periods at full rate (about 2 MB); plenty of points for a plot. */
export const TRACE_MAX_SAMPLES = 6_000;

const STATE_KEYS = ['t', 'x', 'y', 'yaw', 'vMps', 'wRadps', 'goalDistM', 'plannerCycleMs'] as const;

export function emptyTrace(periodS: number): SimTrace {
  return {
    periodS,
    stride: 1,
    t: [],
    x: [],
    y: [],
    yaw: [],
    vMps: [],
    wRadps: [],
    robotSpeedMps: [],
    goalDistM: [],
    minPersonDistM: [],
    separationM: [],
    approachingInsideSp: [],
    people: [],
    infeasible: [],
    veto: [],
    plannerCycleMs: [],
  };
}

/** `into` becomes the merge of itself (earlier) and `later`. */
function mergeSample(into: TraceSample, later: TraceSample): void {
  for (const k of STATE_KEYS) into[k] = later[k];
  into.people = later.people;
  into.robotSpeedMps = Math.max(into.robotSpeedMps, later.robotSpeedMps);
  if (later.minPersonDistM < into.minPersonDistM) {
    into.minPersonDistM = later.minPersonDistM;
    into.separationM = later.separationM;
  }
  into.approachingInsideSp ||= later.approachingInsideSp;
  into.infeasible ||= later.infeasible;
  into.veto ||= later.veto;
}

function sampleAt(tr: SimTrace, i: number): TraceSample {
  const at = <T>(a: T[]): T => a[i] as T;
  return {
    t: at(tr.t),
    x: at(tr.x),
    y: at(tr.y),
    yaw: at(tr.yaw),
    vMps: at(tr.vMps),
    wRadps: at(tr.wRadps),
    robotSpeedMps: at(tr.robotSpeedMps),
    goalDistM: at(tr.goalDistM),
    minPersonDistM: at(tr.minPersonDistM),
    separationM: at(tr.separationM),
    approachingInsideSp: at(tr.approachingInsideSp),
    people: at(tr.people),
    infeasible: at(tr.infeasible),
    veto: at(tr.veto),
    plannerCycleMs: at(tr.plannerCycleMs),
  };
}

function setAt(tr: SimTrace, i: number, s: TraceSample): void {
  for (const k of STATE_KEYS) tr[k][i] = s[k];
  tr.robotSpeedMps[i] = s.robotSpeedMps;
  tr.minPersonDistM[i] = s.minPersonDistM;
  tr.separationM[i] = s.separationM;
  tr.approachingInsideSp[i] = s.approachingInsideSp;
  tr.people[i] = s.people;
  tr.infeasible[i] = s.infeasible;
  tr.veto[i] = s.veto;
}

function truncate(tr: SimTrace, n: number): void {
  for (const k of STATE_KEYS) tr[k].length = n;
  tr.robotSpeedMps.length = n;
  tr.minPersonDistM.length = n;
  tr.separationM.length = n;
  tr.approachingInsideSp.length = n;
  tr.people.length = n;
  tr.infeasible.length = n;
  tr.veto.length = n;
}

export class TraceRecorder {
  readonly trace: SimTrace;
  private pending: TraceSample | undefined;
  private pendingPeriods = 0;

  constructor(
    periodS: number,
    private readonly maxSamples = TRACE_MAX_SAMPLES,
  ) {
    if (!(Number.isInteger(maxSamples) && maxSamples >= 2 && maxSamples % 2 === 0))
      throw new Error(`trace: maxSamples must be an even integer >= 2, got ${maxSamples}`);
    this.trace = emptyTrace(periodS);
  }

  /** Adds one control period's sample (the object is copied, not kept). */
  add(s: TraceSample): void {
    if (this.pending === undefined) this.pending = { ...s };
    else mergeSample(this.pending, s);
    if (++this.pendingPeriods < this.trace.stride) return;
    const tr = this.trace;
    setAt(tr, tr.t.length, this.pending);
    this.pending = undefined;
    this.pendingPeriods = 0;
    if (tr.t.length >= this.maxSamples) this.halve();
  }

  /** Merges neighbouring pairs in place; later samples stand for twice as many periods. */
  private halve(): void {
    const tr = this.trace;
    const n = tr.t.length / 2;
    for (let i = 0; i < n; i++) {
      const merged = sampleAt(tr, 2 * i);
      mergeSample(merged, sampleAt(tr, 2 * i + 1));
      setAt(tr, i, merged);
    }
    truncate(tr, n);
    tr.stride *= 2;
  }
}
