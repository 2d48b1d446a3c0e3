// The large demo (npm start -- --demo=large): a department at scale on top of the demo, for trying
// the platform with realistic volumes and for the benchmarks. Plans it (seeded, so the same sizes
// and day give the same territory), loads it through the services' gRPC APIs, many calls at once,
// and waits until payroll has issued the forms of every closed month, so the platform is quiet.
import { dateOf } from '@e21/kit/calendar';
import type { DemoWorld, Targets } from '../world.js';
import { loadContracts } from './contracts.js';
import { loadPeopleAndPlaces } from './identity.js';
import { waitForForms } from './payroll.js';
import { planLargeDemo, type LargeDemoSizes, type LoadedIds } from './plan.js';
import { loadProjects } from './programs.js';
import { loadHours } from './timesheets.js';

export { LARGE_DEMO, type LargeDemoSizes } from './plan.js';

/** Calls in flight at once: enough to keep two cores busy while one call waits on another service. */
const WIDTH = 12;

export interface LargeDemoSummary {
  sizes: LargeDemoSizes;
  /** What was loaded. */
  counts: {
    localities: number;
    organizations: number;
    people: number;
    projects: number;
    members: number;
    contracts: number;
    commitments: number;
    entries: { approved: number; pending: number; rejected: number };
    closedPeriods: number;
    formsIssued: number;
  };
  /** Who signs in with the demo password, and what they show. */
  accounts: { email: string; about: string }[];
  seconds: number;
}

export async function seedLargeDemo(
  targets: Targets,
  world: DemoWorld,
  sizes: LargeDemoSizes,
  options: { now?: Date; onStatus?: (line: string) => void } = {},
): Promise<LargeDemoSummary> {
  const started = Date.now();
  const status = (line: string) => options.onStatus?.(`large demo: ${line} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  const plan = planLargeDemo(sizes, dateOf(options.now ?? new Date()));
  const ids: LoadedIds = { organizations: [], people: [], projects: [], contracts: [] };
  await loadPeopleAndPlaces(targets, world, plan, ids, WIDTH);
  status(`${plan.localities.length} localities, ${plan.organizations.length} organizations and ${plan.people.length} people`);
  await loadProjects(targets, plan, ids, WIDTH);
  status(`${plan.projects.length} projects, ${plan.members.length} members`);
  await loadContracts(targets, plan, ids, WIDTH);
  status(`${plan.commitments.length} commitments, ${plan.contracts.length} contracts signed`);
  await loadHours(targets, plan, ids, WIDTH);
  status(`${plan.entries.length} entries logged and decided, ${plan.closes.length} months closed`);
  const forms = await waitForForms(targets, plan, status);
  status(`${forms} forms issued`);

  const count = (fate: string) => plan.entries.filter((e) => e.fate === fate).length;
  return {
    sizes,
    counts: {
      localities: plan.localities.length,
      organizations: plan.organizations.length,
      people: plan.people.length,
      projects: plan.projects.length,
      members: plan.members.length,
      contracts: plan.contracts.length,
      commitments: plan.commitments.length,
      entries: { approved: count('approved'), pending: count('pending'), rejected: count('rejected') },
      closedPeriods: plan.closes.length,
      formsIssued: forms,
    },
    accounts: plan.people.flatMap((p) => (p.account ? [{ email: p.email, about: p.account }] : [])),
    seconds: Math.round((Date.now() - started) / 1000),
  };
}
