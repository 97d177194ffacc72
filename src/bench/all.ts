/** Imports every benchmark module for its registration side effect. Add new benchmarks here. */
import './transport-bench.js';
import './worldmodel-bench.js';
import './monitor-bench.js';
import './constraints-bench.js';
import './planner-bench.js';
import './convert-bench.js';
import './sim-bench.js';
import './soak-bench.js';
