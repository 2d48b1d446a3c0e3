// What the benchmarks share: a local stack on free ports in a fresh data directory.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeStackPorts, startLocalStack } from '@e21/deploy';

export const freePorts = freeStackPorts;

export const newDataDir = () => mkdtemp(join(tmpdir(), 'e21-bench-'));

export async function timedStart(dataDir, ports) {
  const started = performance.now();
  const stack = await startLocalStack({ dataDir, ports, demo: true, logLevel: 'warn' });
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
