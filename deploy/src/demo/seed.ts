// Loads the demo data once per data directory: the demo accounts of the README through each
// service's gRPC API, part after part, and on request the large demo on top of them.
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seedContractsDemo } from './contracts.js';
import { seedCurrencyDemo } from './currency.js';
import { seedIdentityDemo } from './identity.js';
import { seedLargeDemo, type LargeDemoSizes, type LargeDemoSummary } from './large/seed.js';
import { seedPayrollDemo } from './payroll.js';
import { seedProgramsDemo } from './programs.js';
import { seedTimesheetsDemo } from './timesheets.js';
import type { DemoWorld, Targets } from './world.js';

export { LARGE_DEMO, type LargeDemoSizes, type LargeDemoSummary } from './large/seed.js';

export interface DemoData extends DemoWorld {
  /** Loaded by this start (false: found in the data directory). */
  seededNow: boolean;
  /** The large demo, when asked for. */
  large?: LargeDemoSummary;
}

export interface DemoOptions {
  targets: Targets;
  dataDir: string;
  /** Also load the large demo, of these sizes (LARGE_DEMO for npm start -- --demo=large). */
  large?: LargeDemoSizes;
  onStatus?: (line: string) => void;
}

/**
 * What `load` made, kept in `file`: loaded once per data directory. A load that stopped half-way
 * leaves its mark, so the next start says what to do instead of failing on what already exists.
 */
async function once<T>(file: string, load: () => Promise<T>): Promise<{ value: T; loadedNow: boolean }> {
  const loading = `${file}.loading`;
  if (existsSync(file)) return { value: JSON.parse(await readFile(file, 'utf8')) as T, loadedNow: false };
  if (existsSync(loading))
    throw new Error(`an earlier start stopped while loading ${file}: start again with --reset (or remove the data directory)`);
  await writeFile(loading, new Date().toISOString());
  const value = await load();
  await writeFile(file, JSON.stringify(value, null, 2));
  await rm(loading);
  return { value, loadedNow: true };
}

async function seedDemoWorld(targets: Targets): Promise<DemoWorld> {
  const world = await seedIdentityDemo(targets);
  await seedProgramsDemo(targets, world);
  await seedContractsDemo(targets, world);
  await seedTimesheetsDemo(targets, world);
  await seedCurrencyDemo(targets, world);
  await seedPayrollDemo(targets, world);
  return world;
}

export async function seedDemo(options: DemoOptions): Promise<DemoData> {
  const { targets, dataDir, large: sizes } = options;
  const demo = await once(join(dataDir, 'demo.json'), () => seedDemoWorld(targets));
  if (demo.loadedNow) options.onStatus?.('demo data loaded');
  if (!sizes) return { ...demo.value, seededNow: demo.loadedNow };
  const large = await once(join(dataDir, 'demo-large.json'), () =>
    seedLargeDemo(targets, demo.value, sizes, { onStatus: options.onStatus }),
  );
  if (large.loadedNow) options.onStatus?.(`large demo loaded in ${large.value.seconds} s`);
  return { ...demo.value, seededNow: demo.loadedNow || large.loadedNow, large: large.value };
}
