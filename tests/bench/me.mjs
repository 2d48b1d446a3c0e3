// Requests per second of GET /v1/me through the gateway (bearer token, identity over gRPC, PostgreSQL),
// against a bare Express handler on the same machine, both measured with autocannon.
import { fork } from 'node:child_process';
import autocannon from 'autocannon';
import { freePort } from '@e21/devinfra';
import { freePorts, newDataDir, timedStart, passwordToken } from './support.mjs';

const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 20);

function run(url, headers) {
  return new Promise((resolve, reject) =>
    autocannon({ url, headers, duration, connections }, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

const line = (name, r) =>
  `${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(7)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   non-2xx ${r.non2xx}   errors ${r.errors}`;

// The bare handler runs in its own process, as the gateway does.
const barePort = await freePort();
const bare = fork(new URL('./bare-express.mjs', import.meta.url), [String(barePort)], { stdio: 'inherit' });
await new Promise((resolve) => bare.once('message', resolve));
await run(`http://127.0.0.1:${barePort}/v1/me`, {}); // warm-up
const bareResult = await run(`http://127.0.0.1:${barePort}/v1/me`, {});
bare.kill();

process.env.RATE_LIMIT_PER_MINUTE = '100000000';
const { stack } = await timedStart(await newDataDir(), await freePorts());
try {
  const token = await passwordToken(stack, 'lucas@demo.e21.eu');
  const headers = { authorization: `Bearer ${token}` };
  const check = await fetch(`${stack.url}/v1/me`, { headers });
  if (check.status !== 200) throw new Error(`GET /v1/me answered ${check.status}`);
  await run(`${stack.url}/v1/me`, headers); // warm-up
  const gatewayResult = await run(`${stack.url}/v1/me`, headers);
  console.log(`${duration} s, ${connections} connections, on ${(await import('node:os')).cpus().length} cores`);
  console.log(line('bare Express handler', bareResult));
  console.log(line('gateway GET /v1/me (full path)', gatewayResult));
  console.log(`gateway / bare: ${((gatewayResult.requests.average / bareResult.requests.average) * 100).toFixed(1)} %`);
} finally {
  await stack.stop();
}
