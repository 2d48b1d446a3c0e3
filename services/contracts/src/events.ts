// What the contracts service publishes: each change's event, written to the outbox in the
// change's transaction. (The consumer of timesheets.entry.approved, which fills consumed_minutes,
// comes with the timesheets service.)
import { appendEvent, type Queryable } from '@e21/kit';
import { contractsEvents } from '@e21/events';
import type { SarContract } from '@e21/proto/e21/contracts/v1/contracts';
import type { EmployerCommitment } from './domain/commitment.js';
import type { Party } from './domain/negotiation.js';
import { acceptanceToProto, commitmentToProto, holidaysToProto, partyToProto, termsToProto } from './mapping.js';
import type { AcceptanceRecord, ContractRecord, HolidaysRecord, VersionRecord } from './store.js';

const SOURCE = 'e21/contracts';

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
  appendEvent(tx, SOURCE, contractsEvents.contractAmended, contract.id, { contract, previousVersion, acceptances: acceptances.map(acceptanceToProto) });

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
  appendEvent(tx, SOURCE, contractsEvents.contractSuspended, contract.id, { contract, party: partyToProto(party), suspendedBy: by, reason });

export const contractResumed = (tx: Queryable, contract: SarContract, party: Party, by: string) =>
  appendEvent(tx, SOURCE, contractsEvents.contractResumed, contract.id, { contract, party: partyToProto(party), resumedBy: by });

export const contractTerminated = (tx: Queryable, contract: SarContract, party: Party, by: string, endDate: string, reason: string) =>
  appendEvent(tx, SOURCE, contractsEvents.contractTerminated, contract.id, { contract, endDate, reason, party: partyToProto(party), terminatedBy: by });

export const holidaysApproved = (tx: Queryable, holidays: HolidaysRecord) =>
  appendEvent(tx, SOURCE, contractsEvents.holidaysApproved, holidays.id, { holidays: holidaysToProto(holidays) });
