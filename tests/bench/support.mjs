// What the benchmarks share: a local stack on free ports in a fresh data directory, with the demo.
// DEMO=large runs them on the large demo (npm start -- --demo=large); BENCH_DATA_DIR keeps the data
// in that directory instead, so that the large demo is loaded by the first run only.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeStackPorts, LARGE_DEMO, startLocalStack } from '@e21/deploy';

export const freePorts = freeStackPorts;

export async function newDataDir() {
  const kept = process.env.BENCH_DATA_DIR;
  if (!kept) return mkdtemp(join(tmpdir(), 'e21-bench-'));
  await mkdir(kept, { recursive: true });
  return kept;
}

/** The demo the benchmarks run on: DEMO=large for the large demo, the demo accounts otherwise. */
export const benchDemo = () => (process.env.DEMO === 'large' ? { large: LARGE_DEMO } : true);

export async function timedStart(dataDir, ports) {
  const started = performance.now();
  const onStatus = (line) => {
    if (line.startsWith('large demo')) console.log(line);
  };
  const stack = await startLocalStack({ dataDir, ports, demo: benchDemo(), logLevel: 'warn', onStatus });
  return { stack, seconds: (performance.now() - started) / 1000 };
}

export async function passwordToken(stack, email) {
  const response = await fetch(`http://127.0.0.1:${stack.ports.oidc}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`e21-cli:${stack.secrets.cliClientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'password', username: email, password: stack.demo.password }),
  });
  const body = await response.json();
  if (!body.access_token) throw new Error(`no token: ${JSON.stringify(body)}`);
  return body.access_token;
}
