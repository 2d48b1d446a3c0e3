// A world for the payroll tests, on top of the contracts and timesheets worlds: the Bouches-du-Rhône
// currency, a strategic challenge, two projects of Marseille, and March 2030 logged and approved for
// Amina (Calanques Solaire: two projects, three competences), Lucas (Calanques Solaire until 15
// March, then Garlaban Bois: two contracts in the month) and a volunteer, plus an April entry of
// Amina's that March's form must leave out. Figures the tests expect are exported beside it.
import { randomUUID } from 'node:crypto';
import {
  connectNats,
  createLogger,
  ensureStream,
  eventSourceOf,
  toHeaders,
  toProtoEnum,
  type NatsLogin,
  type ServiceClient,
} from '@e21/kit';
import { waitFor } from '@e21/devinfra';
import { timesheetsEvents } from '@e21/events';
import type { CurrencyServiceService } from '@e21/proto/e21/currency/v1/currency';
import type { PeriodClosed } from '@e21/proto/e21/events/v1/timesheets';
import type { MembershipRole } from '@e21/proto/e21/identity/v1/identity';
import type { IssuingRun, PayrollServiceService } from '@e21/proto/e21/payroll/v1/payroll';
import type { TimeEntry } from '@e21/proto/e21/timesheets/v1/timesheets';
import {
  as,
  commit,
  createContractsWorld,
  NO_PARTY,
  SKILLS,
  SYSTEM,
  signedContract,
  terms,
  type ContractsClient,
  type IdentityClient,
  type ProgramsClient,
} from './contracts-world.js';
import { approve, join, submit, teamProject, volunteer, type TimesheetsClient } from './timesheets-world.js';

export type CurrencyClient = ServiceClient<typeof CurrencyServiceService>;
export type PayrollClient = ServiceClient<typeof PayrollServiceService>;

export const MONTH = '2030-03';
/** 10.00 of the local currency an hour, in hundredths. */
export const RATE_PER_HOUR_MINOR = 1000n;

export interface PayrollClients {
  identity: IdentityClient;
  programs: ProgramsClient;
  contracts: ContractsClient;
  timesheets: TimesheetsClient;
  currency: CurrencyClient;
}

export interface PayrollWorldOptions extends NonNullable<Parameters<typeof createContractsWorld>[1]> {
  /** People's interface languages (everyone's is English otherwise): a form's labels are in its person's. */
  locales?: Partial<Record<'amina' | 'lucas', 'en' | 'fr'>>;
}

export async function createPayrollWorld(clients: PayrollClients, options: PayrollWorldOptions = {}) {
  const { identity, programs, contracts, timesheets, currency } = clients;
  const world = await createContractsWorld(identity, options);
  const { people, organizations, territories } = world;
  for (const [key, locale] of Object.entries(options.locales ?? {}) as ['amina' | 'lucas', 'en' | 'fr'][])
    await identity.updatePerson({ id: people[key].id, locale }, SYSTEM);
  await commit(contracts, organizations.calanques, 200_000);
  await commit(contracts, organizations.garlaban, 200_000);
  await identity.setMembership(
    {
      organizationId: organizations.calanques,
      personId: people.amina.id,
      role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', 'member'),
      employeeReference: 'CS-0042',
    },
    SYSTEM,
  );
  await identity.setMembership(
    {
      organizationId: organizations.calanques,
      personId: people.lucas.id,
      role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', 'member'),
      employeeReference: 'CS-0077',
    },
    SYSTEM,
  );
  await identity.setMembership(
    {
      organizationId: organizations.garlaban,
      personId: people.lucas.id,
      role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', 'member'),
      employeeReference: 'GB-12',
    },
    SYSTEM,
  );
  const ecu = await currency.configureCurrency(
    {
      territoryId: territories.bouchesDuRhone,
      code: 'ÉCU-BDR',
      name: 'Écu des Bouches-du-Rhône',
      minorUnits: 2,
      ratePerHourMinor: RATE_PER_HOUR_MINOR,
      redemptionFeeBasisPoints: 500,
      expectedVersion: undefined,
    },
    SYSTEM,
  );

  const coordinator = await world.person('Paul Coordinateur', 'marseille');
  const challenge = await programs.defineChallenge(
    {
      territoryId: territories.marseille,
      title: 'Energy transition',
      description: 'Renewable energy in every neighbourhood.',
      sdgs: [7],
      refinesId: '',
    },
    as(people.marc.id),
  );
  const solar = await teamProject(programs, world, coordinator.id, 'active', [challenge.id]);
  const garden = await teamProject(programs, world, coordinator.id, 'active');
  await join(programs, solar, people.amina.id, coordinator.id, { need: 0 });
  await join(programs, garden, people.amina.id, coordinator.id, { need: 1 });
  await join(programs, solar, people.lucas.id, coordinator.id, { need: 0 });

  const amina = await signedContract(
    contracts,
    { person: people.amina.id, employer: people.claire.id, office: people.marc.id },
    terms({ competenceSkillIds: [SKILLS.firstAid, SKILLS.solar] }),
  );
  const lucasFirst = await contracts.proposeContract(
    {
      personId: people.lucas.id,
      employerId: organizations.calanques,
      terms: terms({ competenceSkillIds: [SKILLS.firstAid] }),
      comment: '',
      party: NO_PARTY,
      idempotencyKey: '',
    },
    as(people.lucas.id),
  );
  await contracts.acceptVersion({ contractId: lucasFirst.contract!.id, version: 1, comment: '', party: NO_PARTY }, as(people.claire.id));
  await contracts.acceptVersion({ contractId: lucasFirst.contract!.id, version: 1, comment: '', party: NO_PARTY }, as(people.marc.id));
  const jeanne = await volunteer(contracts, world, 'Jeanne Bénévole');
  await join(programs, solar, jeanne.personId, coordinator.id, { need: 0 });

  const approved: TimeEntry[] = [];
  const log = async (personId: string, fields: Parameters<typeof submit>[2]) => {
    const entry = await submit(timesheets, personId, fields);
    const [done] = (await approve(timesheets, coordinator.id, entry)).entries;
    approved.push(done!);
    return done!;
  };
  const aminaContract = amina.contract!.id;
  // Amina: 225 minutes in March on two projects with three competences; one April entry.
  await log(people.amina.id, {
    contractId: aminaContract,
    projectId: solar.id,
    date: '2030-03-05',
    minutes: 90,
    competenceId: SKILLS.solar,
  });
  await log(people.amina.id, {
    contractId: aminaContract,
    projectId: solar.id,
    date: '2030-03-12',
    minutes: 60,
    competenceId: SKILLS.firstAid,
  });
  await log(people.amina.id, {
    contractId: aminaContract,
    projectId: garden.id,
    date: '2030-03-13',
    minutes: 45,
    competenceId: SKILLS.gardening,
  });
  const aminaLast = await log(people.amina.id, {
    contractId: aminaContract,
    projectId: garden.id,
    date: '2030-03-19',
    minutes: 30,
    competenceId: SKILLS.firstAid,
  });
  await log(people.amina.id, {
    contractId: aminaContract,
    projectId: solar.id,
    date: '2030-04-02',
    minutes: 120,
    competenceId: SKILLS.solar,
  });
  // Lucas: 60 minutes under Calanques Solaire's contract, which ends on 15 March, then 45 under Garlaban Bois's.
  await log(people.lucas.id, {
    contractId: lucasFirst.contract!.id,
    projectId: solar.id,
    date: '2030-03-04',
    minutes: 60,
    competenceId: SKILLS.firstAid,
  });
  await contracts.terminateContract(
    { contractId: lucasFirst.contract!.id, endDate: '2030-03-15', reason: 'Leaves Calanques Solaire', party: NO_PARTY },
    as(people.claire.id),
  );
  const lucasSecond = await contracts.proposeContract(
    {
      personId: people.lucas.id,
      employerId: organizations.garlaban,
      terms: terms({ periodStart: '2030-03-16', competenceSkillIds: [SKILLS.firstAid] }),
      comment: '',
      party: NO_PARTY,
      idempotencyKey: '',
    },
    as(people.lucas.id),
  );
  await contracts.acceptVersion(
    { contractId: lucasSecond.contract!.id, version: 1, comment: '', party: NO_PARTY },
    as(people.garlabanHr.id),
  );
  await contracts.acceptVersion({ contractId: lucasSecond.contract!.id, version: 1, comment: '', party: NO_PARTY }, as(people.marc.id));
  await log(people.lucas.id, {
    contractId: lucasSecond.contract!.id,
    projectId: solar.id,
    date: '2030-03-18',
    minutes: 45,
    competenceId: SKILLS.firstAid,
  });
  // The volunteer: 120 minutes, no employer.
  await log(jeanne.personId, { contractId: jeanne.contractId, projectId: solar.id, date: '2030-03-26', minutes: 120 });

  return {
    ...world,
    ecu,
    coordinator,
    challenge,
    projects: { solar, garden },
    contracts: {
      amina: aminaContract,
      lucasCalanques: lucasFirst.contract!.id,
      lucasGarlaban: lucasSecond.contract!.id,
      jeanne: jeanne.contractId,
    },
    jeanne,
    approved,
    aminaLast,
  };
}

export type PayrollWorld = Awaited<ReturnType<typeof createPayrollWorld>>;

/** What every approved entry of the world pays: minutes x rate / 60, half up. */
export const payFor = (minutes: number) => (BigInt(minutes) * RATE_PER_HOUR_MINOR * 2n + 60n) / 120n;

/** Waits until currency has paid every approved entry of the world (payroll waits for it too, but tests say so). */
export async function closeMarch(timesheets: TimesheetsClient, world: PayrollWorld): Promise<void> {
  await timesheets.closePeriod({ territoryId: world.territories.marseille, month: MONTH, carryPending: false }, as(world.people.marc.id));
}

/** The closing run of a territory's month once complete. */
export async function completedRun(payroll: PayrollClient, territoryId: string, month = MONTH, timeoutMs = 60_000): Promise<IssuingRun> {
  return waitFor(
    async () => {
      const { runs } = await payroll.listRuns({ territoryId, month, limit: 0 }, SYSTEM);
      const run = runs.find((r) => r.trigger === 'RUN_TRIGGER_CLOSE');
      return run?.status === 'RUN_STATUS_COMPLETED' ? run : undefined;
    },
    { timeoutMs, intervalMs: 100, what: `the issuing run of ${month}` },
  );
}

/** Publishes timesheets.period.closed straight to JetStream, as the timesheets relay does: a redelivery keeps the event id. */
export async function publishPeriodClosed(login: NatsLogin, data: PeriodClosed, eventId: string = randomUUID()): Promise<string> {
  const nats = await connectNats(login, createLogger('test-timesheets', 'silent'));
  try {
    await ensureStream(nats, 'timesheets', { createOnly: true });
    const headers = toHeaders(
      {
        id: eventId,
        type: timesheetsEvents.periodClosed.type,
        source: eventSourceOf('timesheets'),
        subject: data.periodId,
        time: new Date().toISOString(),
      },
      {},
    );
    await nats.jetstream().publish(timesheetsEvents.periodClosed.type, timesheetsEvents.periodClosed.codec.encode(data).finish(), {
      msgID: randomUUID(),
      headers,
    });
  } finally {
    await nats.drain();
  }
  return eventId;
}
