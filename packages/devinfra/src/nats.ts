// A real nats-server with JetStream, found on the PATH (installed with apt-get when root).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect as netConnect } from 'node:net';
import { waitFor } from './ports.js';

const INSTALL_HINT = 'nats-server is missing: install it with "sudo apt-get install -y nats-server"';

/** The nats-server binary; installs the Debian package when running as root and it is missing. */
export function findNatsServer(options: { install?: boolean } = {}): string {
  const found = locate();
  if (found) return found;
  if (options.install !== false && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('nats-server not found: installing it with apt-get');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', 'nats-server'], { stdio: 'inherit', env });
    const installed = locate();
    if (installed) return installed;
  }
  throw new Error(INSTALL_HINT);
}

function locate(): string | undefined {
  const paths = [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return paths.map((dir) => `${dir}/nats-server`).find((path) => existsSync(path));
}

export interface NatsServer {
  port: number;
  url: string;
  stop(): Promise<void>;
  /** Starts the server again on the same port and store (after stop()). */
  start(): Promise<void>;
}

export interface NatsUser {
  user: string;
  password: string;
  /** Subjects the user may publish to and subscribe to; everything when absent (an operator). */
  permissions?: { publish: string[]; subscribe: string[] };
}

export interface NatsOptions {
  port: number;
  storeDir: string;
  /** Users allowed to connect; the server then refuses anyone else. */
  users?: NatsUser[];
  onLog?: (line: string) => void;
}

/** The server's configuration file: JetStream, and the users with their permissions. */
export function natsConfig(options: NatsOptions): string {
  const quote = (text: string) => JSON.stringify(text);
  const list = (subjects: string[]) => `[${subjects.map(quote).join(', ')}]`;
  const users = (options.users ?? []).map((user) => {
    const permissions = user.permissions
      ? `, permissions: { publish: { allow: ${list(user.permissions.publish)} }, subscribe: { allow: ${list(user.permissions.subscribe)} } }`
      : '';
    return `    { user: ${quote(user.user)}, password: ${quote(user.password)}${permissions} }`;
  });
  return [
    'host: "127.0.0.1"',
    `port: ${options.port}`,
    `jetstream { store_dir: ${quote(options.storeDir)} }`,
    ...(users.length ? ['authorization {', '  users: [', users.join(',\n'), '  ]', '}'] : []),
    '',
  ].join('\n');
}
export async function startNats(options: NatsOptions): Promise<NatsServer> {
  const binary = findNatsServer();
  await mkdir(options.storeDir, { recursive: true });
  let child: ChildProcess | undefined;
  const server: NatsServer = {
    port: options.port,
    url: `nats://127.0.0.1:${options.port}`,
    async start() {
      // The configuration holds passwords: readable by this user only.
      const configFile = join(options.storeDir, 'nats-server.conf');
      await writeFile(configFile, natsConfig(options), { mode: 0o600 });
      child = spawn(binary, ['-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
      const log = (chunk: Buffer) => options.onLog?.(chunk.toString());
      child.stdout?.on('data', log);
      child.stderr?.on('data', log);
      const exited = new Promise<never>((_, reject) =>
        child!.once('exit', (code) => reject(new Error(`nats-server exited with code ${code}`))),
      );
      exited.catch(() => undefined);
      await Promise.race([waitFor(() => canConnect(options.port), { timeoutMs: 10_000, what: 'nats-server' }), exited]);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        running.once('exit', () => resolve());
        running.kill('SIGTERM');
      });
    },
  };
  await server.start();
  return server;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = netConnect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
