// The platform's events (catalog.ts) and who publishes and consumes them (topology.ts).
export * from './catalog.js';
export * from './topology.js';
