/**
 * corrupted: a planner that proposes unsafe commands on purpose, to exercise the safety monitor.
 * Each cycle it drives at 1.5× the base speed limit straight at the nearest person (or the goal when
 * nobody is tracked), swings the arm at twice its joint speed limits, and every 25th proposal carries
 * a NaN. Never use it outside tests and the adversarial scenario.
 */
import type { ActionCommand, TrackedPersonArray } from '../msgs/own.js';
import type { Odometry } from '../msgs/std.js';
import { MsgType } from '../msgs/types.js';
import { Topic } from '../msgs/topics.js';
import { QOS_COMMAND, QOS_DEFAULT } from '../transport/port.js';
import { actionToActionCommand, odometryToBase, secToTime } from '../nodes/convert/index.js';
import type { BaseState } from '../core/types.js';
import type { PipelineContext, PipelineStage } from './controllers.js';
import { SIM_BASE_LIMITS } from './robot.js';

export function createCorruptedController(ctx: PipelineContext): PipelineStage {
  const node = ctx.transport.createNode('corrupted_planner', { useSimTime: true });
  const names = ctx.model.armJointNames;
  const qdLimits = names.map((n) => ctx.model.joints.get(n)?.limits.velocity ?? 1);
  const action = new Float64Array(2 + names.length);
  let base: BaseState | undefined;
  let people: TrackedPersonArray | undefined;
  let planId = 0;
  const pub = node.createPublisher<ActionCommand>(MsgType.ActionCommand, Topic.proposal, QOS_COMMAND);
  node
    .subscribe<Odometry>(MsgType.Odometry, Topic.odom, QOS_DEFAULT)
    .subscribe((m) => (base = odometryToBase(m)));
  node
    .subscribe<TrackedPersonArray>(MsgType.TrackedPersonArray, Topic.people, QOS_DEFAULT)
    .subscribe((m) => (people = m));
  node.createTimer(0.1, () => {
    if (!base) return;
    let tx = ctx.scenario.goal.xM;
    let ty = ctx.scenario.goal.yM;
    let best = Infinity;
    for (const p of people?.people ?? []) {
      const d = Math.hypot(p.position.x - base.xInOdomM, p.position.y - base.yInOdomM);
      if (d < best) {
        best = d;
        tx = p.position.x;
        ty = p.position.y;
      }
    }
    const err = Math.atan2(
      Math.sin(Math.atan2(ty - base.yInOdomM, tx - base.xInOdomM) - base.yawInOdomRad),
      Math.cos(Math.atan2(ty - base.yInOdomM, tx - base.xInOdomM) - base.yawInOdomRad),
    );
    action[0] = 1.5 * SIM_BASE_LIMITS.vMaxMps;
    action[1] = Math.max(-3, Math.min(3, 3 * err));
    for (let j = 0; j < names.length; j++)
      action[2 + j] = 2 * (qdLimits[j] as number) * (planId % 20 < 10 ? 1 : -1);
    planId++;
    if (planId % 25 === 0) action[0] = Number.NaN;
    const header = { stamp: secToTime(node.clock.nowSec()), frame_id: 'base_link' };
    pub.publish(actionToActionCommand(action, names, header, planId));
  });
  return { status: () => 'corrupted (unsafe on purpose)', dispose: () => node.destroy() };
}
