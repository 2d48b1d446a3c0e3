// The gateway's own protections: one request rate limit shared by every replica, and pages no other
// site can frame. Two gateways on one database; no service behind them is needed for either.
import { loadConfig } from '@e21/kit';
import { createTestDatabase, freePort, testSecrets, workloadEnvOf } from '@e21/devinfra';
import { gatewayEnv } from '../src/config.js';
import { startGateway, type RunningGateway } from '../src/gateway.js';

const LIMIT = 20;
let first: RunningGateway;
let second: RunningGateway;

async function startReplica(databaseUrl: string): Promise<RunningGateway> {
  const port = await freePort();
  const nowhere = '127.0.0.1:9';
  return startGateway(
    loadConfig(gatewayEnv, {
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl,
      IDENTITY_GRPC: nowhere,
      CONTRACTS_GRPC: nowhere,
      PROGRAMS_GRPC: nowhere,
      TIMESHEETS_GRPC: nowhere,
      CURRENCY_GRPC: nowhere,
      PAYROLL_GRPC: nowhere,
      OIDC_ISSUER: 'http://127.0.0.1:9',
      OIDC_CLIENT_SECRET: 'web-secret',
      WORKLOAD_KEY: workloadEnvOf(testSecrets(), 'gateway').WORKLOAD_KEY,
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      // Behind the ingress: the client is the last X-Forwarded-For entry, which each test picks.
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'silent',
    }),
  );
}

beforeAll(async () => {
  const databaseUrl = await createTestDatabase('gateway');
  first = await startReplica(databaseUrl);
  second = await startReplica(databaseUrl);
});
afterAll(async () => {
  await second?.stop();
  await first?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let addressCounter = 0;
const newClient = () => `203.0.113.${++addressCounter}`;

/** A request of this client through the ingress (which appends the address it saw). */
const call = (gateway: RunningGateway, client: string, spoofed = '10.0.0.1') =>
  fetch(`${gateway.url}/v1/no-such-route`, { headers: { 'x-forwarded-for': `${spoofed}, ${client}` } });

describe('the request rate limit', () => {
  it('is one count per client shared by two gateways on one database', async () => {
    const client = newClient();
    for (let n = 0; n < 12; n++) expect((await call(first, client)).status).toBe(404);
    await sleep(600); // the first gateway has shared its count
    let admitted = 0;
    let refused: Response | undefined;
    while (!refused && admitted < 2 * LIMIT) {
      const response = await call(second, client);
      if (response.status === 429) refused = response;
      else admitted += 1;
    }
    // Before: each gateway counted in its own memory, and the second let 20 more through.
    expect(admitted).toBe(LIMIT - 12);
    expect(refused!.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await refused!.json()) as { type: string }).type).toBe('/v1/problems/rate_limited');
    const retryAfter = Number(refused!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);

    await sleep(600); // the second gateway has shared its count in turn
    expect((await call(first, client)).status).toBe(429);
  });

  it('counts a client under the address the ingress saw, whatever it wrote before it in X-Forwarded-For', async () => {
    const client = newClient();
    for (let n = 0; n < LIMIT; n++) expect((await call(first, client, `10.1.0.${n}`)).status).toBe(404);
    expect((await call(first, client, '10.1.0.250')).status).toBe(429);
    // another client is not held back by this one
    expect((await call(first, newClient())).status).toBe(404);
  });
});

describe('security headers', () => {
  const expectUnframeable = (response: Response) => {
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/(^|;)\s*frame-ancestors 'none'(;|$)/);
    expect(policy).toMatch(/(^|;)\s*default-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|;)\s*script-src 'self'(;|$)/);
    expect(policy).toMatch(/(^|;)\s*object-src 'none'(;|$)/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  };

  it('forbids framing the web UI, the API documentation and the API answers', async () => {
    const client = newClient();
    const get = (path: string, accept: string) => fetch(`${first.url}${path}`, { headers: { accept, 'x-forwarded-for': client } });
    const page = await get('/', 'text/html');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expectUnframeable(page);
    expectUnframeable(await get('/projects', 'text/html'));
    expectUnframeable(await get('/v1/docs', 'text/html'));
    expectUnframeable(await get('/v1/no-such-route', 'application/json'));
    expectUnframeable(await get('/auth/session', 'application/json'));
  });
});
