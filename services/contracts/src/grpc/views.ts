// How a contract is read back: its negotiation state, its terms as a SarContract, its full detail.
import type { Queryable } from '@e21/kit';
import type { ContractDetail, SarContract } from '@e21/proto/e21/contracts/v1/contracts';
import type { ContractRecord } from '../domain/contracts.js';
import { holidaysAwaiting, type HolidaysRecord } from '../domain/holidays.js';
import { awaiting, partiesOf, type NegotiationState, type Party } from '../domain/negotiation.js';
import type { HolidayBlock } from '../domain/schedule.js';
import { diffTerms } from '../domain/terms.js';
import { contractToProto, holidaysToProto, partyToProto, stepToProto, versionToProto } from '../mapping.js';
import * as store from '../store/index.js';

export function stateOf(contract: ContractRecord, acceptedBy: Party[]): NegotiationState {
  return {
    kind: contract.kind,
    status: contract.status,
    latestVersion: contract.latestVersion,
    inForceVersion: contract.inForceVersion,
    pendingVersion: contract.pendingVersion,
    acceptedBy,
  };
}

export function withState(contract: ContractRecord, state: NegotiationState, at: Date): ContractRecord {
  return {
    ...contract,
    status: state.status,
    latestVersion: state.latestVersion,
    inForceVersion: state.inForceVersion,
    pendingVersion: state.pendingVersion,
    updatedAt: at,
  };
}

/** The parties that accepted the version under negotiation. */
export async function acceptedBy(db: Queryable, contract: ContractRecord): Promise<Party[]> {
  if (contract.pendingVersion === null) return [];
  return (await store.listAcceptances(db, contract.id, contract.pendingVersion)).map((a) => a.party);
}

/** The contract with the terms in force, or those of the latest proposal before any signature. */
export async function sarContract(db: Queryable, contract: ContractRecord): Promise<SarContract> {
  const version = (await store.getVersion(db, contract.id, contract.inForceVersion ?? contract.latestVersion))!;
  return contractToProto(contract, version, contract.inForceVersion !== null ? version.signedAt : null);
}

export const approvedHolidays = (holidays: HolidaysRecord[]): HolidayBlock[] =>
  holidays.filter((h) => h.status === 'approved').map((h) => ({ startDate: h.startDate, endDate: h.endDate, minutes: h.minutes }));

export async function contractDetail(db: Queryable, contract: ContractRecord, callerParties: Party[]): Promise<ContractDetail> {
  const [versions, acceptances, steps, holidays] = await Promise.all([
    store.listVersions(db, contract.id),
    store.listAcceptances(db, contract.id),
    store.listSteps(db, contract.id),
    store.listHolidaysOf(db, [contract.id]),
  ]);
  const state = stateOf(
    contract,
    acceptances.filter((a) => a.version === contract.pendingVersion).map((a) => a.party),
  );
  const inForce = versions.find((v) => v.version === (contract.inForceVersion ?? contract.latestVersion))!;
  return {
    contract: contractToProto(contract, inForce, contract.inForceVersion !== null ? inForce.signedAt : null),
    parties: partiesOf(contract.kind).map(partyToProto),
    callerParties: callerParties.map(partyToProto),
    awaiting: awaiting(state).map(partyToProto),
    versions: versions.map((v, i) =>
      versionToProto(
        v,
        acceptances.filter((a) => a.version === v.version),
        i > 0 ? diffTerms(versions[i - 1]!.terms, v.terms) : [],
      ),
    ),
    history: steps.map(stepToProto),
    holidays: holidays.map(holidaysToProto),
  };
}

/** How many open holidays of a contract wait for one of the caller's parties. */
export function holidaysAwaitingCount(contract: ContractRecord, holidays: HolidaysRecord[], parties: Party[]): number {
  return holidays.filter((h) => h.contractId === contract.id && parties.includes(holidaysAwaiting(h.status, contract.kind) as Party))
    .length;
}
