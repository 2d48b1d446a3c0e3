// A SAR contract as the service keeps it: the contract with where its negotiation stands, its
// immutable versions of terms, each party's acceptance of a version, and the history of its steps.
// The rules that move it (when it is signed, amended, withdrawn...) are in negotiation.ts.
import type { ContractKind, ContractStatus, Party, Step } from './negotiation.js';
import type { Terms } from './terms.js';

export interface ContractRecord {
  id: string;
  personId: string;
  /** Names as they were when the contract was opened, so the contract reads without identity. */
  personName: string;
  /** The person's status when the contract was opened: it decides the parties. */
  kind: ContractKind;
  /** The employer party, for an employee's contract only. */
  employerId: string | null;
  employerName: string;
  /** The Engagement 21 office nearest to the person, third party to every contract. */
  officeId: string;
  officeName: string;
  officeTerritoryId: string;
  status: ContractStatus;
  latestVersion: number;
  inForceVersion: number | null;
  pendingVersion: number | null;
  terminationDate: string | null;
  terminationReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One proposal of terms; never changed once written, only signed. */
export interface VersionRecord {
  contractId: string;
  version: number;
  terms: Terms;
  proposedByParty: Party;
  proposedBy: string;
  proposedByName: string;
  proposedAt: Date;
  comment: string;
  /** A proposal made while another version is in force. */
  amendment: boolean;
  signedAt: Date | null;
}

export interface AcceptanceRecord {
  contractId: string;
  version: number;
  party: Party;
  acceptedBy: string;
  acceptedByName: string;
  acceptedAt: Date;
}

/** One line of a contract's history: a negotiation step, or a step of its SAR holidays. */
export interface StepRecord {
  step: Step | `holidays_${string}`;
  party: Party | null;
  actor: string;
  actorName: string;
  at: Date;
  version: number | null;
  comment: string;
}
