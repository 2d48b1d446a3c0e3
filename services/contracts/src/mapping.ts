// Domain values to protobuf messages and back: enums, minutes (int64 as bigint), dates.
import { fromProtoEnum, toProtoEnum } from '@e21/kit';
import {
  CommitmentBasis as ProtoCommitmentBasis,
  ContractKind as ProtoContractKind,
  ContractStatus as ProtoContractStatus,
  DayKind as ProtoDayKind,
  HolidaysStatus as ProtoHolidaysStatus,
  Party as ProtoParty,
  type Acceptance as AcceptanceMessage,
  type Allowance as AllowanceMessage,
  type ContractTerms,
  type ContractVersion as ContractVersionMessage,
  type EmployerCommitment as CommitmentMessage,
  type HistoryStep as HistoryStepMessage,
  type SarContract,
  type SarHolidays,
  type Schedule as ScheduleMessage,
  type TermsInput as TermsInputMessage,
} from '@e21/proto/e21/contracts/v1/contracts';
import type { CommitmentBasis, EmployerCommitment } from './domain/commitment.js';
import type { AcceptanceRecord, ContractRecord, StepRecord, VersionRecord } from './domain/contracts.js';
import type { HolidaysRecord, HolidaysStatus } from './domain/holidays.js';
import type { ContractKind, ContractStatus, Party } from './domain/negotiation.js';
import type { Allowance, Schedule } from './domain/schedule.js';
import type { Terms, TermsChange, TermsInput } from './domain/terms.js';

export const partyFromProto = (value: ProtoParty | undefined) => fromProtoEnum<Party>('PARTY', value);
export const partyToProto = (party: Party): ProtoParty => toProtoEnum('PARTY', party);
export const statusFromProto = (value: ProtoContractStatus | undefined) => fromProtoEnum<ContractStatus>('CONTRACT_STATUS', value);
export const statusToProto = (status: ContractStatus): ProtoContractStatus => toProtoEnum('CONTRACT_STATUS', status);
export const kindToProto = (kind: ContractKind): ProtoContractKind => toProtoEnum('CONTRACT_KIND', kind);
export const basisFromProto = (value: ProtoCommitmentBasis | undefined) => fromProtoEnum<CommitmentBasis>('COMMITMENT_BASIS', value);
export const holidaysStatusToProto = (status: HolidaysStatus): ProtoHolidaysStatus => toProtoEnum('HOLIDAYS_STATUS', status);

/** An int64 from the wire as a number; values beyond what a number holds exactly become NaN, which validation refuses. */
export function minutesFromProto(value: bigint | undefined): number {
  const minutes = value ?? 0n;
  return minutes > BigInt(Number.MAX_SAFE_INTEGER) || minutes < -BigInt(Number.MAX_SAFE_INTEGER) ? Number.NaN : Number(minutes);
}

export function scheduleFromProto(schedule: ScheduleMessage | undefined): Schedule {
  return {
    weeklyAllowanceMinutes: minutesFromProto(schedule?.weeklyAllowanceMinutes),
    blocks: (schedule?.blocks ?? []).map((b) => ({
      startDate: b.startDate,
      endDate: b.endDate,
      minutes: minutesFromProto(b.minutes),
      label: b.label.trim(),
    })),
    blackouts: (schedule?.blackouts ?? []).map((b) => ({ startDate: b.startDate, endDate: b.endDate, reason: b.reason.trim() })),
  };
}

export function termsInputFromProto(input: TermsInputMessage | undefined): TermsInput {
  return {
    periodStart: input?.periodStart ?? '',
    periodEnd: input?.periodEnd ?? '',
    yearlyMinutes: minutesFromProto(input?.yearlyMinutes),
    competenceSkillIds: input?.competenceSkillIds ?? [],
    schedule: scheduleFromProto(input?.schedule),
    preferredProjectIds: input?.preferredProjectIds ?? [],
  };
}

export function scheduleToProto(schedule: Schedule): ScheduleMessage {
  return {
    weeklyAllowanceMinutes: BigInt(schedule.weeklyAllowanceMinutes),
    blocks: schedule.blocks.map((b) => ({ ...b, minutes: BigInt(b.minutes) })),
    blackouts: schedule.blackouts,
  };
}

export function termsToProto(terms: Terms): ContractTerms {
  return {
    periodStart: terms.periodStart,
    periodEnd: terms.periodEnd,
    yearlyMinutes: BigInt(terms.yearlyMinutes),
    competences: terms.competences.map((c) => ({ skillId: c.skillId, labels: c.labels })),
    schedule: scheduleToProto(terms.schedule),
    preferredProjectIds: terms.preferredProjectIds,
  };
}

/** A contract with the terms of `version` (the one in force, or the latest proposal before any signature). */
export function contractToProto(contract: ContractRecord, version: VersionRecord, signedAt: Date | null): SarContract {
  return {
    id: contract.id,
    personId: contract.personId,
    kind: kindToProto(contract.kind),
    employerId: contract.employerId ?? '',
    officeId: contract.officeId,
    status: statusToProto(contract.status),
    version: version.version,
    inForceVersion: contract.inForceVersion ?? 0,
    latestVersion: contract.latestVersion,
    terms: termsToProto(version.terms),
    signedAt: signedAt?.toISOString() ?? '',
    terminationDate: contract.terminationDate ?? '',
    personName: contract.personName,
    employerName: contract.employerName,
    officeName: contract.officeName,
    pendingVersion: contract.pendingVersion ?? 0,
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
  };
}

export function acceptanceToProto(a: AcceptanceRecord): AcceptanceMessage {
  return {
    version: a.version,
    party: partyToProto(a.party),
    acceptedBy: a.acceptedBy,
    acceptedByName: a.acceptedByName,
    acceptedAt: a.acceptedAt.toISOString(),
  };
}

export function versionToProto(v: VersionRecord, acceptances: AcceptanceRecord[], changes: TermsChange[]): ContractVersionMessage {
  return {
    version: v.version,
    terms: termsToProto(v.terms),
    proposedByParty: partyToProto(v.proposedByParty),
    proposedBy: v.proposedBy,
    proposedByName: v.proposedByName,
    proposedAt: v.proposedAt.toISOString(),
    comment: v.comment,
    amendment: v.amendment,
    signedAt: v.signedAt?.toISOString() ?? '',
    acceptances: acceptances.map(acceptanceToProto),
    changes,
  };
}

export function stepToProto(s: StepRecord): HistoryStepMessage {
  return {
    step: s.step,
    party: s.party ? partyToProto(s.party) : ProtoParty.PARTY_UNSPECIFIED,
    actor: s.actor,
    actorName: s.actorName,
    at: s.at.toISOString(),
    version: s.version ?? 0,
    comment: s.comment,
  };
}

export function holidaysToProto(h: HolidaysRecord): SarHolidays {
  return {
    id: h.id,
    contractId: h.contractId,
    personId: h.personId,
    projectId: h.projectId,
    projectTitle: h.projectTitle,
    projectKind: h.projectKind,
    startDate: h.startDate,
    endDate: h.endDate,
    minutes: BigInt(h.minutes),
    status: holidaysStatusToProto(h.status),
    comment: h.comment,
    requestedAt: h.requestedAt.toISOString(),
    employerAgreedBy: h.employerAgreedBy ?? '',
    employerAgreedAt: h.employerAgreedAt?.toISOString() ?? '',
    decidedBy: h.decidedBy ?? '',
    decidedAt: h.decidedAt?.toISOString() ?? '',
    decisionComment: h.decisionComment,
    version: h.version,
  };
}

export function commitmentToProto(c: EmployerCommitment): CommitmentMessage {
  return {
    organizationId: c.organizationId,
    year: c.year,
    basis: toProtoEnum('COMMITMENT_BASIS', c.basis),
    committedMinutes: BigInt(c.committedMinutes),
    shareBasisPoints: c.shareBasisPoints,
    declaredEmployees: c.declaredEmployees,
    declaredMinutesPerEmployee: BigInt(c.declaredMinutesPerEmployee),
    version: c.version,
    setBy: c.setBy,
    setAt: c.setAt.toISOString(),
  };
}

export function allowanceToProto(contractId: string, version: number, a: Allowance): AllowanceMessage {
  return {
    contractId,
    date: a.date,
    inForce: a.inForce,
    blackout: a.dayKind === 'blackout',
    dayKind: toProtoEnum<ProtoDayKind>('DAY_KIND', a.dayKind),
    dayMaxMinutes: BigInt(a.dayMaxMinutes),
    weekStart: a.weekStart,
    weekEnd: a.weekEnd,
    weekAllowedMinutes: BigInt(a.weekAllowedMinutes),
    weekOrdinaryMinutes: BigInt(a.weekOrdinaryMinutes),
    weekBlockMinutes: BigInt(a.weekBlockMinutes),
    weekHolidayMinutes: BigInt(a.weekHolidayMinutes),
    version,
  };
}
