// The Societal Activity Form of a person, contract, territory and month: its figures, composed from
// the month's approved entries and what the other services say about them, and when a reissue is due.
import { createHash } from 'node:crypto';
import { addDays, firstDayOf, lastDayOf, type IsoDate, type Month } from './dates.js';

export interface ApprovedEntry {
  id: string;
  contractId: string;
  projectId: string;
  competenceId: string;
  minutes: number;
}

export interface PersonFacts {
  id: string;
  name: string;
  language: 'en' | 'fr';
}

export interface CurrencyFacts {
  id: string;
  code: string;
  minorUnits: number;
}

export interface ContractFacts {
  id: string;
  version: number;
  kind: string;
  employerId: string | null;
  employerName: string;
  periodStart: IsoDate;
  periodEnd: IsoDate;
  yearlyMinutes: number;
}

export interface SkillFacts {
  label: string;
  groupId: string;
  groupLabel: string;
}

export interface ProjectFacts {
  title: string;
  challengeIds: string[];
}

export interface CurrencyFigures {
  currencyId: string;
  code: string;
  minorUnits: number;
  creditedMinor: number;
  balanceAtMonthEndMinor: number;
}

/** Everything a form says, for one contract; composed by `composeForm`, never changed once issued. */
export interface FormFigures {
  personId: string;
  personName: string;
  language: 'en' | 'fr';
  contractId: string;
  contractVersion: number;
  contractKind: string;
  employerId: string | null;
  employerName: string;
  territoryId: string;
  territoryName: string;
  month: Month;
  totalMinutes: number;
  projects: { projectId: string; title: string; minutes: number }[];
  competences: { skillId: string; label: string; groupId: string; groupLabel: string; minutes: number }[];
  projectCompetences: { projectId: string; skillId: string; minutes: number }[];
  challenges: { challengeId: string; title: string; minutes: number }[];
  contractYearStart: IsoDate;
  contractYearEnd: IsoDate;
  yearlyMinutes: number;
  yearToDateMinutes: number;
  currency: CurrencyFigures | null;
}

/** An issued form: its figures, the hashes of its documents, and the version that superseded it, if one did. */
export interface FormRecord {
  id: string;
  personId: string;
  contractId: string;
  employerId: string | null;
  territoryId: string;
  month: Month;
  version: number;
  supersedesId: string | null;
  supersededById: string | null;
  supersededAt: Date | null;
  runId: string;
  issuedAt: Date;
  totalMinutes: number;
  verificationCode: string;
  document: string;
  jsonSha256: string;
  pdfSha256: string;
  figuresSha256: string;
  figures: FormFigures;
  /** The employer view's JSON document and hashes; null for a form without an employer (or one not yet given them). */
  employerDocument: string | null;
  employerJsonSha256: string | null;
  employerPdfSha256: string | null;
}

/** The employer view of a form as documents: its JSON and PDF with their hashes (see documents.ts). */
export interface EmployerDocuments {
  document: string;
  jsonSha256: string;
  pdf: Buffer;
  pdfSha256: string;
}

export interface FormInputs {
  person: PersonFacts;
  territory: { id: string; name: string };
  month: Month;
  contract: ContractFacts;
  /** The month's approved entries under this contract. */
  entries: ApprovedEntry[];
  projects: Map<string, ProjectFacts>;
  challengeTitles: Map<string, string>;
  skills: Map<string, SkillFacts>;
  /** Minutes of this contract's current forms in the contract year's earlier months. */
  earlierMinutesThisYear: number;
  currency: CurrencyFigures | null;
}

function sumBy<K>(entries: ApprovedEntry[], keyOf: (entry: ApprovedEntry) => K[]): Map<K, number> {
  const sums = new Map<K, number>();
  for (const entry of entries) for (const key of keyOf(entry)) sums.set(key, (sums.get(key) ?? 0) + entry.minutes);
  return sums;
}

/** Largest first, then by label, so the same figures always list in the same order. */
const byMinutesThenLabel =
  <T extends { minutes: number }>(label: (row: T) => string) =>
  (a: T, b: T) =>
    b.minutes - a.minutes || label(a).localeCompare(label(b));

/** The figures of a person's form for one contract: hours per project, competence and challenge. */
export function composeForm(inputs: FormInputs): FormFigures {
  const { entries, contract } = inputs;
  const totalMinutes = entries.reduce((sum, entry) => sum + entry.minutes, 0);
  const projectTitle = (id: string) => inputs.projects.get(id)?.title ?? id;
  const skill = (id: string): SkillFacts => inputs.skills.get(id) ?? { label: id, groupId: '', groupLabel: '' };
  const year = contractYearOf(contract.periodStart, contract.periodEnd, inputs.month);
  return {
    personId: inputs.person.id,
    personName: inputs.person.name,
    language: inputs.person.language,
    contractId: contract.id,
    contractVersion: contract.version,
    contractKind: contract.kind,
    employerId: contract.employerId,
    employerName: contract.employerName,
    territoryId: inputs.territory.id,
    territoryName: inputs.territory.name,
    month: inputs.month,
    totalMinutes,
    projects: [...sumBy(entries, (e) => [e.projectId])]
      .map(([projectId, minutes]) => ({ projectId, title: projectTitle(projectId), minutes }))
      .sort(byMinutesThenLabel((row) => row.title)),
    competences: [...sumBy(entries, (e) => [e.competenceId])]
      .map(([skillId, minutes]) => ({ skillId, ...skill(skillId), minutes }))
      .sort(byMinutesThenLabel((row) => row.label)),
    projectCompetences: [...sumBy(entries, (e) => [`${e.projectId} ${e.competenceId}`])]
      .map(([key, minutes]) => ({ projectId: key.split(' ')[0]!, skillId: key.split(' ')[1]!, minutes }))
      .sort((a, b) => projectTitle(a.projectId).localeCompare(projectTitle(b.projectId)) || a.skillId.localeCompare(b.skillId)),
    challenges: [...sumBy(entries, (e) => inputs.projects.get(e.projectId)?.challengeIds ?? [])]
      .map(([challengeId, minutes]) => ({ challengeId, title: inputs.challengeTitles.get(challengeId) ?? challengeId, minutes }))
      .sort(byMinutesThenLabel((row) => row.title)),
    contractYearStart: year.start,
    contractYearEnd: year.end,
    yearlyMinutes: contract.yearlyMinutes,
    yearToDateMinutes: inputs.earlierMinutesThisYear + totalMinutes,
    currency: inputs.currency,
  };
}

function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29 February in a year without one is the 28th.
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) return addDays(`${y + years}-${String(m).padStart(2, '0')}-01`, 27);
  return target.toISOString().slice(0, 10);
}

/**
 * The contract year a month falls in: the year from the contract's start, or from an anniversary of
 * it, that holds the month's last day (its first, for a month before the contract), ending no later
 * than the contract.
 */
export function contractYearOf(periodStart: IsoDate, periodEnd: IsoDate, month: Month): { start: IsoDate; end: IsoDate } {
  const day = lastDayOf(month) < periodStart ? firstDayOf(month) : lastDayOf(month);
  let years = 0;
  while (addYears(periodStart, years + 1) <= day) years++;
  const start = addYears(periodStart, years);
  const end = addDays(addYears(periodStart, years + 1), -1);
  return { start, end: periodEnd && periodEnd < end ? periodEnd : end };
}

/** The month's approved entries per contract: each contract gets its own form. */
export function entriesByContract(entries: ApprovedEntry[]): Map<string, ApprovedEntry[]> {
  const groups = new Map<string, ApprovedEntry[]>();
  for (const entry of entries) groups.set(entry.contractId, [...(groups.get(entry.contractId) ?? []), entry]);
  return groups;
}

/** What the entries were paid, and the entries currency has not paid (yet). */
export function creditedFor(entries: ApprovedEntry[], credits: Map<string, number>): { creditedMinor: number; unpaidEntryIds: string[] } {
  let creditedMinor = 0;
  const unpaidEntryIds: string[] = [];
  for (const entry of entries) {
    const credit = credits.get(entry.id);
    if (credit === undefined) unpaidEntryIds.push(entry.id);
    else creditedMinor += credit;
  }
  return { creditedMinor, unpaidEntryIds };
}

/** A canonical JSON text: keys in the order written, no spaces; what is hashed and stored. */
export const canonicalJson = (value: unknown): string => JSON.stringify(value);

export const sha256 = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

/** The fingerprint of a form's figures: a reissue with the same fingerprint would say nothing new. */
export const figuresFingerprint = (figures: FormFigures): string => sha256(canonicalJson(figures));

export type ReissueDecision = { issue: false } | { issue: true; version: number; supersedesId: string | null };

/**
 * Whether the figures call for a form: a first version when none is in force, a new version when
 * they differ from the one in force, nothing when they are the same (a redelivered event, a retry).
 */
export function reissueDecision(
  current: { id: string; version: number; figuresSha256: string } | undefined,
  figures: FormFigures,
): ReissueDecision {
  if (!current) return { issue: true, version: 1, supersedesId: null };
  if (current.figuresSha256 === figuresFingerprint(figures)) return { issue: false };
  return { issue: true, version: current.version + 1, supersedesId: current.id };
}
