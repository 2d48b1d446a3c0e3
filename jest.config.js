// Jest runs TypeScript tests as native ES modules (transformed by swc), in three projects:
// unit (pure rules, next to the code), integration (one service against real PostgreSQL and
// nats-server) and e2e (the whole local stack, through the gateway and a real browser).
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};

export default {
  // Integration and end-to-end tests start real servers; e2e files pass longer timeouts to their hooks.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{packages,services,gateway,deploy,web}/**/src/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{proto,packages,services,gateway}/**/test/**/*.test.ts', '<rootDir>/tests/integration/**/*.test.ts'],
      // Each problem a gateway route answers must be one its OpenAPI entry declares.
      setupFilesAfterEnv: ['<rootDir>/tests/support/declared-problems.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/support/register-test-credentials.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/support/global-setup.ts',
      globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/support/register-test-credentials.ts'],
    },
  ],
};
