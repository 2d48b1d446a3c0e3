// Negotiating SAR contracts: proposals, counter-proposals, amendments, acceptances and signature,
// withdrawal, suspension, resumption and termination.
import { randomUUID } from 'node:crypto';
import {
  forbidden,
  invalid,
  isUniqueViolation,
  orThrow,
  Refused,
  replayOf,
  saveIdempotent,
  throwIfRefused,
  withTransaction,
  type Caller,
  type Handlers,
  type Tx,
} from '@e21/kit';
import { yearOf } from '@e21/kit/calendar';
import type { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import { allocationOf, checkAllocation } from '../domain/commitment.js';
import type { ContractRecord, VersionRecord } from '../domain/contracts.js';
import {
  accept,
  openNegotiation,
  propose,
  resume,
  suspend,
  terminate,
  withdraw,
  type Party,
  type Step,
  type Transition,
} from '../domain/negotiation.js';
import { chooseParty, partiesOfCaller } from '../domain/parties.js';
import { validateTerms, type Terms, type TermsInput } from '../domain/terms.js';
import type { PersonFacts } from '../directory.js';
import * as events from '../events.js';
import { partyFromProto, termsInputFromProto } from '../mapping.js';
import * as store from '../store/index.js';
import {
  callerOf,
  callerText,
  commentOf,
  contractFor,
  idempotencyKeyOf,
  optionalUuid,
  prefixed,
  requestHash,
  requireDate,
  requireUuid,
  requireVersion,
  type HandlerDeps,
} from './context.js';
import { acceptedBy, approvedHolidays, contractDetail, sarContract, stateOf, withState } from './views.js';

type NegotiationHandlers = Pick<
  Handlers<typeof ContractsServiceService>,
  'proposeContract' | 'proposeTerms' | 'acceptVersion' | 'withdrawProposal' | 'suspendContract' | 'resumeContract' | 'terminateContract'
>;

interface Actor {
  caller: Caller;
  text: string;
  name: string;
  party: Party;
  at: Date;
}

export function negotiationHandlers(deps: HandlerDeps): NegotiationHandlers {
  async function actorOf(caller: Caller, party: Party): Promise<Actor> {
    return { caller, text: callerText(caller), name: await deps.directory.actorName(caller), party, at: deps.now() };
  }

  /** The party a call is made as on an existing contract. */
  async function acting(call: Parameters<NegotiationHandlers['acceptVersion']>[1], contractId: string, requested: Party | undefined) {
    const caller = callerOf(call);
    const { contract, parties } = await contractFor(deps, caller, requireUuid(contractId, 'contract_id'));
    const party = orThrow(chooseParty(parties, requested));
    return { contract, parties, actor: await actorOf(caller, party) };
  }

  /** Terms checked against the person's current profile, the contract's approved holidays and programs. */
  async function validTerms(input: TermsInput, person: PersonFacts, contractId?: string): Promise<Terms> {
    const holidays = contractId ? approvedHolidays(await store.listHolidaysOf(deps.pool, [contractId])) : [];
    const terms = orThrow(prefixed(validateTerms(input, { profile: person.competences, holidays }), 'terms'));
    const projects = await Promise.all(terms.preferredProjectIds.map((id) => deps.directory.projects.getProject(id)));
    const unknown = projects.findIndex((project) => !project);
    if (unknown >= 0) throw invalid(`terms.preferred_project_ids.${unknown}`, 'is not a known project', 'unknown_project');
    return terms;
  }

  async function knownPerson(personId: string): Promise<PersonFacts> {
    const person = await deps.directory.person(personId);
    if (!person) throw new Refused('not_found', 'person_not_found', `No person with id ${personId}`);
    return person;
  }

  async function refuseOverlap(tx: Tx, personId: string, terms: Terms, exceptId?: string): Promise<void> {
    const overlapping = await store.overlappingContracts(tx, personId, terms.periodStart, terms.periodEnd, exceptId);
    if (overlapping.length) {
      throw new Refused(
        'conflict',
        'contract_overlaps',
        `The person already has a contract over part of ${terms.periodStart} to ${terms.periodEnd} (${overlapping.join(', ')})`,
        [{ field: 'terms.period_start', message: 'overlaps another contract of the person' }],
      );
    }
  }

  async function record(
    tx: Tx,
    contract: ContractRecord,
    actor: Actor,
    step: Step,
    version: number | null,
    comment: string,
  ): Promise<void> {
    await store.appendStep(tx, contract.id, {
      step,
      party: actor.party,
      actor: actor.text,
      actorName: actor.name,
      at: actor.at,
      version,
      comment,
    });
  }

  /** Writes a new version with its proposer's acceptance, its step and its event. */
  async function writeProposal(
    tx: Tx,
    contract: ContractRecord,
    transition: Transition,
    terms: Terms,
    actor: Actor,
    comment: string,
  ): Promise<void> {
    const version: VersionRecord = {
      contractId: contract.id,
      version: transition.state.latestVersion,
      terms,
      proposedByParty: actor.party,
      proposedBy: actor.text,
      proposedByName: actor.name,
      proposedAt: actor.at,
      comment,
      amendment: contract.inForceVersion !== null,
      signedAt: null,
    };
    await store.insertVersion(tx, version);
    await store.insertAcceptance(tx, {
      contractId: contract.id,
      version: version.version,
      party: actor.party,
      acceptedBy: actor.text,
      acceptedByName: actor.name,
      acceptedAt: actor.at,
    });
    for (const step of transition.steps) await record(tx, contract, actor, step, version.version, comment);
    await events.contractProposed(tx, contract, version);
  }

  /**
   * Signing must not take the employer beyond its commitment for the year. The lock makes two
   * contracts of one employer signing at once count each other.
   */
  async function checkCommitment(tx: Tx, contract: ContractRecord, terms: Terms): Promise<void> {
    if (!contract.employerId) return;
    const year = yearOf(terms.periodStart);
    await store.lockCommitment(tx, contract.employerId, year);
    const [commitment, others] = await Promise.all([
      store.getCommitment(tx, contract.employerId, year),
      store.employeeContracts(tx, contract.employerId, year, contract.id),
    ]);
    const allocatedToOthers = others.reduce((total, other) => total + allocationOf(other), 0);
    throwIfRefused(checkAllocation(year, commitment?.committedMinutes ?? 0, allocatedToOthers, terms.yearlyMinutes));
  }

  async function detailAfter(contractId: string, parties: Party[]) {
    return contractDetail(deps.pool, (await store.getContract(deps.pool, contractId))!, parties);
  }

  /** Where a caller stands towards a person who has no contract yet: as themselves, their employer or their office. */
  async function proposerParties(
    caller: Caller,
    person: PersonFacts,
    employerId: string | null,
    officeId: string | null,
  ): Promise<Party[]> {
    if (caller.kind !== 'person') return [];
    const isPerson = caller.personId === person.id;
    const [actsForEmployer, actsForOffice] = isPerson
      ? [false, false]
      : await Promise.all([
          employerId ? deps.directory.may(caller, 'contracts.employer.act', employerId) : false,
          officeId ? deps.directory.may(caller, 'contracts.office.act', officeId) : false,
        ]);
    return partiesOfCaller(person.status, { isPerson, actsForEmployer, actsForOffice });
  }

  function employerOf(person: PersonFacts, requested: string | undefined): { id: string; name: string } | null {
    if (person.status !== 'employee') {
      if (requested) throw invalid('employer_id', 'only the contract of an employee has an employer');
      return null;
    }
    if (requested) {
      const membership = person.memberships.find((m) => m.organizationId === requested);
      if (!membership) throw invalid('employer_id', 'is not an organization the person belongs to', 'not_the_employer');
      return { id: membership.organizationId, name: membership.organizationName };
    }
    if (!person.employer)
      throw new Refused(
        'conflict',
        'no_employer',
        'The person is an employee of no organization: their employer invites them, and they accept, first',
      );
    return person.employer;
  }

  return {
    async proposeContract(request, call) {
      const caller = callerOf(call);
      const personId = requireUuid(request.personId, 'person_id');
      const comment = commentOf(request.comment);
      const key = idempotencyKeyOf(request.idempotencyKey);
      const person = await deps.directory.person(personId);
      // An unknown person looks like one the caller may not propose to.
      if (!person) throw forbidden('You cannot propose a contract for this person');
      const requestedEmployer = optionalUuid(request.employerId, 'employer_id');
      const office = await deps.directory.officeFor(person.territoryPath);
      // A caller acts for an employer of the person only: one of the organizations identity lists
      // as theirs, which it does once the person accepted its invitation. Naming any other gives no
      // standing, and no standing is refused as an unknown person is, telling nothing about them.
      const theirs = requestedEmployer ? person.memberships.some((m) => m.organizationId === requestedEmployer) : false;
      const employerId = requestedEmployer ? (theirs ? requestedEmployer : null) : (person.employer?.id ?? null);
      const parties = await proposerParties(caller, person, employerId, office?.id ?? null);
      if (parties.length === 0) throw forbidden('You cannot propose a contract for this person');
      const party = orThrow(chooseParty(parties, partyFromProto(request.party)));
      const employer = employerOf(person, requestedEmployer);
      if (!office) throw new Refused('conflict', 'no_office', "No Engagement 21 office serves the person's territory yet");
      const terms = await validTerms(termsInputFromProto(request.terms), person);
      const actor = await actorOf(caller, party);
      const { state } = orThrow(openNegotiation(person.status, party));
      const contract: ContractRecord = {
        id: randomUUID(),
        personId,
        personName: person.name,
        kind: person.status,
        employerId: employer?.id ?? null,
        employerName: employer?.name ?? '',
        officeId: office.id,
        officeName: office.name,
        officeTerritoryId: office.territoryId,
        status: state.status,
        latestVersion: state.latestVersion,
        inForceVersion: state.inForceVersion,
        pendingVersion: state.pendingVersion,
        terminationDate: null,
        terminationReason: null,
        createdAt: actor.at,
        updatedAt: actor.at,
      };
      const transition = { state, steps: ['proposed' as const] };
      const fingerprint = requestHash({ ...request, idempotencyKey: '' });
      try {
        const id = await withTransaction(deps.pool, async (tx) => {
          await store.lockPerson(tx, personId);
          const replayed = key ? await replayOf(tx, actor.text, 'propose_contract', key, fingerprint) : undefined;
          if (replayed) return replayed;
          await refuseOverlap(tx, personId, terms);
          await store.insertContract(tx, contract);
          await writeProposal(tx, contract, transition, terms, actor, comment);
          if (key) await saveIdempotent(tx, actor.text, 'propose_contract', key, fingerprint, contract.id);
          return contract.id;
        });
        return await detailAfter(id, [party]);
      } catch (error) {
        // The same key sent twice at once: the second waited for the first and finds its contract.
        if (key && isUniqueViolation(error, 'idempotency_keys_pkey')) {
          const replayed = await replayOf(deps.pool, actor.text, 'propose_contract', key, fingerprint);
          if (replayed) return detailAfter(replayed, [party]);
        }
        throw error;
      }
    },

    async proposeTerms(request, call) {
      const { contract, parties, actor } = await acting(call, request.contractId, partyFromProto(request.party));
      const baseVersion = requireVersion(request.baseVersion, 'base_version');
      const comment = commentOf(request.comment);
      const terms = await validTerms(termsInputFromProto(request.terms), await knownPerson(contract.personId), contract.id);
      await withTransaction(deps.pool, async (tx) => {
        const locked = (await store.getContract(tx, contract.id, { forUpdate: true }))!;
        const transition = orThrow(propose(stateOf(locked, await acceptedBy(tx, locked)), actor.party, baseVersion));
        await refuseOverlap(tx, locked.personId, terms, locked.id);
        const updated = withState(locked, transition.state, actor.at);
        await store.updateContract(tx, updated);
        await writeProposal(tx, locked, transition, terms, actor, comment);
      });
      return detailAfter(contract.id, parties);
    },

    async acceptVersion(request, call) {
      const { contract, parties, actor } = await acting(call, request.contractId, partyFromProto(request.party));
      const version = requireVersion(request.version, 'version');
      const comment = commentOf(request.comment);
      await withTransaction(deps.pool, async (tx) => {
        // Two parties accepting at once take turns here: the second sees the first's acceptance,
        // so exactly one of them signs.
        const locked = (await store.getContract(tx, contract.id, { forUpdate: true }))!;
        const previousInForce = locked.inForceVersion;
        const result = orThrow(accept(stateOf(locked, await acceptedBy(tx, locked)), actor.party, version));
        if (result.alreadyAccepted) return;
        await store.insertAcceptance(tx, {
          contractId: locked.id,
          version,
          party: actor.party,
          acceptedBy: actor.text,
          acceptedByName: actor.name,
          acceptedAt: actor.at,
        });
        if (result.signed) {
          await checkCommitment(tx, locked, (await store.getVersion(tx, locked.id, version))!.terms);
          await store.markVersionSigned(tx, locked.id, version, actor.at);
        }
        const updated = withState(locked, result.state, actor.at);
        await store.updateContract(tx, updated);
        for (const step of result.steps) await record(tx, locked, actor, step, version, step === 'accepted' ? comment : '');
        if (!result.signed) return;
        const signed = await sarContract(tx, updated);
        const acceptances = await store.listAcceptances(tx, locked.id, version);
        if (previousInForce === null) await events.contractSigned(tx, signed, acceptances);
        else await events.contractAmended(tx, signed, previousInForce, acceptances);
      });
      return detailAfter(contract.id, parties);
    },

    async withdrawProposal(request, call) {
      const { contract, parties, actor } = await acting(call, request.contractId, partyFromProto(request.party));
      const version = requireVersion(request.version, 'version');
      const comment = commentOf(request.comment);
      await withTransaction(deps.pool, async (tx) => {
        const locked = (await store.getContract(tx, contract.id, { forUpdate: true }))!;
        const result = orThrow(withdraw(stateOf(locked, await acceptedBy(tx, locked)), actor.party, version));
        await store.updateContract(tx, withState(locked, result.state, actor.at));
        for (const step of result.steps) await record(tx, locked, actor, step, version, comment);
        await events.contractWithdrawn(tx, locked, version, actor.party, actor.text, result.amendment);
      });
      return detailAfter(contract.id, parties);
    },

    async suspendContract(request, call) {
      const { contract, parties, actor } = await acting(call, request.contractId, partyFromProto(request.party));
      const reason = commentOf(request.reason, 'reason');
      await withTransaction(deps.pool, async (tx) => {
        const locked = (await store.getContract(tx, contract.id, { forUpdate: true }))!;
        const result = orThrow(suspend(stateOf(locked, await acceptedBy(tx, locked)), actor.party, reason));
        const updated = withState(locked, result.state, actor.at);
        await store.updateContract(tx, updated);
        for (const step of result.steps) await record(tx, locked, actor, step, locked.inForceVersion, reason);
        await events.contractSuspended(tx, await sarContract(tx, updated), actor.party, actor.text, reason);
      });
      return detailAfter(contract.id, parties);
    },

    async resumeContract(request, call) {
      const { contract, parties, actor } = await acting(call, request.contractId, partyFromProto(request.party));
      const comment = commentOf(request.comment);
      await withTransaction(deps.pool, async (tx) => {
        const locked = (await store.getContract(tx, contract.id, { forUpdate: true }))!;
        const result = orThrow(resume(stateOf(locked, await acceptedBy(tx, locked)), actor.party));
        const updated = withState(locked, result.state, actor.at);
        await store.updateContract(tx, updated);
        for (const step of result.steps) await record(tx, locked, actor, step, locked.inForceVersion, comment);
        await events.contractResumed(tx, await sarContract(tx, updated), actor.party, actor.text);
      });
      return detailAfter(contract.id, parties);
    },

    async terminateContract(request, call) {
      const { contract, parties, actor } = await acting(call, request.contractId, partyFromProto(request.party));
      const endDate = requireDate(request.endDate, 'end_date');
      const reason = commentOf(request.reason, 'reason');
      await withTransaction(deps.pool, async (tx) => {
        const locked = (await store.getContract(tx, contract.id, { forUpdate: true }))!;
        const inForce = locked.inForceVersion !== null ? await store.getVersion(tx, locked.id, locked.inForceVersion) : undefined;
        const period = inForce?.terms ?? { periodStart: endDate, periodEnd: endDate };
        const today = actor.at.toISOString().slice(0, 10);
        const result = orThrow(
          terminate(stateOf(locked, await acceptedBy(tx, locked)), actor.party, {
            endDate,
            reason,
            periodStart: period.periodStart,
            periodEnd: period.periodEnd,
            today,
          }),
        );
        const updated = { ...withState(locked, result.state, actor.at), terminationDate: endDate, terminationReason: reason.trim() };
        await store.updateContract(tx, updated);
        for (const step of result.steps) await record(tx, locked, actor, step, locked.inForceVersion, reason);
        await events.contractTerminated(tx, await sarContract(tx, updated), actor.party, actor.text, endDate, reason.trim());
      });
      return detailAfter(contract.id, parties);
    },
  };
}
