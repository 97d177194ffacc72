/**
 * NodeHandle on rclnodejs. Subscriptions are wrapped in our own Observables (completed when the node
 * is destroyed), timers run on the node's ROS clock (simulation time when use_sim_time is set),
 * parameters are declared with descriptors and validated with src/transport/parameters.ts.
 */
import { Observable, Subject, takeUntil } from 'rxjs';
import type { Node as RclNodeType, Parameter, SetParametersCallback } from 'rclnodejs';
import type {
  Clock,
  Logger,
  NodeHandle,
  NodeOptions,
  ParameterDescriptor,
  ParameterValue,
  Publisher,
  QoS,
  Timer,
  TriggerResponse,
} from '../port.js';
import { QOS_DEFAULT } from '../port.js';
import { ParameterError, resolveName, validateParameter } from '../parameters.js';
import { nsToSec, secToNs } from '../../nodes/convert/time.js';
import type { Rcl } from './load.js';
import { toRclQos } from './qos.js';
import { prepareForRcl } from './int64-fields.js';
import { fromRclValue, toRclDescriptor, toRclParameter } from './parameters.js';

// rclnodejs types its topics by generated message names; ours are checked at runtime by rcl instead.
type AnyType = Parameters<RclNodeType['createPublisher']>[0];
type SetParametersResult = ReturnType<SetParametersCallback>;

export class RclNode implements NodeHandle {
  readonly clock: Clock;
  readonly logger: Logger;
  private readonly destroyed$ = new Subject<void>();
  private readonly declared = new Map<string, ParameterDescriptor>();

  constructor(
    private readonly rcl: Rcl,
    private readonly node: RclNodeType,
    readonly name: string,
    private readonly options: NodeOptions,
  ) {
    const rosClock = node.getClock();
    // rclnodejs's TimeSource declares use_sim_time from overrides or --ros-args; it is the truth
    const isSimTime = node.getParameter('use_sim_time')?.value === true;
    this.clock = { nowSec: () => nsToSec(rosClock.now().nanoseconds), isSimTime };
    const log = node.getLogger();
    this.logger = {
      debug: (m) => void log.debug(m),
      info: (m) => void log.info(m),
      warn: (m) => void log.warn(m),
      error: (m) => void log.error(m),
    };
    node.addOnSetParametersCallback((params) => this.onSetParameters(params));
  }

  private resolve(name: string): string {
    return resolveName(name, this.name, this.options.namespace);
  }

  createPublisher<T>(type: string, topic: string, qos: QoS = QOS_DEFAULT): Publisher<T> {
    const full = this.resolve(topic);
    const pub = this.node.createPublisher(type as AnyType, full, { qos: toRclQos(this.rcl, qos) });
    return {
      topic: full,
      publish: (msg: T) => pub.publish(prepareForRcl(type, msg) as never),
      subscriptionCount: () => {
        // rclnodejs 2.x implements subscriptionCount as a getter although its .d.ts declares a method
        // (found running the contract suite on a real Jazzy); accept both
        const count = (pub as unknown as { subscriptionCount: number | (() => number) }).subscriptionCount;
        return typeof count === 'function' ? count.call(pub) : count;
      },
    };
  }

  subscribe<T>(type: string, topic: string, qos: QoS = QOS_DEFAULT): Observable<T> {
    const full = this.resolve(topic);
    return new Observable<T>((subscriber) => {
      const sub = this.node.createSubscription(
        type as AnyType,
        full,
        { qos: toRclQos(this.rcl, qos) },
        (msg: unknown) => subscriber.next(msg as T),
      );
      // takeUntil(destroyed$) runs this before the node itself is destroyed
      return () => this.node.destroySubscription(sub);
    }).pipe(takeUntil(this.destroyed$));
  }

  createTimer(periodSec: number, callback: () => void): Timer {
    if (!(periodSec > 0) || !Number.isFinite(periodSec)) {
      throw new RangeError(
        `node '${this.name}': timer period: expected a finite number > 0 s, got ${periodSec}`,
      );
    }
    // on the node's ROS clock: follows /clock when use_sim_time is true
    const timer = this.node.createTimer(secToNs(periodSec), () => callback(), this.node.getClock());
    return { cancel: () => this.node.destroyTimer(timer) };
  }

  declareParameter<T extends ParameterValue>(d: ParameterDescriptor<T>): T {
    if (this.declared.has(d.name))
      throw new Error(`node '${this.name}': parameter '${d.name}' declared twice`);
    const override = this.options.parameterOverrides?.[d.name];
    const initial = validateParameter(this.name, d, override === undefined ? d.default : override);
    // rcl applies any `--ros-args -p name:=value` override here; validate what it returns too
    const declared = this.node.declareParameter(
      toRclParameter(this.rcl, d, initial),
      toRclDescriptor(this.rcl, d),
    );
    const value = validateParameter(this.name, d, fromRclValue(declared.value));
    this.declared.set(d.name, d as ParameterDescriptor);
    return value;
  }

  /** Nodes read parameters once at start: a runtime change is refused with the reason, never half-applied. */
  private onSetParameters(params: Parameter[]): SetParametersResult {
    for (const p of params) {
      const d = this.declared.get(p.name);
      if (!d) continue;
      try {
        validateParameter(this.name, d, fromRclValue(p.value));
      } catch (err) {
        return { successful: false, reason: err instanceof ParameterError ? err.message : String(err) };
      }
      return {
        successful: false,
        reason: `parameter '${p.name}' is read at start; restart node '${this.name}' to change it`,
      };
    }
    return { successful: true, reason: '' };
  }

  createTriggerService(name: string, handler: () => TriggerResponse): void {
    this.node.createService(
      'std_srvs/srv/Trigger' as never,
      this.resolve(name),
      (_req: unknown, res: unknown) => {
        const response = handler();
        (res as { send(r: TriggerResponse): void }).send({
          success: response.success,
          message: response.message,
        });
      },
    );
  }

  destroy(): void {
    this.destroyed$.next();
    this.destroyed$.complete();
    this.node.destroy();
  }
}
