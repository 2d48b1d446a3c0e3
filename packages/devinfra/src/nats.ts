// A real nats-server with JetStream, found on the PATH (installed with apt-get when root).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
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

export interface NatsOptions {
  port: number;
  storeDir: string;
  onLog?: (line: string) => void;
}

export async function startNats(options: NatsOptions): Promise<NatsServer> {
  const binary = findNatsServer();
  await mkdir(options.storeDir, { recursive: true });
  let child: ChildProcess | undefined;
  const server: NatsServer = {
    port: options.port,
    url: `nats://127.0.0.1:${options.port}`,
    async start() {
      child = spawn(binary, ['-a', '127.0.0.1', '-p', String(options.port), '-js', '-sd', options.storeDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      const log = (chunk: Buffer) => options.onLog?.(chunk.toString());
      child.stdout?.on('data', log);
      child.stderr?.on('data', log);
      const exited = new Promise<never>((_, reject) => child!.once('exit', (code) => reject(new Error(`nats-server exited with code ${code}`))));
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
