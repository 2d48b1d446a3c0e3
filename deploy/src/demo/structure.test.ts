// The demo's modules import one way: parts depend on what they share (world.ts, data.ts, the large
// demo's plan), never on one another nor on the seed.ts that runs them.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const modules = (readdirSync(root, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
const importsOf = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/from '(\.{1,2}\/[^']+)\.js'/g)].map((m) =>
    relative(root, join(root, dirname(file), `${m[1]}.ts`)),
  );

describe('the demo modules', () => {
  it('import one another without a loop', () => {
    const loops: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      state.set(file, 'open');
      for (const next of importsOf(file)) {
        if (state.get(next) === 'open') loops.push([...path, file, next].join(' -> '));
        else if (!state.has(next)) visit(next, [...path, file]);
      }
      state.set(file, 'done');
    };
    for (const file of modules) if (!state.has(file)) visit(file, []);
    expect(loops).toEqual([]);
  });

  it('let only the orchestrators import a seed.ts, and the parts of the demo only what they share', () => {
    const seeds = modules.filter((file) => importsOf(file).some((imported) => imported.endsWith('seed.ts')));
    expect(seeds).toEqual(['seed.ts']);
    const parts = modules.filter((file) => !file.includes('/') && !['seed.ts', 'world.ts', 'data.ts'].includes(file));
    for (const part of parts)
      expect({ part, imports: importsOf(part).filter((i) => !['world.ts', 'data.ts'].includes(i)) }).toEqual({ part, imports: [] });
    const loaders = ['identity', 'programs', 'contracts', 'timesheets', 'payroll'].map((name) => `large/${name}.ts`);
    for (const loader of loaders) {
      expect({ loader, imports: importsOf(loader).filter((i) => !['world.ts', 'large/plan.ts'].includes(i)) }).toEqual({
        loader,
        imports: [],
      });
    }
  });
});
