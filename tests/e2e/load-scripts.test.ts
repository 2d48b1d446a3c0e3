// The k6 load scripts' logic, run against the platform with stand-ins for the k6 modules.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createWorld, PASSWORD, startPlatform, type Platform, type World } from '../support/platform.js';

let platform: Platform;
let world: World;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
}, 120_000);
afterAll(() => platform.stop());

/** The harness blocks on each request like k6: it runs in a process of its own, the platform in this one. */
function runK6Script(
  script: string,
  env: Record<string, string>,
): Promise<{ options: unknown; checks: { name: string; passed: boolean }[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fileURLToPath(new URL('../load/harness.mjs', import.meta.url)), script], {
      env: { ...process.env, ...env },
    });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`harness exited with ${code}: ${errors}`))));
  });
}

it('me.js gets tokens for its users and every check passes against the real gateway', async () => {
  const { options, checks } = await runK6Script('me.js', {
    BASE_URL: platform.gateway.url,
    TOKEN_URL: `${platform.issuer}/token`,
    CLIENT_ID: 'e21-cli',
    CLIENT_SECRET: 'cli-secret',
    USERS: [world.inhabitant.email, world.officer.email].join(','),
    PASSWORD,
  });
  expect(options).toMatchObject({ thresholds: { http_req_failed: ['rate<0.01'] } });
  expect(checks.filter((c) => c.name === 'token issued')).toHaveLength(2);
  expect(checks.filter((c) => c.name === 'status is 200')).toHaveLength(3);
  expect(checks.filter((c) => !c.passed)).toEqual([]);
});
