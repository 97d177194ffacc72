/**
 * Imports every controller and safety-monitor module for its registration side effect.
 * Planner and monitor authors: add one import line for your module here.
 */
import './builtin-controllers.js';
import '../nodes/safety-monitor/sim-plugin.js';
import '../nodes/mpc-planner/sim-plugin.js';
