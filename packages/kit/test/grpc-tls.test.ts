// Mutual TLS between pods: a server with GRPC_TLS_* answers only clients holding a certificate of the
// platform's CA, over TLS. Certificates are made here with the openssl command.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, createLogger, generateTrust, GrpcServer, CallerVerifier, type GrpcTls } from '@e21/kit';
import { HealthCheckResponse_ServingStatus, HealthService } from '@e21/proto/grpc/health/v1/health';

const dir = mkdtempSync(join(tmpdir(), 'e21-tls-'));
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

/** A CA, and a certificate it signs for localhost, usable as server and as client. */
function makeCertificates(ca: string): GrpcTls {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${ca}.key`,
    '-out',
    `${ca}.crt`,
    '-days',
    '1',
    '-subj',
    `/CN=${ca}`,
  );
  openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    `${ca}-pod.key`,
    '-out',
    `${ca}-pod.csr`,
    '-subj',
    '/CN=localhost',
  );
  writeFileSync(join(dir, `${ca}.ext`), 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n');
  openssl(
    'x509',
    '-req',
    '-in',
    `${ca}-pod.csr`,
    '-CA',
    `${ca}.crt`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-out',
    `${ca}-pod.crt`,
    '-days',
    '1',
    '-extfile',
    `${ca}.ext`,
  );
  const read = (file: string) => readFileSync(join(dir, file));
  return { ca: read(`${ca}.crt`), cert: read(`${ca}-pod.crt`), key: read(`${ca}-pod.key`) };
}

const platform = makeCertificates('platform-ca');
const stranger = makeCertificates('other-ca');
const { trust } = generateTrust(['identity'], []);
let server: GrpcServer;
let target: string;

beforeAll(async () => {
  server = new GrpcServer({
    service: 'identity',
    host: '127.0.0.1',
    port: 0,
    bindings: [],
    logger: createLogger('tls-test', 'silent'),
    verifier: CallerVerifier.fromBundle(JSON.stringify(trust), 'identity'),
    tls: platform,
  });
  target = `localhost:${await server.start()}`;
});
afterAll(() => server.stop(0));

async function healthThrough(tls: GrpcTls | undefined): Promise<string> {
  const client = createClient(HealthService, target, { from: 'test', deadlineMs: 2000, tls });
  try {
    const answer = await client.check({ service: '' });
    return answer.status === HealthCheckResponse_ServingStatus.SERVING ? 'serving' : 'not serving';
  } catch {
    return 'refused';
  } finally {
    client.close();
  }
}

it('answers a client holding a certificate of the same CA', async () => {
  expect(await healthThrough(platform)).toBe('serving');
});

it('refuses a plaintext client and a client whose certificate another CA signed', async () => {
  expect(await healthThrough(undefined)).toBe('refused');
  expect(await healthThrough({ ...stranger, ca: platform.ca })).toBe('refused');
});
