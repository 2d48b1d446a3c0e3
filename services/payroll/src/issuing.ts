// The issuer: workers that go through the people of running runs, each person in one transaction
// that issues their forms, records them done and writes the events. A crash rolls back the person
// being issued; a restart (or another replica) picks up the people still pending, never issuing a
// form twice (the issuing key and the version in force are unique in the database).
import { randomBytes, randomUUID } from 'node:crypto';
import { withTransaction, type Component, type Logger, type Pool, type Tx } from '@e21/kit';
import { employerDocuments, formJson, formPdf, type FormIdentity } from './documents.js';
import { firstDayOf, monthOf, nextMonth, type Month } from './domain/dates.js';
import {
  canonicalJson,
  composeForm,
  contractYearOf,
  creditedFor,
  entriesByContract,
  figuresFingerprint,
  reissueDecision,
  sha256,
  type ApprovedEntry,
  type CurrencyFigures,
  type FormFigures,
} from './domain/forms.js';
import { retryAt } from './domain/runs.js';
import { verificationCode } from './domain/verification.js';
import type { Directory, PersonFacts } from './directory.js';
import * as events from './events.js';
import * as store from './store.js';

export interface IssuerOptions {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  now(): Date;
  /** People issued at once by this process. */
  concurrency: number;
  /** The public verification page, printed on every form: <url>?code=... */
  verifyUrl: string;
  /** How long an idle worker waits before looking again (another replica's runs, retries). */
  pollMs?: number;
}

type Outcome = { kind: 'none' } | { kind: 'issued'; forms: number } | { kind: 'postponed' };

export class FormIssuer implements Component {
  private running = false;
  private workers: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();

  constructor(private readonly options: IssuerOptions) {}

  async start(): Promise<void> {
    this.running = true;
    this.workers = Array.from({ length: this.options.concurrency }, () => this.work());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.workers);
  }

  /** New work: idle workers look now. */
  wake(): void {
    for (const wake of this.sleepers) wake();
  }

  private async work(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const outcome = await this.issueNext();
        failures = 0;
        if (outcome.kind === 'none') await this.idle(this.options.pollMs ?? 1000);
      } catch (error) {
        failures++;
        this.options.logger.warn({ err: error, failures }, 'issuing a person’s forms failed; retrying');
        await this.idle(Math.min(200 * 2 ** failures, 10_000));
      }
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  /**
   * Issues the forms of the next person due, if any. A person whose issuing fails (a service down,
   * a fact missing) is tried again later and later, so that the rest of the run goes on meanwhile.
   */
  async issueNext(): Promise<Outcome> {
    let claimed: store.RunPerson | undefined;
    try {
      return await this.issueClaimed((person) => (claimed = person));
    } catch (error) {
      if (claimed) {
        const later = new Date(this.options.now().getTime() + Math.min(1000 * 2 ** claimed.attempts, 60_000));
        await store.postponePerson(this.options.pool, claimed.runId, claimed.personId, later).catch(() => undefined);
      }
      throw error;
    }
  }

  private issueClaimed(onClaim: (person: store.RunPerson) => void): Promise<Outcome> {
    return withTransaction(this.options.pool, async (tx) => {
      const at = this.options.now();
      const claimed = await store.claimPerson(tx, at);
      if (!claimed) return { kind: 'none' };
      onClaim(claimed);
      const run = await store.getRun(tx, claimed.runId);
      if (!run) throw new Error(`run ${claimed.runId} of a pending person is missing`);
      const outcome = await this.issuePerson(tx, run.id, run.territoryId, run.month, claimed.personId, claimed.attempts, at);
      if (outcome.kind === 'postponed') return outcome;
      await store.markPersonDone(tx, run.id, claimed.personId);
      await store.personOfRunDone(tx, run.id, outcome.kind === 'issued' ? outcome.forms : 0, at);
      return outcome;
    });
  }

  private async issuePerson(tx: Tx, runId: string, territoryId: string, month: Month, personId: string, attempts: number, at: Date): Promise<Outcome> {
    const { directory } = this.options;
    // One person at a time, whichever runs (a close, a correction) name them: versions follow each other.
    await store.lockPerson(tx, personId);
    const entries = await directory.approvedEntries(personId, territoryId, month);
    const current = await store.currentForms(tx, personId, territoryId, month);
    // Nothing approved and nothing issued: nobody to ask about.
    if (entries.length === 0 && current.length === 0) return { kind: 'issued', forms: 0 };
    const [person, currency] = await Promise.all([directory.person(personId), directory.currencyOf(territoryId)]);
    const credits = await store.hoursCredits(tx, entries.map((e) => e.id));
    const paid = new Map([...credits].filter(([, credit]) => credit.currencyId === currency?.id).map(([entryId, credit]) => [entryId, credit.amountMinor]));
    if (currency && creditedFor(entries, paid).unpaidEntryIds.length > 0) {
      // currency pays each approval as it happens; a credit not seen yet is usually an event on its way.
      const later = retryAt(attempts, at);
      if (later) {
        await store.postponePerson(tx, runId, personId, later);
        return { kind: 'postponed' };
      }
      this.options.logger.warn({ personId, territoryId, month }, 'issuing a form with hours currency has not paid');
    }
    const balance = currency ? await store.walletBalanceBefore(tx, personId, currency.id, new Date(`${firstDayOf(nextMonth(month))}T00:00:00Z`)) : 0;
    let issued = 0;
    for (const [contractId, contractEntries] of entriesByContract(entries)) {
      const currencyFigures: CurrencyFigures | null = currency && {
        currencyId: currency.id,
        code: currency.code,
        minorUnits: currency.minorUnits,
        creditedMinor: creditedFor(contractEntries, paid).creditedMinor,
        balanceAtMonthEndMinor: balance,
      };
      const figures = await this.figures(tx, person, territoryId, month, contractId, contractEntries, currencyFigures);
      const entryIds = contractEntries.map((e) => e.id);
      const inForce = current.find((form) => form.contractId === contractId);
      const decision = reissueDecision(inForce, figures);
      if (!decision.issue) continue;
      await this.issue(tx, runId, figures, entryIds, decision.version, decision.supersedesId, at);
      issued++;
    }
    return { kind: 'issued', forms: issued };
  }

  private async figures(tx: Tx, person: PersonFacts, territoryId: string, month: Month, contractId: string, entries: ApprovedEntry[], currency: CurrencyFigures | null): Promise<FormFigures> {
    const { directory } = this.options;
    const language = person.language;
    const projectIds = [...new Set(entries.map((e) => e.projectId))];
    const [contract, territoryName, projects, skills] = await Promise.all([
      directory.contract(contractId),
      directory.territoryName(territoryId, language),
      directory.projectsOf(projectIds, language),
      directory.skillsOf([...new Set(entries.map((e) => e.competenceId))], language),
    ]);
    const challengeTitles = await directory.challengeTitles([...new Set([...projects.values()].flatMap((p) => p.challengeIds))]);
    const year = contractYearOf(contract.periodStart, contract.periodEnd, month);
    const earlierMinutesThisYear = await store.contractMinutesBetween(tx, contractId, monthOf(year.start), month);
    return composeForm({ person, territory: { id: territoryId, name: territoryName }, month, contract, entries, projects, challengeTitles, skills, earlierMinutesThisYear, currency });
  }

  private async issue(tx: Tx, runId: string, figures: FormFigures, entryIds: string[], version: number, supersedesId: string | null, at: Date): Promise<void> {
    const identity: FormIdentity = { id: randomUUID(), version, supersedesId, issuedAt: at, verificationCode: verificationCode(randomBytes(12)) };
    const document = canonicalJson(formJson(identity, figures));
    const pdf = await formPdf(identity, figures, this.options.verifyUrl);
    const employer = await employerDocuments(identity, figures, this.options.verifyUrl);
    const form = {
      id: identity.id,
      personId: figures.personId,
      contractId: figures.contractId,
      employerId: figures.employerId,
      territoryId: figures.territoryId,
      month: figures.month,
      version,
      supersedesId,
      runId,
      issuedAt: at,
      totalMinutes: figures.totalMinutes,
      verificationCode: identity.verificationCode,
      document,
      jsonSha256: sha256(document),
      pdf,
      pdfSha256: sha256(pdf),
      figuresSha256: figuresFingerprint(figures),
      employer,
    };
    // The version in force is marked superseded first: the database keeps one in force per key.
    if (supersedesId) {
      const previous = await store.getForm(tx, supersedesId);
      if (!previous || !(await store.supersede(tx, supersedesId, identity.id, at))) throw new Error(`form ${supersedesId} is no longer in force`);
      await store.insertForm(tx, form);
      await events.formSuperseded(tx, previous, identity.id, at);
    } else {
      await store.insertForm(tx, form);
    }
    await store.insertFormEntries(tx, form.id, entryIds);
    await events.formIssued(tx, form, runId, supersedesId, at);
  }
}
