/** world_model_mpc/ToolState ⇄ ToolInfo. */
import type { ToolState } from '../../msgs/own.js';
import type { Header } from '../../msgs/std.js';
import { Topic } from '../../msgs/topics.js';
import type { ToolInfo } from '../../core/types.js';
import { MessageError, bool, describeValue, str } from './errors.js';

export function toolStateToInfo(msg: ToolState, topic: string = Topic.toolState): ToolInfo {
  if (msg === null || typeof msg !== 'object')
    throw new MessageError(topic, '(message)', 'a ToolState', describeValue(msg));
  return {
    name: str(topic, 'tool_name', msg.tool_name),
    held: bool(topic, 'held', msg.held),
    sharp: bool(topic, 'sharp', msg.sharp),
  };
}

export function toolInfoToState(tool: ToolInfo, header: Header): ToolState {
  return { header, tool_name: tool.name, held: tool.held, sharp: tool.sharp };
}
