// Mutual TLS between pods (a chart option): every server asks for a client certificate signed by the
// platform's CA, and every client checks the server's. Caller tokens still say who calls, TLS adds
// that nobody on the network reads or replays them.
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';

export interface GrpcTls {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

/** Reads GRPC_TLS_CA_FILE, GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE: all three, or none for plaintext. */
export function loadGrpcTls(files: { ca?: string; cert?: string; key?: string }): GrpcTls | undefined {
  const given = [files.ca, files.cert, files.key].filter(Boolean).length;
  if (given === 0) return undefined;
  if (given !== 3) throw new Error('GRPC_TLS_CA_FILE, GRPC_TLS_CERT_FILE and GRPC_TLS_KEY_FILE go together: set all three or none');
  return { ca: readFileSync(files.ca!), cert: readFileSync(files.cert!), key: readFileSync(files.key!) };
}

export function channelCredentials(tls: GrpcTls | undefined): grpc.ChannelCredentials {
  return tls ? grpc.credentials.createSsl(tls.ca, tls.key, tls.cert) : grpc.credentials.createInsecure();
}

export function serverCredentials(tls: GrpcTls | undefined): grpc.ServerCredentials {
  return tls
    ? grpc.ServerCredentials.createSsl(tls.ca, [{ cert_chain: tls.cert, private_key: tls.key }], true)
    : grpc.ServerCredentials.createInsecure();
}
