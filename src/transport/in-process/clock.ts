import type { Clock } from '../port.js';

/** Simulation time, advanced only by whoever owns the simulation (the simulator or a test). */
export class SimClock implements Clock {
  readonly isSimTime = true;
  private tSec = 0;
  nowSec(): number {
    return this.tSec;
  }
  /** Moves time forward; refuses to go backwards, which would break every watchdog downstream. */
  set(tSec: number): void {
    if (!(tSec >= this.tSec))
      throw new Error(`SimClock: time must not go backwards (now ${this.tSec} s, got ${tSec} s)`);
    this.tSec = tSec;
  }
}

export class WallClock implements Clock {
  readonly isSimTime = false;
  nowSec(): number {
    return Date.now() / 1000;
  }
}
