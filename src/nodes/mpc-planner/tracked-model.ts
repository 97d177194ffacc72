/**
 * A WorldModel wrapper that remembers its calls in flight, so a lockstep simulation can wait for the
 * encoder's and planner's inference before advancing time (simulation time must stand still while a
 * model computes, however slow the machine).
 */
import type {
  LatentSpec,
  Observation,
  RolloutRequest,
  WorldModel,
} from '../../core/worldmodel/world-model.js';

export class TrackedWorldModel implements WorldModel {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly inner: WorldModel) {}

  get spec(): LatentSpec {
    return this.inner.spec;
  }

  get provider(): string {
    return this.inner.provider;
  }

  private track(p: Promise<void>): Promise<void> {
    this.inFlight.add(p);
    const forget = (): void => {
      this.inFlight.delete(p);
    };
    p.then(forget, forget);
    return p;
  }

  encode(obs: Observation, out: Float32Array): Promise<void> {
    return this.track(this.inner.encode(obs, out));
  }

  rollout(req: RolloutRequest): Promise<void> {
    return this.track(this.inner.rollout(req));
  }

  /** Resolves once no call is in flight, including calls started while waiting. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}
