// A world for the currency tests: the territory tree (territories.ts), merchants (verified, as a
// territory's office would) and other organizations (the association is not verified), people in
// every role money knows (inhabitants, a merchant's admin and clerk, treasury officers of
// Bouches-du-Rhône and of Var, an officer without treasury role), the Bouches-du-Rhône currency,
// and approved hours published to JetStream as the timesheets service publishes them.
import { randomUUID } from 'node:crypto';
import type { NatsConnection } from 'nats';
import {
  connectNats,
  createLogger,
  ensureStream,
  eventSourceOf,
  personCaller,
  Refused,
  systemCaller,
  toHeaders,
  toProtoEnum,
  type NatsLogin,
  type ServiceClient,
} from '@e21/kit';
import { waitFor } from '@e21/devinfra';
import { timesheetsEvents } from '@e21/events';
import { CurrencyServiceService, OwnerKind, type Account, type Currency } from '@e21/proto/e21/currency/v1/currency';
import type { IdentityServiceService, MembershipRole, OrganizationKind, PersonStatus } from '@e21/proto/e21/identity/v1/identity';
import type { Role, ScopeKind } from '@e21/proto/e21/identity/v1/identity';
import type { TimeEntryFacts } from '@e21/proto/e21/events/v1/timesheets';
import { createTerritoryTree, type TerritoryName } from './territories.js';

export { refusalOf } from './refusals.js';
export type { TerritoryName } from './territories.js';

export type IdentityClient = ServiceClient<typeof IdentityServiceService>;
export type CurrencyClient = ServiceClient<typeof CurrencyServiceService>;

export const SYSTEM = { caller: systemCaller('test') };
export const as = (personId: string) => ({ caller: personCaller(personId) });

export type PersonKey = 'amina' | 'lucas' | 'isabelle' | 'sam' | 'thomas' | 'odile' | 'victor' | 'marc' | 'jeanne';

export interface WorldPerson {
  id: string;
  email: string;
  name: string;
}

/**
 * Builds the world. The people named in `signIn` get `password` and can sign in (for gateway tests;
 * each password costs a scrypt hash, so only those who need one get it).
 */
export async function createCurrencyWorld(identity: IdentityClient, options: { password?: string; signIn?: PersonKey[] } = {}) {
  const territories = await createTerritoryTree(identity);
  const organization = async (name: string, kind: string, territory: TerritoryName) =>
    (
      await identity.createOrganization(
        {
          name,
          kind: toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', kind),
          legalId: `L${randomUUID().slice(0, 12)}`,
          territoryId: territories[territory],
        },
        SYSTEM,
      )
    ).id;
  const organizations = {
    boulangerie: await organization('Boulangerie du Panier', 'merchant', 'marseille'),
    librairie: await organization("Librairie de l'Huveaune", 'merchant', 'aubagne'),
    jardins: await organization('Jardins partagés de la Belle de Mai', 'association', 'marseille'),
    toulonShop: await organization('Épicerie du Mourillon', 'merchant', 'toulon'),
  };
  // The merchants are verified (by a service here: the officers are below); currency learns it from
  // identity's events, which waitForMerchants waits for.
  const merchants = [organizations.boulangerie, organizations.librairie, organizations.toulonShop];
  for (const organizationId of merchants) await identity.verifyOrganization({ organizationId }, SYSTEM);

  const person = async (
    name: string,
    territory: TerritoryName,
    more: { key?: PersonKey; memberOf?: [string, string][]; role?: [string, TerritoryName] } = {},
  ): Promise<WorldPerson> => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 8)}@test.e21.eu`;
    const password = more.key && options.signIn?.includes(more.key) ? (options.password ?? '') : '';
    const created = await identity.registerPerson(
      {
        name,
        email,
        locale: 'en',
        status: toProtoEnum<PersonStatus>('PERSON_STATUS', 'employee'),
        territoryId: territories[territory],
        password,
      },
      // Hashing a password takes long on a busy machine running test files side by side.
      { ...SYSTEM, deadlineMs: 30_000 },
    );
    for (const [organizationId, role] of more.memberOf ?? []) {
      await identity.setMembership(
        { organizationId, personId: created.id, role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', role), employeeReference: '' },
        SYSTEM,
      );
    }
    if (more.role) {
      await identity.grantRole(
        {
          grantee: `person:${created.id}`,
          role: toProtoEnum<Role>('ROLE', more.role[0]),
          scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'),
          scopeId: territories[more.role[1]],
        },
        SYSTEM,
      );
    }
    return { id: created.id, email, name };
  };

  const people = {
    amina: await person('Amina Haddad', 'marseille', { key: 'amina' }),
    lucas: await person('Lucas Martin', 'marseille', { key: 'lucas' }),
    isabelle: await person('Isabelle Roux', 'marseille', {
      key: 'isabelle',
      memberOf: [
        [organizations.boulangerie, 'admin'],
        [organizations.toulonShop, 'admin'],
        [organizations.jardins, 'admin'],
      ],
    }),
    sam: await person('Sam Vendeur', 'marseille', { key: 'sam', memberOf: [[organizations.boulangerie, 'member']] }),
    thomas: await person('Thomas Blanc', 'aubagne', { key: 'thomas', memberOf: [[organizations.librairie, 'admin']] }),
    odile: await person('Odile Fabre', 'aubagne', { key: 'odile', role: ['treasury_officer', 'bouchesDuRhone'] }),
    victor: await person('Victor Garcia', 'toulon', { key: 'victor', role: ['treasury_officer', 'var'] }),
    marc: await person('Marc Rossi', 'marseille', { key: 'marc', role: ['officer', 'marseille'] }),
    jeanne: await person('Jeanne Moreau', 'marseille', { key: 'jeanne' }),
  };
  return { territories, organizations, merchants, people, person };
}

export type CurrencyWorld = Awaited<ReturnType<typeof createCurrencyWorld>>;

/** The Bouches-du-Rhône currency: 10.00 an hour, 5 % kept on redemption; applies to Marseille and Aubagne. */
export async function configureEcu(
  currency: CurrencyClient,
  world: CurrencyWorld,
  overrides: { ratePerHourMinor?: bigint; code?: string } = {},
): Promise<Currency> {
  return currency.configureCurrency(
    {
      territoryId: world.territories.bouchesDuRhone,
      code: overrides.code ?? 'ÉCU-BDR',
      name: 'Écu des Bouches-du-Rhône',
      minorUnits: 2,
      ratePerHourMinor: overrides.ratePerHourMinor ?? 1000n,
      redemptionFeeBasisPoints: 500,
      expectedVersion: undefined,
    },
    as(world.people.odile.id),
  );
}

/** The facts of an approved entry of `minutes` on a date, for a person living in a territory. */
export function approvedEntry(
  personId: string,
  territoryId: string,
  minutes: number,
  overrides: Partial<TimeEntryFacts> = {},
): TimeEntryFacts {
  return {
    entryId: randomUUID(),
    personId,
    contractId: randomUUID(),
    employerId: '',
    projectId: randomUUID(),
    date: '2030-05-06',
    minutes: BigInt(minutes),
    competenceId: 'urn:e21:skill:urban-gardening',
    territoryId,
    month: '2030-05',
    ...overrides,
  };
}

/** Publishes timesheets.entry.approved straight to JetStream, with the CloudEvents headers the outbox relay sets. */
export class ApprovalPublisher {
  private constructor(private readonly nats: NatsConnection) {}

  /** `login`: the timesheets service's NATS user, the only one allowed to publish its events. */
  static async connect(login: NatsLogin): Promise<ApprovalPublisher> {
    const nats = await connectNats(login, createLogger('test-timesheets', 'silent'));
    // The stream is the timesheets service's; the test creates it as a consumer would, when missing.
    await ensureStream(nats, 'timesheets', { createOnly: true });
    return new ApprovalPublisher(nats);
  }

  /**
   * Publishes one approval. `eventId` names the event (a redelivery keeps it); `messageId` is the
   * JetStream de-duplication id, the event id unless given (a new one makes JetStream store it again).
   */
  async publish(entry: TimeEntryFacts, options: { eventId?: string; messageId?: string } = {}): Promise<string> {
    const eventId = options.eventId ?? randomUUID();
    const data = timesheetsEvents.entryApproved.codec
      .encode({ entry, approvedBy: 'person:00000000-0000-4000-8000-00000000c00d', approvedAt: new Date().toISOString() })
      .finish();
    const headers = toHeaders(
      {
        id: eventId,
        type: timesheetsEvents.entryApproved.type,
        source: eventSourceOf('timesheets'),
        subject: entry.entryId,
        time: new Date().toISOString(),
      },
      {},
    );
    await this.nats.jetstream().publish(timesheetsEvents.entryApproved.type, data, { msgID: options.messageId ?? eventId, headers });
    return eventId;
  }

  async close(): Promise<void> {
    await this.nats.drain();
  }
}

/** A person's account in a currency, once it exists (an approved entry is paid asynchronously). */
export async function walletOf(currency: CurrencyClient, personId: string, currencyId: string): Promise<Account | undefined> {
  const { accounts } = await currency.listAccounts({ ownerKind: OwnerKind.OWNER_KIND_PERSON, ownerId: personId }, SYSTEM);
  return accounts.find((a) => a.currencyId === currencyId);
}

/** Waits until the person's balance is `balanceMinor`. */
export async function waitForBalance(
  currency: CurrencyClient,
  personId: string,
  currencyId: string,
  balanceMinor: bigint,
  timeoutMs = 20_000,
): Promise<Account> {
  return waitFor(
    async () => {
      const account = await walletOf(currency, personId, currencyId);
      return account?.balanceMinor === balanceMinor ? account : undefined;
    },
    { timeoutMs, intervalMs: 50, what: `a balance of ${balanceMinor}` },
  );
}

/** Waits until currency holds each organization's verification (`verified`), fed by identity's events. */
export async function waitForMerchants(
  currency: CurrencyClient,
  organizationIds: string[],
  verified = true,
  timeoutMs = 20_000,
): Promise<void> {
  for (const organizationId of organizationIds) {
    await waitFor(
      async () => {
        try {
          return (await currency.getMerchant({ organizationId }, SYSTEM)).verified === verified ? true : undefined;
        } catch (error) {
          if (error instanceof Refused && error.kind === 'not_found') return undefined;
          throw error;
        }
      },
      { timeoutMs, intervalMs: 50, what: `currency to know organization ${organizationId} as ${verified ? 'verified' : 'not verified'}` },
    );
  }
}
