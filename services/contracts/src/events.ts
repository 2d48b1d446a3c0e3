// What the contracts service publishes (each change's event, written to the outbox in the change's
// transaction) and consumes: timesheets' approved and corrected hours, which become the employer's consumed minutes.
import {
  appendEvent,
  eventSourceOf,
  EventConsumer,
  type EventHandler,
  type Logger,
  type NatsConnection,
  type Pool,
  type Queryable,
} from '@e21/kit';
import { contractsEvents, timesheetsEvents } from '@e21/events';
import type { SarContract } from '@e21/proto/e21/contracts/v1/contracts';
import type { TimeEntryApproved, TimeEntryCorrected } from '@e21/proto/e21/events/v1/timesheets';
import type { EmployerCommitment } from './domain/commitment.js';
import type { AcceptanceRecord, ContractRecord, VersionRecord } from './domain/contracts.js';
import type { HolidaysRecord } from './domain/holidays.js';
import type { Party } from './domain/negotiation.js';
import { acceptanceToProto, commitmentToProto, holidaysToProto, partyToProto, termsToProto } from './mapping.js';

const SOURCE = eventSourceOf('contracts');

export const commitmentSet = (tx: Queryable, commitment: EmployerCommitment, previousCommittedMinutes: number) =>
  appendEvent(tx, SOURCE, contractsEvents.commitmentSet, `${commitment.organizationId}/${commitment.year}`, {
    commitment: commitmentToProto(commitment),
    previousCommittedMinutes: BigInt(previousCommittedMinutes),
  });

export const contractProposed = (tx: Queryable, contract: ContractRecord, version: VersionRecord) =>
  appendEvent(tx, SOURCE, contractsEvents.contractProposed, contract.id, {
    contractId: contract.id,
    personId: contract.personId,
    version: version.version,
    party: partyToProto(version.proposedByParty),
    proposedBy: version.proposedBy,
    terms: termsToProto(version.terms),
    amendment: version.amendment,
    employerId: contract.employerId ?? '',
    officeId: contract.officeId,
  });

export const contractSigned = (tx: Queryable, contract: SarContract, acceptances: AcceptanceRecord[]) =>
  appendEvent(tx, SOURCE, contractsEvents.contractSigned, contract.id, { contract, acceptances: acceptances.map(acceptanceToProto) });

export const contractAmended = (tx: Queryable, contract: SarContract, previousVersion: number, acceptances: AcceptanceRecord[]) =>
  appendEvent(tx, SOURCE, contractsEvents.contractAmended, contract.id, {
    contract,
    previousVersion,
    acceptances: acceptances.map(acceptanceToProto),
  });

export const contractWithdrawn = (tx: Queryable, contract: ContractRecord, version: number, party: Party, by: string, amendment: boolean) =>
  appendEvent(tx, SOURCE, contractsEvents.contractWithdrawn, contract.id, {
    contractId: contract.id,
    personId: contract.personId,
    version,
    party: partyToProto(party),
    withdrawnBy: by,
    amendment,
  });

export const contractSuspended = (tx: Queryable, contract: SarContract, party: Party, by: string, reason: string) =>
  appendEvent(tx, SOURCE, contractsEvents.contractSuspended, contract.id, {
    contract,
    party: partyToProto(party),
    suspendedBy: by,
    reason,
  });

export const contractResumed = (tx: Queryable, contract: SarContract, party: Party, by: string) =>
  appendEvent(tx, SOURCE, contractsEvents.contractResumed, contract.id, { contract, party: partyToProto(party), resumedBy: by });

export const contractTerminated = (tx: Queryable, contract: SarContract, party: Party, by: string, endDate: string, reason: string) =>
  appendEvent(tx, SOURCE, contractsEvents.contractTerminated, contract.id, {
    contract,
    endDate,
    reason,
    party: partyToProto(party),
    terminatedBy: by,
  });

export const holidaysApproved = (tx: Queryable, holidays: HolidaysRecord) =>
  appendEvent(tx, SOURCE, contractsEvents.holidaysApproved, holidays.id, { holidays: holidaysToProto(holidays) });

/** What the consumed-minutes subscription calls, per event (consumption.ts). */
export interface ConsumedMinutesHandlers {
  approved: EventHandler<TimeEntryApproved>;
  corrected: EventHandler<TimeEntryCorrected>;
}

/**
 * Timesheets' approved hours and their corrections, which become the contracts' consumed minutes.
 * Each runs in the transaction that records the event in the inbox: a redelivered one counts once.
 */
export function consumedMinutesConsumer(
  deps: { pool: Pool; nats: NatsConnection; logger: Logger },
  count: ConsumedMinutesHandlers,
): EventConsumer {
  // A short ack wait: after a crash, the approvals it had taken are redelivered within seconds.
  return new EventConsumer({ service: 'contracts', name: 'consumed-minutes', ...deps, ackWaitMs: 10_000 })
    .on(timesheetsEvents.entryApproved, count.approved)
    .on(timesheetsEvents.entryCorrected, count.corrected);
}
