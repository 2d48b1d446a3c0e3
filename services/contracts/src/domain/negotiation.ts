// The negotiation of a SAR contract as a state machine: proposals are immutable versions, a party
// accepts one version, and the contract is signed when every party accepted the same version.
import { refusal, type RefusalValue } from '@e21/kit';

export const CONTRACT_KINDS = ['employee', 'freelancer', 'retired', 'student', 'unemployed', 'volunteer'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];
export const PARTIES = ['person', 'employer', 'office'] as const;
export type Party = (typeof PARTIES)[number];
export const CONTRACT_STATUSES = ['negotiating', 'signed', 'suspended', 'terminated', 'withdrawn'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export type Step =
  | 'proposed'
  | 'counter_proposed'
  | 'amendment_proposed'
  | 'accepted'
  | 'signed'
  | 'amended'
  | 'withdrawn'
  | 'suspended'
  | 'resumed'
  | 'terminated';

/** Where a contract's negotiation stands; the store keeps it on the contract row. */
export interface NegotiationState {
  kind: ContractKind;
  status: ContractStatus;
  latestVersion: number;
  /** The signed version in force; null until the first signature. */
  inForceVersion: number | null;
  /** The version under negotiation (first proposal, counter-proposal or amendment); null when none. */
  pendingVersion: number | null;
  /** The parties that accepted the pending version. */
  acceptedBy: Party[];
}

export interface Transition {
  state: NegotiationState;
  steps: Step[];
}

export const REASON_MAX_LENGTH = 1000;

/** Employees negotiate with their employer and the office; everyone else with the office alone. */
export function partiesOf(kind: ContractKind): Party[] {
  return kind === 'employee' ? ['person', 'employer', 'office'] : ['person', 'office'];
}

/** The parties that have not accepted the version under negotiation. */
export function awaiting(state: NegotiationState): Party[] {
  if (state.pendingVersion === null) return [];
  return partiesOf(state.kind).filter((party) => !state.acceptedBy.includes(party));
}

function notAParty(state: NegotiationState, party: Party): RefusalValue | undefined {
  if (partiesOf(state.kind).includes(party)) return undefined;
  return refusal('forbidden', 'not_a_party', `The ${party} is not a party to a contract of a ${state.kind}`);
}

function closed(state: NegotiationState): RefusalValue | undefined {
  if (state.status === 'terminated' || state.status === 'withdrawn') {
    return refusal('conflict', 'contract_closed', `The contract is ${state.status}; nothing more can be negotiated on it`);
  }
  return undefined;
}

function staleVersion(state: NegotiationState, version: number, expected: number | null): RefusalValue {
  const now = expected === null ? 'no version is under negotiation' : `version ${expected} is the one under negotiation`;
  return refusal(
    'stale',
    'stale_version',
    `Version ${version} is not current: ${now} (latest ${state.latestVersion}); reload the contract`,
  );
}

/** The first proposal opens the negotiation at version 1; proposing means accepting one's own terms. */
export function openNegotiation(kind: ContractKind, proposer: Party): Transition | RefusalValue {
  const state: NegotiationState = {
    kind,
    status: 'negotiating',
    latestVersion: 0,
    inForceVersion: null,
    pendingVersion: null,
    acceptedBy: [],
  };
  const refused = notAParty(state, proposer);
  if (refused) return refused;
  return { state: { ...state, latestVersion: 1, pendingVersion: 1, acceptedBy: [proposer] }, steps: ['proposed'] };
}

/**
 * A new version, proposed on top of the latest one the party saw (`baseVersion`): a
 * counter-proposal while negotiating, or an amendment of a signed contract. Earlier acceptances no
 * longer count: only the proposer accepts the new version.
 */
export function propose(state: NegotiationState, party: Party, baseVersion: number): Transition | RefusalValue {
  const refused = notAParty(state, party) ?? closed(state);
  if (refused) return refused;
  if (state.status === 'suspended')
    return refusal('conflict', 'contract_suspended', 'A suspended contract is resumed before it is amended');
  if (baseVersion !== state.latestVersion) return staleVersion(state, baseVersion, state.latestVersion);
  const version = state.latestVersion + 1;
  const step: Step = state.pendingVersion !== null ? 'counter_proposed' : state.inForceVersion !== null ? 'amendment_proposed' : 'proposed';
  return { state: { ...state, latestVersion: version, pendingVersion: version, acceptedBy: [party] }, steps: [step] };
}

/**
 * A party accepts `version`, which must be the one under negotiation. When it makes every party's
 * acceptance of that same version, the contract is signed (or the amendment comes into force).
 */
export function accept(
  state: NegotiationState,
  party: Party,
  version: number,
): (Transition & { signed: boolean; alreadyAccepted: boolean }) | RefusalValue {
  const refused = notAParty(state, party) ?? closed(state);
  if (refused) return refused;
  // Every party accepted the version in force: accepting it again (a retry) changes nothing.
  if (state.pendingVersion === null && version === state.inForceVersion) return { state, steps: [], signed: false, alreadyAccepted: true };
  if (state.pendingVersion === null) return refusal('conflict', 'nothing_to_accept', 'No version is under negotiation');
  if (state.status === 'suspended')
    return refusal('conflict', 'contract_suspended', 'A suspended contract is resumed before an amendment is accepted');
  if (version !== state.pendingVersion) return staleVersion(state, version, state.pendingVersion);
  if (state.acceptedBy.includes(party)) return { state, steps: [], signed: false, alreadyAccepted: true };
  const acceptedBy = [...state.acceptedBy, party];
  const everyone = partiesOf(state.kind).every((p) => acceptedBy.includes(p));
  if (!everyone) return { state: { ...state, acceptedBy }, steps: ['accepted'], signed: false, alreadyAccepted: false };
  const amendment = state.inForceVersion !== null;
  return {
    state: { ...state, status: 'signed', inForceVersion: version, pendingVersion: null, acceptedBy: [] },
    steps: ['accepted', amendment ? 'amended' : 'signed'],
    signed: true,
    alreadyAccepted: false,
  };
}

/**
 * A party withdraws the version under negotiation. A first negotiation then ends; a withdrawn
 * amendment leaves the signed version in force.
 */
export function withdraw(state: NegotiationState, party: Party, version: number): (Transition & { amendment: boolean }) | RefusalValue {
  const refused = notAParty(state, party) ?? closed(state);
  if (refused) return refused;
  if (state.pendingVersion === null) return refusal('conflict', 'nothing_to_withdraw', 'No version is under negotiation');
  if (version !== state.pendingVersion) return staleVersion(state, version, state.pendingVersion);
  const amendment = state.inForceVersion !== null;
  const status: ContractStatus = amendment ? state.status : 'withdrawn';
  return { state: { ...state, status, pendingVersion: null, acceptedBy: [] }, steps: ['withdrawn'], amendment };
}

function reasonProblem(reason: string, field = 'reason'): RefusalValue | undefined {
  const trimmed = reason.trim();
  if (trimmed && trimmed.length <= REASON_MAX_LENGTH) return undefined;
  return refusal('invalid', 'validation_failed', `${field} must be 1 to ${REASON_MAX_LENGTH} characters`, [
    { field, message: `must be 1 to ${REASON_MAX_LENGTH} characters` },
  ]);
}

/** The employer or the office puts a signed contract on hold; an amendment under negotiation is dropped. */
export function suspend(state: NegotiationState, party: Party, reason: string): Transition | RefusalValue {
  const refused = notAParty(state, party) ?? reasonProblem(reason);
  if (refused) return refused;
  if (party === 'person')
    return refusal('forbidden', 'party_cannot_suspend', 'Only the employer or the office suspends a contract; the person may terminate it');
  if (state.status !== 'signed')
    return refusal('conflict', 'not_signed', `Only a signed contract can be suspended; this one is ${state.status}`);
  return { state: { ...state, status: 'suspended', pendingVersion: null, acceptedBy: [] }, steps: ['suspended'] };
}

export function resume(state: NegotiationState, party: Party): Transition | RefusalValue {
  const refused = notAParty(state, party);
  if (refused) return refused;
  if (party === 'person')
    return refusal('forbidden', 'party_cannot_resume', 'Only the employer or the office resumes a suspended contract');
  if (state.status !== 'suspended')
    return refusal('conflict', 'not_suspended', `Only a suspended contract can be resumed; this one is ${state.status}`);
  return { state: { ...state, status: 'signed' }, steps: ['resumed'] };
}

/**
 * Any party ends a signed (or suspended) contract on `endDate`, which lies within its period and
 * not before `today`: hours already logged stay, none can be logged after it.
 */
export function terminate(
  state: NegotiationState,
  party: Party,
  termination: { endDate: string; reason: string; periodStart: string; periodEnd: string; today: string },
): Transition | RefusalValue {
  const refused = notAParty(state, party) ?? reasonProblem(termination.reason);
  if (refused) return refused;
  if (state.status !== 'signed' && state.status !== 'suspended') {
    return refusal('conflict', 'not_signed', `Only a signed contract can be terminated; this one is ${state.status}`);
  }
  const { endDate, periodStart, periodEnd, today } = termination;
  const earliest = periodStart > today ? periodStart : today;
  if (endDate < earliest || endDate > periodEnd) {
    return refusal('invalid', 'invalid_end_date', `end_date must be from ${earliest} to ${periodEnd}`, [
      { field: 'end_date', message: `must be from ${earliest} to ${periodEnd}` },
    ]);
  }
  return { state: { ...state, status: 'terminated', pendingVersion: null, acceptedBy: [] }, steps: ['terminated'] };
}
