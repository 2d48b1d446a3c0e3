import { z } from 'zod';
import { ConfigError, loadConfig, serviceEnv } from './config.js';
import { generateTrust } from './trust/workload-keys.js';

const shape = {
  DATABASE_URL: z
    .string()
    .regex(/^postgres:\/\//, 'must be a postgres:// URL')
    .describe('PostgreSQL URL of the database'),
  GRPC_PORT: z.coerce.number().int().min(0).max(65535).describe('port the gRPC server listens on'),
  LOG_LEVEL: z.enum(['info', 'debug']).default('info').describe('log level'),
};

const valid = { DATABASE_URL: 'postgres://localhost/identity', GRPC_PORT: '50051' };

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('parses and coerces valid variables and ignores unrelated ones', () => {
    expect(loadConfig(shape, { ...valid, LOG_LEVEL: 'debug', HOME: '/root' })).toEqual({
      DATABASE_URL: 'postgres://localhost/identity',
      GRPC_PORT: 50051,
      LOG_LEVEL: 'debug',
    });
  });

  it('reports every missing variable, each on its own line with its description', () => {
    const problems = problemsOf(() => loadConfig(shape, {}));
    expect(problems).toEqual([
      'DATABASE_URL is missing: PostgreSQL URL of the database',
      'GRPC_PORT is missing: port the gRPC server listens on',
    ]);
    try {
      loadConfig(shape, {});
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      expect(lines).toContain('  - DATABASE_URL is missing: PostgreSQL URL of the database');
      expect(lines).toContain('  - GRPC_PORT is missing: port the gRPC server listens on');
    }
  });

  it('reports every invalid variable with why it is invalid and its description', () => {
    const problems = problemsOf(() => loadConfig(shape, { DATABASE_URL: 'mysql://x', GRPC_PORT: 'eighty', LOG_LEVEL: 'loud' }));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^DATABASE_URL is not valid \(must be a postgres:\/\/ URL\): PostgreSQL URL of the database$/);
    expect(problems[1]).toMatch(/^GRPC_PORT is not valid \(.+\): port the gRPC server listens on$/);
    expect(problems[2]).toMatch(/^LOG_LEVEL is not valid \(.+\): log level$/);
  });

  it('applies defaults to variables that are not set', () => {
    expect(loadConfig(shape, valid).LOG_LEVEL).toBe('info');
    const { trust, keys } = generateTrust(['identity'], []);
    const credentials = { NATS_PASSWORD: 'secret', WORKLOAD_KEY: JSON.stringify(keys.identity), WORKLOAD_TRUST: JSON.stringify(trust) };
    expect(
      loadConfig(serviceEnv, {
        DATABASE_URL: 'postgres://db/identity',
        NATS_URL: 'nats://localhost:4222',
        GRPC_PORT: '50051',
        ...credentials,
      }),
    ).toEqual({
      DATABASE_URL: 'postgres://db/identity',
      NATS_URL: 'nats://localhost:4222',
      ...credentials,
      GRPC_PORT: 50051,
      GRPC_HOST: '0.0.0.0',
      METRICS_PORT: 0,
      LOG_LEVEL: 'info',
      NATS_STREAM_REPLICAS: 1,
      SHUTDOWN_GRACE_MS: 10_000,
    });
  });

  it('refuses a workload key or a trust bundle that is not one, saying why', () => {
    const { trust, keys } = generateTrust(['identity'], []);
    const base = { DATABASE_URL: 'postgres://db/identity', NATS_URL: 'nats://localhost:4222', NATS_PASSWORD: 'secret' };
    const publicOnly = { ...keys.identity, d: undefined };
    expect(
      problemsOf(() =>
        loadConfig(serviceEnv, { ...base, WORKLOAD_KEY: JSON.stringify(publicOnly), WORKLOAD_TRUST: JSON.stringify(trust) }),
      ),
    ).toEqual([expect.stringMatching(/^WORKLOAD_KEY is not valid \(WORKLOAD_KEY must be a private Ed25519 JWK/)]);
    expect(
      problemsOf(() =>
        loadConfig(serviceEnv, {
          ...base,
          WORKLOAD_KEY: JSON.stringify(keys.identity),
          WORKLOAD_TRUST: JSON.stringify({ keys: [keys.identity], delegates: [] }),
        }),
      ),
    ).toEqual([expect.stringMatching(/^WORKLOAD_TRUST is not valid \(WORKLOAD_TRUST keys must be public/)]);
  });

  it('treats an empty variable as not set: its default applies, and a required one is refused', () => {
    expect(loadConfig(shape, { ...valid, LOG_LEVEL: '' }).LOG_LEVEL).toBe('info');
    const problems = problemsOf(() => loadConfig(shape, { ...valid, DATABASE_URL: '' }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL .*: PostgreSQL URL of the database$/);
  });
});
