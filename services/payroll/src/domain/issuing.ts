// Issuing a person's forms of a month: which forms the facts call for (a first version, a new one, or
// none), planned once from the facts gathered to render the documents, and again under the person's
// lock to tell whether the documents rendered are still the right ones.
import { monthOf, type Month } from './dates.js';
import {
  composeForm,
  contractYearOf,
  creditedFor,
  entriesByContract,
  figuresFingerprint,
  reissueDecision,
  type ApprovedEntry,
  type ContractFacts,
  type CurrencyFacts,
  type FormFigures,
  type PersonFacts,
  type ProjectFacts,
  type SkillFacts,
} from './forms.js';

/** What the other services say about a person's month: asked outside any transaction. */
export interface PersonMonth {
  person: PersonFacts;
  territory: { id: string; name: string };
  month: Month;
  /** The month's approved entries (timesheets). */
  entries: ApprovedEntry[];
  contracts: Map<string, ContractFacts>;
  projects: Map<string, ProjectFacts>;
  challengeTitles: Map<string, string>;
  skills: Map<string, SkillFacts>;
  /** The currency that applies to the territory; null where none does. */
  currency: CurrencyFacts | null;
}

/** What payroll itself holds about the person's month: read again just before the forms are written. */
export interface PayrollRecords {
  /** The forms in force, one per contract at most. */
  inForce: { id: string; contractId: string; version: number; figuresSha256: string }[];
  /** What currency paid for each entry, in which currency. */
  credits: Map<string, { amountMinor: number; currencyId: string }>;
  /** The wallet's balance in the territory's currency at the month's end (0 where none applies). */
  balanceAtMonthEndMinor: number;
  /** Per contract, minutes of its forms in force in its contract year's months before this one. */
  earlierMinutes: Map<string, number>;
}

export interface PlannedForm {
  figures: FormFigures;
  entryIds: string[];
  version: number;
  supersedesId: string | null;
}

/** Per contract of the month's entries, the first month of its contract year: where its earlier minutes count from. */
export function contractYearStarts(facts: PersonMonth): Map<string, Month> {
  return new Map([...facts.contracts.values()].map((c) => [c.id, monthOf(contractYearOf(c.periodStart, c.periodEnd, facts.month).start)]));
}

/** What the entries were paid in the currency that applies (a credit in another currency counts as unpaid). */
function paidHere(facts: PersonMonth, records: PayrollRecords): Map<string, number> {
  const here = facts.currency?.id;
  const credits = [...records.credits].filter(([, credit]) => credit.currencyId === here);
  return new Map(credits.map(([entryId, credit]) => [entryId, credit.amountMinor]));
}

/** Where a currency applies, whether it has yet to pay some of the month's entries: usually an event on its way. */
export function waitsForPay(facts: PersonMonth, records: PayrollRecords): boolean {
  return facts.currency !== null && creditedFor(facts.entries, paidHere(facts, records)).unpaidEntryIds.length > 0;
}

/**
 * The forms the facts call for: per contract with approved entries in the month, its figures and
 * the version they are issued as; a contract whose form in force already says the same is left out.
 */
export function planForms(facts: PersonMonth, records: PayrollRecords): PlannedForm[] {
  const paid = paidHere(facts, records);
  const planned: PlannedForm[] = [];
  for (const [contractId, entries] of entriesByContract(facts.entries)) {
    const contract = facts.contracts.get(contractId);
    if (!contract) throw new Error(`contract ${contractId} of an approved entry was not gathered`);
    const figures = composeForm({
      person: facts.person,
      territory: facts.territory,
      month: facts.month,
      contract,
      entries,
      projects: facts.projects,
      challengeTitles: facts.challengeTitles,
      skills: facts.skills,
      earlierMinutesThisYear: records.earlierMinutes.get(contractId) ?? 0,
      currency: facts.currency && {
        currencyId: facts.currency.id,
        code: facts.currency.code,
        minorUnits: facts.currency.minorUnits,
        creditedMinor: creditedFor(entries, paid).creditedMinor,
        balanceAtMonthEndMinor: records.balanceAtMonthEndMinor,
      },
    });
    const decision = reissueDecision(
      records.inForce.find((form) => form.contractId === contractId),
      figures,
    );
    if (!decision.issue) continue;
    planned.push({ figures, entryIds: entries.map((e) => e.id), version: decision.version, supersedesId: decision.supersedesId });
  }
  return planned;
}

/** Whether two plans issue the same forms: the same versions of the same figures, so the same documents. */
export function samePlans(a: PlannedForm[], b: PlannedForm[]): boolean {
  const key = (plan: PlannedForm) => `${plan.version}:${plan.supersedesId}:${figuresFingerprint(plan.figures)}:${plan.entryIds.join(',')}`;
  return a.length === b.length && a.every((plan, i) => key(plan) === key(b[i]!));
}
