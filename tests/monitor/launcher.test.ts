import { describe, expect, it } from 'vitest';
import { VerdictState } from '../../src/msgs/own.js';
import type { SafetyVerdict } from '../../src/msgs/own.js';
import type { TwistStamped } from '../../src/msgs/std.js';
import { Topic } from '../../src/msgs/topics.js';
import { MsgType } from '../../src/msgs/types.js';
import { createLaunchContext, resolveNode } from '../../src/nodes/registry.js';
import { InProcessBus } from '../../src/transport/in-process/index.js';

describe('safety monitor launcher (node registry)', () => {
  it('builds its own constraint set from the package files and brakes until inputs arrive, on TwistStamped when asked', async () => {
    const resolved = await resolveNode('safety_monitor');
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    const bus = new InProcessBus({ time: 'sim' });
    const node = bus.createNode('safety_monitor', {
      useSimTime: true,
      parameterOverrides: { cmd_vel_stamped: true },
    });
    const cmds: TwistStamped[] = [];
    const verdicts: SafetyVerdict[] = [];
    const probe = bus.createNode('probe');
    probe.subscribe<TwistStamped>(MsgType.TwistStamped, Topic.cmdVel).subscribe((m) => cmds.push(m));
    probe.subscribe<SafetyVerdict>(MsgType.SafetyVerdict, Topic.verdict).subscribe((m) => verdicts.push(m));
    const running = await resolved.launch(node, createLaunchContext());
    bus.advanceTo(0.1); // one watchdog period of the default config (controlPeriodSec 0.1 s)
    expect(verdicts.map((v) => v.state)).toEqual([VerdictState.STOPPED]);
    expect(verdicts[0]?.violated).toEqual([
      'missing:joint_states',
      'missing:odom',
      'missing:people',
      'missing:tool',
    ]);
    expect(cmds[0]?.twist.linear.x).toBe(0);
    expect(cmds[0]?.header.frame_id).toBe('base_link');
    running.stop();
  });
});
