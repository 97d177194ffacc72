import { InProcessBus } from '../transport/in-process/index.js';
import { QOS_COMMAND } from '../transport/port.js';
import { percentile } from '../core/math/stats.js';
import { registerBenchmark } from './registry.js';

registerBenchmark({
  name: 'transport',
  description: 'In-process bus: publish → deliver latency of one small message',
  async run({ quick }) {
    const bus = new InProcessBus({ time: 'sim' });
    const a = bus.createNode('a');
    const b = bus.createNode('b');
    const pub = a.createPublisher<{ data: number }>('std_msgs/msg/Float64', '/x', QOS_COMMAND);
    let received = 0;
    b.subscribe<{ data: number }>('std_msgs/msg/Float64', '/x', QOS_COMMAND).subscribe(() => received++);
    const n = quick ? 2_000 : 50_000;
    const samplesUs = new Float64Array(n);
    const msg = { data: 1 };
    for (let i = 0; i < n; i++) {
      const t0 = process.hrtime.bigint();
      pub.publish(msg);
      bus.spin();
      samplesUs[i] = Number(process.hrtime.bigint() - t0) / 1000;
    }
    await bus.shutdown();
    return {
      messages: received,
      latency_us_p50: percentile(samplesUs, 50),
      latency_us_p99: percentile(samplesUs, 99),
    };
  },
});
