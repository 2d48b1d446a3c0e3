// What a caller token costs each call: signing and verifying one (Ed25519), and the cached paths the
// clients and servers take while a token is fresh (a client reuses its token for a minute; a server
// remembers the tokens it verified until they expire).
// Build first (npm run build), then: npm run bench -- caller-tokens
import {
  CallerVerifier,
  generateTrust,
  parseTrust,
  parseWorkloadKey,
  signCallerToken,
  verifyCallerToken,
  WorkloadCredentials,
} from '@e21/kit';
import { Metadata } from '@grpc/grpc-js';

const N = Number(process.env.N ?? 20_000);
const { trust, keys } = generateTrust(['gateway', 'currency'], ['gateway']);
const gateway = parseWorkloadKey(JSON.stringify(keys.gateway));
const parsedTrust = parseTrust(JSON.stringify(trust));
const people = Array.from({ length: N }, (_, i) => ({
  kind: 'person',
  personId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
}));

function time(name, work) {
  for (let i = 0; i < Math.min(N, 1000); i++) work(i); // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) work(i);
  const microseconds = Number(process.hrtime.bigint() - started) / 1000 / N;
  console.log(`${name.padEnd(52)} ${microseconds.toFixed(2).padStart(8)} µs/op   ${(1e6 / microseconds).toFixed(0).padStart(9)} op/s`);
}

const now = Date.now();
const tokens = people.map((person) => signCallerToken(gateway, person, 'currency', now));
const metadata = tokens.map((token) => {
  const m = new Metadata();
  m.set('authorization', `Bearer ${token}`);
  return m;
});

console.log(`${N} operations each, one core`);
time('sign a token (a new caller)', (i) => signCallerToken(gateway, people[i], 'currency', now));
time('verify a token (first time a server sees it)', (i) => verifyCallerToken(tokens[i], parsedTrust, 'currency', now));
const credentials = new WorkloadCredentials(gateway);
time('client: token for a caller seen in the last minute', (i) => credentials.tokenFor(people[i % 100], 'currency'));
const verifier = new CallerVerifier(parsedTrust, 'currency');
for (const m of metadata.slice(0, 100)) verifier.callerOf(m);
time('server: caller of a token verified before', (i) => verifier.callerOf(metadata[i % 100]));
