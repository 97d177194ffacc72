/** One subscription's keep-last queue: at most `depth` messages wait; the oldest is dropped on overflow. */
import { Subject } from 'rxjs';
import type { QoS } from '../port.js';

export class SubscriptionQueue<T = unknown> {
  readonly subject = new Subject<T>();
  private readonly items: T[] = [];
  delivered = 0;
  dropped = 0;

  constructor(
    readonly topic: string,
    readonly qos: QoS,
  ) {}

  get pending(): number {
    return this.items.length;
  }

  /** Queues a message; returns false when an older one had to be dropped to keep the depth. */
  push(msg: T): boolean {
    let kept = true;
    if (this.items.length >= this.qos.depth) {
      this.items.shift();
      this.dropped++;
      kept = false;
    }
    this.items.push(msg);
    return kept;
  }

  /** Delivers the oldest waiting message; returns false when there was none. */
  deliverOne(): boolean {
    if (this.items.length === 0) return false;
    const msg = this.items.shift() as T;
    this.delivered++;
    this.subject.next(msg);
    return true;
  }

  complete(): void {
    this.items.length = 0;
    this.subject.complete();
  }
}
