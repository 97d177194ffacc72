export { InProcessBus } from './bus.js';
export type { InProcessBusOptions, TopicStats } from './bus.js';
export { SimClock, WallClock } from './clock.js';
