/** A safety monitor on the in-process bus (sim time) with a fake robot, a fake planner and recorders. */
import type { ActionCommand, SafetyVerdict, ToolState, TrackedPersonArray } from '../../src/msgs/own.js';
import type { DiagnosticArray, Float64MultiArray, JointState, Odometry, Twist } from '../../src/msgs/std.js';
import { Topic } from '../../src/msgs/topics.js';
import { MsgType } from '../../src/msgs/types.js';
import { startSafetyMonitor } from '../../src/nodes/safety-monitor.js';
import { secToTime } from '../../src/nodes/convert/index.js';
import { InProcessBus } from '../../src/transport/in-process/index.js';
import type { NodeHandle, ParameterValue } from '../../src/transport/port.js';
import { QOS_COMMAND, QOS_SENSOR_DATA } from '../../src/transport/port.js';
import { ARM_JOINTS, createFakeConstraints } from './fake-constraints.js';

export interface HarnessOptions {
  params?: Record<string, ParameterValue>;
  /** seconds added to the bus clock as the monitor sees it (change it to make the clock jump) */
  clockOffset?: { sec: number };
}

function header(tSec: number, frame = 'odom') {
  return { stamp: secToTime(tSec), frame_id: frame };
}

/** A node handle whose clock reads bus time + offset, everything else delegated. */
function offsetClockNode(node: NodeHandle, offset: { sec: number }): NodeHandle {
  const clock = { isSimTime: true, nowSec: () => node.clock.nowSec() + offset.sec };
  return new Proxy(node, { get: (target, key) => (key === 'clock' ? clock : Reflect.get(target, key)) });
}

export function createHarness(options: HarnessOptions = {}) {
  const bus = new InProcessBus({ time: 'sim' });
  const raw = bus.createNode('safety_monitor', {
    useSimTime: true,
    parameterOverrides: { period_s: 0.1, ...options.params },
  });
  const monitorNode = options.clockOffset ? offsetClockNode(raw, options.clockOffset) : raw;
  const constraints = createFakeConstraints();
  const monitor = startSafetyMonitor(monitorNode, { constraints });
  const world = bus.createNode('world', { useSimTime: true });
  const pubs = {
    joints: world.createPublisher<JointState>(MsgType.JointState, Topic.jointStates, QOS_SENSOR_DATA),
    odom: world.createPublisher<Odometry>(MsgType.Odometry, Topic.odom, QOS_SENSOR_DATA),
    people: world.createPublisher<TrackedPersonArray>(
      MsgType.TrackedPersonArray,
      Topic.people,
      QOS_SENSOR_DATA,
    ),
    tool: world.createPublisher<ToolState>(MsgType.ToolState, Topic.toolState, QOS_SENSOR_DATA),
    proposal: world.createPublisher<ActionCommand>(MsgType.ActionCommand, Topic.proposal, QOS_COMMAND),
  };
  const got = {
    cmd: [] as Twist[],
    arm: [] as Float64MultiArray[],
    verdicts: [] as SafetyVerdict[],
    diag: [] as DiagnosticArray[],
  };
  const probe = bus.createNode('probe');
  probe.subscribe<Twist>(MsgType.Twist, Topic.cmdVel).subscribe((m) => got.cmd.push(m));
  probe
    .subscribe<Float64MultiArray>(MsgType.Float64MultiArray, Topic.armCommand)
    .subscribe((m) => got.arm.push(m));
  probe
    .subscribe<SafetyVerdict>(MsgType.SafetyVerdict, Topic.verdict, {
      reliability: 'reliable',
      depth: 1000,
      durability: 'volatile',
    })
    .subscribe((m) => got.verdicts.push(m));
  probe
    .subscribe<DiagnosticArray>(MsgType.DiagnosticArray, Topic.diagnostics)
    .subscribe((m) => got.diag.push(m));

  const now = () => bus.clock.nowSec();
  const sensors = {
    joints: (tSec = now(), position: number[] = [0, 0, 0]) =>
      pubs.joints.publish({
        header: header(tSec, ''),
        name: [...ARM_JOINTS, 'wheel_left'],
        position: [...position, 0],
        velocity: [0, 0, 0, 0],
        effort: [],
      }),
    odom: (tSec = now()) =>
      pubs.odom.publish({
        header: header(tSec),
        child_frame_id: 'base_link',
        pose: {
          pose: { position: { x: 0, y: 0, z: 0 }, orientation: { x: 0, y: 0, z: 0, w: 1 } },
          covariance: [],
        },
        twist: { twist: { linear: { x: 0, y: 0, z: 0 }, angular: { x: 0, y: 0, z: 0 } }, covariance: [] },
      }),
    /** one person whose surface is `surfaceM` ahead of the base (radius 0.3 m) */
    people: (tSec = now(), surfaceM = 4.7) =>
      pubs.people.publish({
        header: header(tSec),
        people: [
          { id: 7, position: { x: surfaceM + 0.3, y: 0, z: 0 }, velocity: { x: 0, y: 0, z: 0 }, radius: 0.3 },
        ],
      }),
    tool: (tSec = now()) =>
      pubs.tool.publish({ header: header(tSec, ''), tool_name: 'gripper', held: false, sharp: false }),
    all(tSec = now(), surfaceM = 4.7) {
      this.joints(tSec);
      this.odom(tSec);
      this.people(tSec, surfaceM);
      this.tool(tSec);
    },
  };
  const propose = (action: number[], tSec = now(), planId = 1, jointNames: string[] = [...ARM_JOINTS]) =>
    pubs.proposal.publish({
      header: header(tSec, 'base_link'),
      base_twist: { linear: { x: action[0] ?? 0, y: 0, z: 0 }, angular: { x: 0, y: 0, z: action[1] ?? 0 } },
      joint_names: jointNames,
      joint_velocities: action.slice(2),
      plan_id: planId,
    });
  const lastVerdict = () => got.verdicts[got.verdicts.length - 1];
  return { bus, monitor, constraints, got, sensors, propose, lastVerdict, pubs };
}
