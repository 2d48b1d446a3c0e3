// Typed calls to the gateway's contracts endpoints: commitments, SAR contracts and their
// negotiation, allowances, documents and SAR holidays.
import { api, idempotent, ifMatch } from '../api';
import type { Items, Page } from './identity';

export const PARTIES = ['person', 'employer', 'office'] as const;
export type Party = (typeof PARTIES)[number];
export type ContractKind = 'employee' | 'freelancer' | 'retired' | 'student' | 'unemployed' | 'volunteer';
export type ContractStatus = 'negotiating' | 'signed' | 'suspended' | 'terminated' | 'withdrawn';
export type HolidaysStatus = 'requested' | 'employer_agreed' | 'approved' | 'refused' | 'cancelled';

export interface ScheduleBlock {
  startDate: string;
  endDate: string;
  minutes: number;
  label: string;
}

export interface Blackout {
  startDate: string;
  endDate: string;
  reason: string;
}

export interface Schedule {
  weeklyAllowanceMinutes: number;
  blocks: ScheduleBlock[];
  blackouts: Blackout[];
}

export interface Terms {
  periodStart: string;
  periodEnd: string;
  yearlyMinutes: number;
  competences: { skillId: string; label: string }[];
  schedule: Schedule;
  preferredProjectIds: string[];
}

/** Terms as proposed: competences are skill ids of the person's profile. */
export interface TermsInput {
  periodStart: string;
  periodEnd: string;
  yearlyMinutes: number;
  competences: string[];
  schedule: Schedule;
  preferredProjectIds: string[];
}

export interface SarContract {
  id: string;
  personId: string;
  personName: string;
  kind: ContractKind;
  employerId: string | null;
  employerName: string | null;
  officeId: string;
  officeName: string;
  status: ContractStatus;
  version: number;
  inForceVersion: number | null;
  latestVersion: number;
  pendingVersion: number | null;
  terms: Terms;
  signedAt: string | null;
  terminationDate: string | null;
  updatedAt: string;
}

export interface Acceptance {
  party: Party;
  acceptedByName: string;
  acceptedAt: string;
}

export interface ContractVersion {
  version: number;
  terms: Terms;
  proposedByParty: Party;
  proposedByName: string;
  proposedAt: string;
  comment: string;
  amendment: boolean;
  signedAt: string | null;
  acceptances: Acceptance[];
  changes: { field: string; before: string; after: string }[];
}

export interface HistoryStep {
  step: string;
  party: Party | null;
  actorName: string;
  at: string;
  version: number | null;
  comment: string;
}

export interface Holidays {
  id: string;
  contractId: string;
  projectId: string;
  projectTitle: string;
  projectKind: string;
  startDate: string;
  endDate: string;
  minutes: number;
  status: HolidaysStatus;
  comment: string;
  decisionComment: string;
  version: number;
}

export interface ContractDetail {
  contract: SarContract;
  parties: Party[];
  callerParties: Party[];
  awaiting: Party[];
  versions: ContractVersion[];
  history: HistoryStep[];
  holidays: Holidays[];
}

export interface InboxItem {
  contract: SarContract;
  callerParties: Party[];
  awaiting: Party[];
  awaitingYou: boolean;
  holidaysAwaitingYou: number;
}

export interface Commitment {
  year: number;
  basis: 'absolute' | 'share';
  committedMinutes: number;
  shareBasisPoints: number;
  declaredEmployees: number;
  declaredMinutesPerEmployee: number;
  version: number;
}

export type CommitmentInput =
  | { basis: 'absolute'; minutes: number }
  | { basis: 'share'; shareBasisPoints: number; declaredEmployees: number; declaredMinutesPerEmployee: number };

export interface CommitmentReport {
  year: number;
  commitment: Commitment | null;
  committedMinutes: number;
  allocatedMinutes: number;
  consumedMinutes: number;
  unallocatedMinutes: number;
  employees: {
    personId: string;
    personName: string;
    contractId: string;
    status: ContractStatus;
    allocatedMinutes: number;
    consumedMinutes: number;
    periodStart: string;
    periodEnd: string;
  }[];
}

/** A project of mine, for SAR holidays (from the programs service). */
export interface MyProject {
  id: string;
  title: string;
  kind: string;
  status: string;
  coordinatorId: string;
}

const id = encodeURIComponent;

export const listInbox = (cursor?: string | null) => api.get<Page<InboxItem>>('/v1/contracts', { query: { cursor, limit: 100 } });

export const getContract = (contractId: string) => api.get<ContractDetail>(`/v1/contracts/${id(contractId)}`);

export const proposeContract = (body: { personId: string; terms: TermsInput; comment?: string }, idempotencyKey: string) =>
  api.post<ContractDetail>('/v1/contracts', body, idempotent(idempotencyKey));

export const proposeTerms = (contractId: string, baseVersion: number, body: { terms: TermsInput; comment?: string; party?: Party }) =>
  api.post<ContractDetail>(`/v1/contracts/${id(contractId)}/versions`, body, ifMatch(baseVersion));

export const acceptVersion = (contractId: string, v: number, body: { comment?: string; party?: Party }) =>
  api.post<ContractDetail>(`/v1/contracts/${id(contractId)}/acceptances`, body, ifMatch(v));

export const withdrawVersion = (contractId: string, v: number, body: { comment?: string; party?: Party }) =>
  api.post<ContractDetail>(`/v1/contracts/${id(contractId)}/withdrawal`, body, ifMatch(v));

export const suspendContract = (contractId: string, body: { reason: string; party?: Party }) =>
  api.post<ContractDetail>(`/v1/contracts/${id(contractId)}/suspension`, body);

export const resumeContract = (contractId: string, body: { comment?: string; party?: Party }) =>
  api.post<ContractDetail>(`/v1/contracts/${id(contractId)}/resumption`, body);

export const terminateContract = (contractId: string, body: { endDate: string; reason: string; party?: Party }) =>
  api.post<ContractDetail>(`/v1/contracts/${id(contractId)}/termination`, body);

export const documentHref = (contractId: string, format: 'pdf' | 'json', v?: number) =>
  `/v1/contracts/${id(contractId)}/document?format=${format}${v ? `&version=${v}` : ''}`;

export const requestHolidays = (
  contractId: string,
  body: { projectId: string; startDate: string; endDate: string; minutes: number; comment?: string },
  idempotencyKey: string,
) => api.post<Holidays>(`/v1/contracts/${id(contractId)}/holidays`, body, idempotent(idempotencyKey));

export type HolidaysDecision = 'agreement' | 'approval' | 'refusal' | 'cancellation';

export const decideHolidays = (holidaysId: string, decision: HolidaysDecision, v: number, comment?: string) =>
  api.post<Holidays>(`/v1/holidays/${id(holidaysId)}/${decision}`, { comment }, ifMatch(v));

export const listHolidaysWaiting = () => api.get<Items<Holidays>>('/v1/holidays');

export const getCommitmentReport = (organizationId: string, year: number) =>
  api.get<CommitmentReport>(`/v1/organizations/${id(organizationId)}/commitments/${year}`);

export const setCommitment = (organizationId: string, year: number, body: CommitmentInput, currentVersion?: number) =>
  api.put<Commitment>(
    `/v1/organizations/${id(organizationId)}/commitments/${year}`,
    body,
    currentVersion ? ifMatch(currentVersion) : undefined,
  );

export const listMyProjects = () => api.get<Items<MyProject>>('/v1/me/projects');

/** A person's competence profile (theirs, their employer's HR managers, their office). */
export const listPersonCompetences = (personId: string) =>
  api.get<Items<{ skillId: string; label: string }>>(`/v1/people/${id(personId)}/competences`);
