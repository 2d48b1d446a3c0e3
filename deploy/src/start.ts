// npm start: the local stack with demo data, reachable in a browser, until Ctrl-C.
// Flags: --reset (start empty), --no-demo, --demo=large (a department at scale too), --verbose.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PEOPLE } from './demo/data.js';
import { repositoryRoot } from './services.js';
import { LARGE_DEMO, SERVICES, startLocalStack, type LargeDemoSummary, type StackOptions, type StackPorts } from './stack.js';

const args = new Set(process.argv.slice(2));
const env = process.env;
const dataDir = env.E21_DATA_DIR ?? join(repositoryRoot, '.data');
const port = (name: string, fallback: number) => Number(env[name] ?? fallback);

if (args.has('--reset')) {
  await rm(dataDir, { recursive: true, force: true });
  console.log(`--reset: removed ${dataDir}`);
}

function demoOf(flags: Set<string>): StackOptions['demo'] {
  if (flags.has('--no-demo')) return false;
  const asked = [...flags].find((flag) => flag.startsWith('--demo='))?.slice('--demo='.length) ?? 'normal';
  if (asked === 'large') return { large: LARGE_DEMO };
  if (asked === 'normal') return true;
  console.error(`--demo=${asked}: the demo is "normal" (the default) or "large"`);
  process.exit(2);
}

function printLargeDemo({ counts, accounts }: LargeDemoSummary): void {
  const { localities, people, organizations, projects, entries, formsIssued } = counts;
  console.log(`  large demo: ${localities} more localities of Bouches-du-Rhône, ${people} people, ${organizations} organizations,`);
  console.log(`  ${projects} projects, ${entries.approved} approved and ${entries.pending} pending entries, ${formsIssued} forms;`);
  console.log('  its accounts (same password):');
  for (const account of accounts) console.log(`    ${account.email.padEnd(38)} ${account.about}`);
}

const started = Date.now();
const stack = await startLocalStack({
  dataDir,
  demo: demoOf(args),
  verbose: args.has('--verbose'),
  logLevel: env.LOG_LEVEL ?? 'info',
  ports: {
    gateway: port('PORT', 8080),
    postgres: port('E21_POSTGRES_PORT', 54329),
    nats: port('E21_NATS_PORT', 4222),
    oidc: port('E21_OIDC_PORT', 4000),
    grpc: Object.fromEntries(
      SERVICES.map((name, index) => [name, port(`E21_${name.toUpperCase()}_GRPC_PORT`, 50051 + index)]),
    ) as StackPorts['grpc'],
  },
  onStatus: (line) => console.log(`  ${line}`),
}).catch((error: Error) => {
  console.error(`Engagement 21 could not start: ${error.message}`);
  process.exit(1);
});

console.log(`\nEngagement 21 is ready in ${((Date.now() - started) / 1000).toFixed(1)} s: open ${stack.url}`);
console.log(`  API: ${stack.url}/v1/docs   sign-in provider: http://localhost:${stack.ports.oidc}   data: ${dataDir}`);
if (stack.demo) {
  console.log(`  demo accounts (password ${stack.demo.password}):`);
  for (const person of PEOPLE) console.log(`    ${person.email.padEnd(22)} ${person.about}`);
  if (stack.demo.large) printLargeDemo(stack.demo.large);
}
console.log('Press Ctrl-C to stop.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping...');
    void stack.stop().then(() => process.exit(0));
  });
}
