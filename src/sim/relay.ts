/**
 * The stand-in for a safety monitor when none is registered: forwards each proposal to /cmd_vel and
 * /arm_controller/commands unchanged. It checks nothing; a malformed proposal is dropped (the robot's
 * command timeout then brakes it). Named plainly so no one mistakes it for a monitor.
 */
import type { ActionCommand } from '../msgs/own.js';
import type { Float64MultiArray, Twist } from '../msgs/std.js';
import { MsgType } from '../msgs/types.js';
import { Topic } from '../msgs/topics.js';
import { QOS_COMMAND } from '../transport/port.js';
import { actionCommandToAction, actionToJointCommand, actionToTwist } from '../nodes/convert/index.js';
import type { PipelineContext, PipelineStage } from './controllers.js';

export function createRelay(ctx: PipelineContext): PipelineStage {
  const node = ctx.transport.createNode('proposal_relay', { useSimTime: true });
  const names = ctx.model.armJointNames;
  const action = new Float64Array(2 + names.length);
  const twistPub = node.createPublisher<Twist>(MsgType.Twist, Topic.cmdVel, QOS_COMMAND);
  const armPub = node.createPublisher<Float64MultiArray>(
    MsgType.Float64MultiArray,
    Topic.armCommand,
    QOS_COMMAND,
  );
  let dropped = 0;
  node.subscribe<ActionCommand>(MsgType.ActionCommand, Topic.proposal, QOS_COMMAND).subscribe((msg) => {
    try {
      actionCommandToAction(msg, names, action);
    } catch (err) {
      dropped++;
      if (dropped <= 5) node.logger.warn(`dropping proposal: ${(err as Error).message}`);
      return;
    }
    twistPub.publish(actionToTwist(action));
    armPub.publish(actionToJointCommand(action, names.length));
  });
  return {
    status: () => (dropped > 0 ? `relay (no monitor), ${dropped} dropped` : 'relay (no monitor)'),
    dispose: () => node.destroy(),
  };
}
