// Who reads a Societal Activity Form and what each reader sees of it: the person and the officers
// the whole form, the employer party to its contract the payroll view only, anyone else no figures.
import type { Caller } from '@e21/kit';
import type { CurrencyFigures, FormFigures } from './forms.js';

/** The four readers of a form; the gRPC handlers, the documents and the verification all ask `formReader`. */
export type FormReader = 'person' | 'office' | 'employer' | 'public';

/** What a reader sees: the whole form, its employer view, or no figures at all. */
export type FormView = 'whole' | 'employer' | 'none';

export const VIEW_OF_READER: Record<FormReader, FormView> = { person: 'whole', office: 'whole', employer: 'employer', public: 'none' };

/** identity's answers about the caller, asked only when the caller is not the form's person. */
export interface ReaderGrants {
  /** An officer (or territory admin) of the form's territory or of a territory above it. */
  officeOfTerritory: boolean;
  /** An HR manager or admin of the organization named as the employer of the form's contract. */
  employerOfContract: boolean;
}

/**
 * The reader a caller is for a form. The person comes first (an HR manager reading their own form
 * reads it whole), then the office (whole), then the employer, and only for a form of a contract it
 * is a party to: a person's form under another employer's contract is nothing to it. The platform's
 * own services read as the office does, except the gateway: it speaks for people, so a call it makes
 * as itself (for a visitor who is not signed in) is the public's. No caller at all is the public.
 */
export function formReader(
  caller: Caller | undefined,
  form: { personId: string; employerId: string | null },
  grants: ReaderGrants,
): FormReader {
  if (!caller) return 'public';
  if (caller.kind === 'system') return caller.service === 'gateway' ? 'public' : 'office';
  if (caller.kind === 'person' && caller.personId.toLowerCase() === form.personId.toLowerCase()) return 'person';
  if (grants.officeOfTerritory) return 'office';
  if (form.employerId !== null && grants.employerOfContract) return 'employer';
  return 'public';
}

/** Whether the reader needs identity's answers at all: the person and the platform are known from the caller. */
export const needsGrants = (caller: Caller | undefined, form: { personId: string }): boolean =>
  caller !== undefined &&
  caller.kind !== 'system' &&
  !(caller.kind === 'person' && caller.personId.toLowerCase() === form.personId.toLowerCase());

/** The label of competences without a group, counted together so that none is named. */
export const UNGROUPED_LABEL: Record<'en' | 'fr', string> = { en: 'Other competences', fr: 'Autres compétences' };

export interface CompetenceGroupMinutes {
  /** identity's skill group; '' for competences without one. */
  groupId: string;
  label: string;
  minutes: number;
}

/**
 * The employer view of a form: what a payroll needs. It is built field by field from the form's
 * figures (never by removing fields from them), so that a field added to the form one day stays out
 * of the employer's sight until someone decides it belongs here.
 */
export interface EmployerFormFigures {
  personId: string;
  personName: string;
  language: 'en' | 'fr';
  contractId: string;
  contractVersion: number;
  contractKind: string;
  employerId: string;
  employerName: string;
  territoryId: string;
  territoryName: string;
  month: string;
  totalMinutes: number;
  competenceGroups: CompetenceGroupMinutes[];
  contractYearStart: string;
  contractYearEnd: string;
  yearlyMinutes: number;
  yearToDateMinutes: number;
  currency: Omit<CurrencyFigures, 'balanceAtMonthEndMinor'> | null;
}

/** A form's minutes per competence group, largest first then by label; competences without a group go together. */
export function minutesByGroup(figures: Pick<FormFigures, 'competences' | 'language'>): CompetenceGroupMinutes[] {
  const groups = new Map<string, CompetenceGroupMinutes>();
  for (const competence of figures.competences) {
    const groupId = competence.groupId;
    const label = groupId ? competence.groupLabel || groupId : UNGROUPED_LABEL[figures.language];
    const group = groups.get(groupId) ?? { groupId, label, minutes: 0 };
    group.minutes += competence.minutes;
    groups.set(groupId, group);
  }
  return [...groups.values()].sort((a, b) => b.minutes - a.minutes || a.label.localeCompare(b.label) || a.groupId.localeCompare(b.groupId));
}

/** The employer view of a form of a contract with an employer; undefined for a form without one (nobody's employer view). */
export function employerFormView(figures: FormFigures): EmployerFormFigures | undefined {
  if (figures.employerId === null) return undefined;
  return {
    personId: figures.personId,
    personName: figures.personName,
    language: figures.language,
    contractId: figures.contractId,
    contractVersion: figures.contractVersion,
    contractKind: figures.contractKind,
    employerId: figures.employerId,
    employerName: figures.employerName,
    territoryId: figures.territoryId,
    territoryName: figures.territoryName,
    month: figures.month,
    totalMinutes: figures.totalMinutes,
    competenceGroups: minutesByGroup(figures),
    contractYearStart: figures.contractYearStart,
    contractYearEnd: figures.contractYearEnd,
    yearlyMinutes: figures.yearlyMinutes,
    yearToDateMinutes: figures.yearToDateMinutes,
    currency: figures.currency && {
      currencyId: figures.currency.currencyId,
      code: figures.currency.code,
      minorUnits: figures.currency.minorUnits,
      creditedMinor: figures.currency.creditedMinor,
    },
  };
}
