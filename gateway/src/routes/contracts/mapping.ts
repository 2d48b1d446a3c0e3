// contracts' protobuf messages as the REST API shows them: minutes as numbers, enums as words.
import { fromProtoEnum } from '@e21/kit';
import type * as proto from '@e21/proto/e21/contracts/v1/contracts';
import { orNull } from '../common.js';

type Language = 'en' | 'fr';

const minutes = (value: bigint | undefined) => Number(value ?? 0n);
const party = (value: proto.Party) => fromProtoEnum<'person' | 'employer' | 'office'>('PARTY', value)!;
const versionOrNull = (value: number) => (value > 0 ? value : null);

export const termsOut = (terms: proto.ContractTerms | undefined, language: Language) => ({
  periodStart: terms?.periodStart ?? '',
  periodEnd: terms?.periodEnd ?? '',
  yearlyMinutes: minutes(terms?.yearlyMinutes),
  competences: (terms?.competences ?? []).map((c) => ({
    skillId: c.skillId,
    label: c.labels[language] ?? c.labels.en ?? c.skillId,
    labels: c.labels,
  })),
  schedule: {
    weeklyAllowanceMinutes: minutes(terms?.schedule?.weeklyAllowanceMinutes),
    blocks: (terms?.schedule?.blocks ?? []).map((b) => ({
      startDate: b.startDate,
      endDate: b.endDate,
      minutes: minutes(b.minutes),
      label: b.label,
    })),
    blackouts: (terms?.schedule?.blackouts ?? []).map((b) => ({ startDate: b.startDate, endDate: b.endDate, reason: b.reason })),
  },
  preferredProjectIds: terms?.preferredProjectIds ?? [],
});

export const contractOut = (contract: proto.SarContract, language: Language) => ({
  id: contract.id,
  personId: contract.personId,
  personName: contract.personName,
  kind: fromProtoEnum('CONTRACT_KIND', contract.kind),
  employerId: orNull(contract.employerId),
  employerName: orNull(contract.employerName),
  officeId: contract.officeId,
  officeName: contract.officeName,
  status: fromProtoEnum('CONTRACT_STATUS', contract.status),
  version: contract.version,
  inForceVersion: versionOrNull(contract.inForceVersion),
  latestVersion: contract.latestVersion,
  pendingVersion: versionOrNull(contract.pendingVersion),
  terms: termsOut(contract.terms, language),
  signedAt: orNull(contract.signedAt),
  terminationDate: orNull(contract.terminationDate),
  createdAt: contract.createdAt,
  updatedAt: contract.updatedAt,
});

export const holidaysOut = (holidays: proto.SarHolidays) => ({
  id: holidays.id,
  contractId: holidays.contractId,
  personId: holidays.personId,
  projectId: holidays.projectId,
  projectTitle: holidays.projectTitle,
  projectKind: fromProtoEnum('PROJECT_KIND', holidays.projectKind) ?? holidays.projectKind,
  startDate: holidays.startDate,
  endDate: holidays.endDate,
  minutes: minutes(holidays.minutes),
  status: fromProtoEnum('HOLIDAYS_STATUS', holidays.status),
  comment: holidays.comment,
  requestedAt: holidays.requestedAt,
  employerAgreedAt: orNull(holidays.employerAgreedAt),
  decidedAt: orNull(holidays.decidedAt),
  decisionComment: holidays.decisionComment,
  version: holidays.version,
});

export const detailOut = (detail: proto.ContractDetail, language: Language) => ({
  contract: contractOut(detail.contract!, language),
  parties: detail.parties.map(party),
  callerParties: detail.callerParties.map(party),
  awaiting: detail.awaiting.map(party),
  versions: detail.versions.map((v) => ({
    version: v.version,
    terms: termsOut(v.terms, language),
    proposedByParty: party(v.proposedByParty),
    proposedByName: v.proposedByName,
    proposedAt: v.proposedAt,
    comment: v.comment,
    amendment: v.amendment,
    signedAt: orNull(v.signedAt),
    acceptances: v.acceptances.map((a) => ({
      version: a.version,
      party: party(a.party),
      acceptedBy: a.acceptedBy,
      acceptedByName: a.acceptedByName,
      acceptedAt: a.acceptedAt,
    })),
    changes: v.changes,
  })),
  history: detail.history.map((s) => ({
    step: s.step,
    party: fromProtoEnum<'person' | 'employer' | 'office'>('PARTY', s.party) ?? null,
    actorName: s.actorName,
    at: s.at,
    version: versionOrNull(s.version),
    comment: s.comment,
  })),
  holidays: detail.holidays.map(holidaysOut),
});

export const inboxItemOut = (item: proto.InboxItem, language: Language) => ({
  contract: contractOut(item.contract!, language),
  callerParties: item.callerParties.map(party),
  awaiting: item.awaiting.map(party),
  awaitingYou: item.awaitingCaller,
  holidaysAwaitingYou: item.holidaysAwaitingCaller,
});

export const allowanceOut = (allowance: proto.Allowance) => ({
  contractId: allowance.contractId,
  date: allowance.date,
  inForce: allowance.inForce,
  blackout: allowance.blackout,
  dayKind: fromProtoEnum('DAY_KIND', allowance.dayKind),
  dayMaxMinutes: minutes(allowance.dayMaxMinutes),
  weekStart: allowance.weekStart,
  weekEnd: allowance.weekEnd,
  weekAllowedMinutes: minutes(allowance.weekAllowedMinutes),
  weekOrdinaryMinutes: minutes(allowance.weekOrdinaryMinutes),
  weekBlockMinutes: minutes(allowance.weekBlockMinutes),
  weekHolidayMinutes: minutes(allowance.weekHolidayMinutes),
  version: allowance.version,
});

export const commitmentOut = (commitment: proto.EmployerCommitment) => ({
  organizationId: commitment.organizationId,
  year: commitment.year,
  basis: fromProtoEnum('COMMITMENT_BASIS', commitment.basis),
  committedMinutes: minutes(commitment.committedMinutes),
  shareBasisPoints: commitment.shareBasisPoints,
  declaredEmployees: commitment.declaredEmployees,
  declaredMinutesPerEmployee: minutes(commitment.declaredMinutesPerEmployee),
  version: commitment.version,
  setAt: commitment.setAt,
});

export const reportOut = (report: proto.CommitmentReport) => ({
  organizationId: report.organizationId,
  year: report.year,
  commitment: report.commitment ? commitmentOut(report.commitment) : null,
  committedMinutes: minutes(report.committedMinutes),
  allocatedMinutes: minutes(report.allocatedMinutes),
  consumedMinutes: minutes(report.consumedMinutes),
  unallocatedMinutes: minutes(report.unallocatedMinutes),
  employees: report.employees.map((e) => ({
    personId: e.personId,
    personName: e.personName,
    contractId: e.contractId,
    status: fromProtoEnum('CONTRACT_STATUS', e.status),
    allocatedMinutes: minutes(e.allocatedMinutes),
    consumedMinutes: minutes(e.consumedMinutes),
    periodStart: e.periodStart,
    periodEnd: e.periodEnd,
  })),
});
