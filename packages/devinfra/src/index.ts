// Local infrastructure shared by the one-command stack (deploy/) and the tests.
export * from './ports.js';
export * from './postgres.js';
export * from './nats.js';
export * from './test-env.js';
export * from './platform-secrets.js';
export * from './pdf-text.js';
