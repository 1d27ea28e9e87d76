export * from './clock.js';
export * from './distributions.js';
export * from './eventBus.js';
export * from './eventQueue.js';
export * from './logger.js';
export * from './randomStreams.js';
export * from './recorder.js';
export * from './simulation.js';
