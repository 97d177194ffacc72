/**
 * Struct-of-arrays buffers for one planner, allocated once for (K, H, A, D) and reused every cycle
 * (nav2 MPPI's models::State). Per-sample views are made here too, so the hot loop never calls
 * subarray.
 */
export class PlannerBuffers {
  /** raw samples: mean + noise, [K*H*A] */
  readonly desired: Float32Array;
  /** the sequences actually rolled out (projected, or raw in filter mode), [K*H*A] */
  readonly actions: Float32Array;
  readonly desiredViews: Float32Array[];
  readonly actionViews: Float32Array[];
  /** task energy (latent distance) per sample, [K] */
  readonly energies: Float32Array;
  /** total cost per sample (energy + effort + smoothness; +Inf if infeasible), [K] */
  readonly costs: Float64Array;
  readonly weights: Float64Array;
  readonly feasible: Uint8Array;
  readonly minMarginM: Float32Array;
  /** predicted latents [K*H*D], only when the planner computes the latent distance itself */
  readonly latents: Float32Array | undefined;
  /** the goal seen from each predicted step [K*H*4], only for the 'pose' energy */
  readonly goalPoses: Float32Array | undefined;
  /** sampling distribution over the horizon, [H*A] */
  readonly mean: Float32Array;
  readonly std: Float32Array;
  /** the chosen sequence, [H*A] */
  readonly chosen: Float32Array;
  /** scratch for one projected sequence and its one-sample check */
  readonly scratchSeq: Float32Array;
  readonly oneFeasible = new Uint8Array(1);
  /** scratch base path [x, y, yaw]·H for the soft separation term */
  readonly scratchPoses: Float64Array;
  readonly oneMargin = new Float32Array(1);
  /** the first action last proposed (smoothness reference), [A] */
  readonly lastApplied: Float32Array;
  /** CEM elite indices */
  readonly order: Uint32Array;

  constructor(
    readonly k: number,
    readonly h: number,
    readonly a: number,
    latentDim: number,
    withLatents: boolean,
    withGoalPoses = false,
  ) {
    const seq = h * a;
    this.desired = new Float32Array(k * seq);
    this.actions = new Float32Array(k * seq);
    this.desiredViews = [];
    this.actionViews = [];
    for (let i = 0; i < k; i++) {
      this.desiredViews.push(this.desired.subarray(i * seq, (i + 1) * seq));
      this.actionViews.push(this.actions.subarray(i * seq, (i + 1) * seq));
    }
    this.energies = new Float32Array(k);
    this.costs = new Float64Array(k);
    this.weights = new Float64Array(k);
    this.feasible = new Uint8Array(k);
    this.minMarginM = new Float32Array(k);
    this.latents = withLatents ? new Float32Array(k * h * latentDim) : undefined;
    this.goalPoses = withGoalPoses ? new Float32Array(k * h * 4) : undefined;
    this.mean = new Float32Array(seq);
    this.std = new Float32Array(seq);
    this.chosen = new Float32Array(seq);
    this.scratchSeq = new Float32Array(seq);
    this.scratchPoses = new Float64Array(h * 3);
    this.lastApplied = new Float32Array(a);
    this.order = new Uint32Array(k);
  }
}
