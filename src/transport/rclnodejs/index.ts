export { RclTransport } from './transport.js';
export type { RclTransportOptions } from './transport.js';
export { ROS_MISSING_MESSAGE, RosUnavailableError, loadRclnodejs, rosEnvironmentSourced } from './load.js';
export { toRclQos } from './qos.js';
