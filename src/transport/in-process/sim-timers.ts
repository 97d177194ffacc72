/** Timers on simulation time: fired in due-time order (ties: creation order) as the clock advances. */
interface SimTimer {
  id: number;
  periodSec: number;
  nextSec: number;
  callback: () => void;
  cancelled: boolean;
}

export class SimTimers {
  private readonly timers: SimTimer[] = [];
  private nextId = 0;

  add(startSec: number, periodSec: number, callback: () => void): { cancel(): void } {
    if (!(periodSec > 0) || !Number.isFinite(periodSec))
      throw new Error(`timer period must be > 0 s, got ${periodSec}`);
    const timer: SimTimer = {
      id: this.nextId++,
      periodSec,
      nextSec: startSec + periodSec,
      callback,
      cancelled: false,
    };
    this.timers.push(timer);
    return {
      cancel: () => {
        timer.cancelled = true;
        const i = this.timers.indexOf(timer);
        if (i >= 0) this.timers.splice(i, 1);
      },
    };
  }

  private nextDue(untilSec: number): SimTimer | undefined {
    let best: SimTimer | undefined;
    for (const t of this.timers) {
      // a small tolerance so that 0.1 + 0.1 + 0.1 fires at 0.3
      if (t.nextSec > untilSec + 1e-9) continue;
      if (!best || t.nextSec < best.nextSec || (t.nextSec === best.nextSec && t.id < best.id)) best = t;
    }
    return best;
  }

  /** Fires every timer due at or before `untilSec`; `setTime` moves the clock to each firing time first. */
  fireUntil(untilSec: number, setTime: (tSec: number) => void): void {
    for (let t = this.nextDue(untilSec); t; t = this.nextDue(untilSec)) {
      const due = t.nextSec;
      t.nextSec = due + t.periodSec;
      setTime(Math.min(due, untilSec));
      t.callback();
    }
  }

  clear(): void {
    this.timers.length = 0;
  }
}
