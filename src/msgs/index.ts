export * from './std.js';
export * from './own.js';
export * from './types.js';
