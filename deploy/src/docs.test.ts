// The README and docs/ against the tree: every path they name exists, nothing links outside the
// repository, and the README names every stream, consumer, variable, flag, script and benchmark.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { serviceEnv, streamName, workloadEnv } from '@e21/kit';
import { SERVICES, SUBSCRIPTIONS } from '@e21/events';
import { gatewayEnv } from '@e21/gateway/config';
import { repositoryRoot } from './services.js';

const read = (path: string) => readFileSync(join(repositoryRoot, path), 'utf8');
const README = 'README.md';
const DOCS = ['docs/adding-a-service.md', ...readdirSync(join(repositoryRoot, 'docs/adr')).map((file) => `docs/adr/${file}`)];
const readme = read(README);

/** Link targets and backquoted repository paths of a Markdown file, resolved from the repository root. */
function pathsNamedIn(file: string): { named: string; path: string }[] {
  const text = read(file);
  const links = [...text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => ({
    named: m[1]!,
    path: relative(repositoryRoot, resolve(repositoryRoot, dirname(file), m[1]!)),
  }));
  const quoted = [...text.matchAll(/`((?:services|packages|gateway|web|deploy|charts|tests|proto|docs)\/[^`\s]*)`/g)].map((m) => ({
    named: m[1]!,
    path: m[1]!,
  }));
  // Patterns (services/<name>/, {en,fr}, ...) and the example service of adding-a-service.md name no file.
  return [...links, ...quoted].filter(({ named }) => !/[<{*]|\.\.\.|forums/.test(named) && !/^https?:/.test(named));
}

describe('the README and docs/', () => {
  it('name only paths that exist in the repository', () => {
    const missing = [README, ...DOCS].flatMap((file) =>
      pathsNamedIn(file)
        .filter(({ path }) => !existsSync(join(repositoryRoot, path)))
        .map(({ named }) => `${file}: ${named}`),
    );
    expect([...new Set(missing)]).toEqual([]);
  });

  it('link nothing outside the repository', () => {
    for (const file of [README, ...DOCS]) {
      const text = read(file);
      expect([...text.matchAll(/\]\((https?:[^)]*)\)/g)].map((m) => m[1])).toEqual([]);
      expect(
        pathsNamedIn(file)
          .filter(({ path }) => path.startsWith('..'))
          .map(({ named }) => named),
      ).toEqual([]);
    }
  });

  it('draw every stream and every durable consumer of the topology', () => {
    const named = [...SERVICES.map(streamName), ...SUBSCRIPTIONS.map((s) => `${s.service}-${s.name}`)];
    expect(named.filter((name) => !readme.includes(name))).toEqual([]);
  });

  it('name every variable of every process', async () => {
    const variables = new Set([...Object.keys(serviceEnv), ...Object.keys(workloadEnv), ...Object.keys(gatewayEnv)]);
    for (const service of SERVICES) {
      const module = (await import(`@e21/${service}`)) as Record<string, Record<string, unknown>>;
      for (const name of Object.keys(module[`${service}Env`] ?? {})) variables.add(name);
    }
    expect([...variables].filter((name) => !new RegExp(`(?<![A-Z_])${name}(?![A-Z_])`).test(readme))).toEqual([]);
  });

  it('name every flag of npm start, every script and every benchmark', () => {
    const flags = [...read('deploy/src/start.ts').matchAll(/'(--[a-z-]+)'/g)].map((m) => m[1]!);
    const scripts = Object.keys((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts);
    const benches = readdirSync(join(repositoryRoot, 'tests/bench'))
      .filter((file) => file.endsWith('.mjs') && !['run.mjs', 'support.mjs', 'bare-express.mjs'].includes(file))
      .map((file) => `\`${file.slice(0, -4)}\``);
    expect(
      [
        ...flags,
        '--demo=large',
        ...scripts.map((s) => (s === 'start' || s === 'test' ? `npm ${s}` : `npm run ${s}`)),
        'import:esco',
        ...benches,
      ].filter((name) => !readme.includes(name)),
    ).toEqual([]);
    expect(flags.length).toBeGreaterThanOrEqual(3);
  });
});
