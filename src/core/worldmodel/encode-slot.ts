/**
 * Newest-wins encoding of one observation stream. The caller fills the staging buffers (image tensor,
 * joints, stamp) and commits; a committed observation waits while an encode is in flight and is
 * replaced by a newer commit (commit returns true then, for the caller's drop counter). Three fixed
 * buffer sets (staging, queued, working), so a steady stream allocates nothing but the promises.
 */
import type { WorldModel } from './world-model.js';

export interface StampLike {
  sec: number;
  nanosec: number;
}

interface Buffers {
  image: Float32Array;
  joints: Float32Array;
  stamp: StampLike;
  frameId: string;
}

export type EncodedCallback = (z: Float32Array, stamp: StampLike, frameId: string) => void;

export class EncodeSlot {
  private readonly staging: Buffers;
  private queued: Buffers;
  private working: Buffers;
  private readonly z: Float32Array;
  private hasQueued = false;
  private inFlight = false;

  constructor(
    private readonly model: WorldModel,
    imageLength: number,
    jointCount: number,
    private readonly onEncoded: EncodedCallback,
    private readonly onError: (err: unknown) => void,
  ) {
    const make = (): Buffers => ({
      image: new Float32Array(imageLength),
      joints: new Float32Array(jointCount),
      stamp: { sec: 0, nanosec: 0 },
      frameId: '',
    });
    this.staging = make();
    this.queued = make();
    this.working = make();
    this.z = new Float32Array(model.spec.latentDim);
  }

  /** Records the observation's stamp and frame; returns the staging image tensor to write into. */
  fillImage(stamp: StampLike, frameId: string): Float32Array {
    this.staging.stamp.sec = stamp.sec;
    this.staging.stamp.nanosec = stamp.nanosec;
    this.staging.frameId = frameId;
    return this.staging.image;
  }

  /** The staging joint positions to write into (model joint order). */
  fillJoints(): Float32Array {
    return this.staging.joints;
  }

  /** Queues the staged observation for encoding; true when it replaced one still waiting. */
  commit(): boolean {
    const replaced = this.hasQueued;
    const q = this.queued;
    q.image.set(this.staging.image);
    q.joints.set(this.staging.joints);
    q.stamp.sec = this.staging.stamp.sec;
    q.stamp.nanosec = this.staging.stamp.nanosec;
    q.frameId = this.staging.frameId;
    this.hasQueued = true;
    this.pump();
    return replaced;
  }

  /** true while an encode runs or an observation waits (tests wait on it) */
  get busy(): boolean {
    return this.inFlight || this.hasQueued;
  }

  private pump(): void {
    if (this.inFlight || !this.hasQueued) return;
    const w = this.queued;
    this.queued = this.working;
    this.working = w;
    this.hasQueued = false;
    this.inFlight = true;
    this.model
      .encode({ imageHwc: w.image, jointPos: w.joints }, this.z)
      .then(
        () => this.onEncoded(this.z, w.stamp, w.frameId),
        (err: unknown) => this.onError(err),
      )
      .catch((err: unknown) => this.onError(err))
      .finally(() => {
        this.inFlight = false;
        this.pump();
      });
  }
}
