/** Imports every scenario module for its registration side effect. */
import './kitchen.js';
import './corridor.js';
export { getScenario, scenarioNames } from '../scenario.js';
