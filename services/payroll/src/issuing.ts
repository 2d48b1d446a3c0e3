// The issuer: workers that go through the people of running runs. Each person is claimed (a lease,
// committed at once); the facts of their month are gathered from the other services and from
// payroll's own records, and the forms' documents rendered, with no transaction open; then one short
// transaction, under the person's lock, checks that the facts still call for those very forms and
// writes them, their events and the person done. A worker that dies leaves its person to be claimed
// again when the lease ends; a form is never issued twice (the issuing key and the version in force
// are unique in the database, and the person's lock orders their versions).
import { randomBytes, randomUUID } from 'node:crypto';
import { withTransaction, type Clock, type Component, type Logger, type Pool, type Queryable } from '@e21/kit';
import { employerDocuments, formJson, formPdf, type FormIdentity } from './documents.js';
import { firstDayOf, nextMonth } from './domain/dates.js';
import { canonicalJson, figuresFingerprint, sha256, type EmployerDocuments } from './domain/forms.js';
import { contractYearStarts, planForms, samePlans, waitsForPay } from './domain/issuing.js';
import type { PayrollRecords, PersonMonth, PlannedForm } from './domain/issuing.js';
import { CLAIM_LEASE_MS, retryAt, type IssuingRun } from './domain/runs.js';
import { verificationCode } from './domain/verification.js';
import type { Directory } from './directory.js';
import * as events from './events.js';
import * as store from './store/index.js';

export interface IssuerOptions {
  pool: Pool;
  logger: Logger;
  directory: Directory;
  now: Clock;
  /** People issued at once by this process. */
  concurrency: number;
  /** The public verification page, printed on every form: <url>?code=... */
  verifyUrl: string;
  /** How long an idle worker waits before looking again (another replica's runs, retries). */
  pollMs?: number;
}

type Outcome = { kind: 'none' } | { kind: 'issued'; forms: number } | { kind: 'postponed' } | { kind: 'issued_elsewhere' };

/** What writing the rendered forms came to: written, or nothing written because the facts changed since they were gathered. */
type Written = Outcome | { kind: 'facts_changed' };

/** A planned form with its documents, rendered before the transaction that writes it. */
interface RenderedForm {
  plan: PlannedForm;
  identity: FormIdentity;
  document: string;
  pdf: Buffer;
  employer: EmployerDocuments | undefined;
}

/** Gatherings in a row whose facts changed before they could be written: then the person is tried later. */
const MAX_GATHERINGS = 3;

/** payroll's own records of the person's month, read with `db`: the pool to plan, the transaction to check. */
async function payrollRecords(db: Queryable, facts: PersonMonth): Promise<PayrollRecords> {
  const { person, territory, month, currency } = facts;
  const yearStarts = [...contractYearStarts(facts)];
  const [inForce, credits, balanceAtMonthEndMinor, earlier] = await Promise.all([
    store.currentForms(db, person.id, territory.id, month),
    store.hoursCredits(
      db,
      facts.entries.map((e) => e.id),
    ),
    currency ? store.walletBalanceBefore(db, person.id, currency.id, new Date(`${firstDayOf(nextMonth(month))}T00:00:00Z`)) : 0,
    Promise.all(yearStarts.map(([contractId, from]) => store.contractMinutesBetween(db, contractId, from, month))),
  ]);
  return {
    inForce: inForce.map(({ id, contractId, version, figuresSha256 }) => ({ id, contractId, version, figuresSha256 })),
    credits,
    balanceAtMonthEndMinor,
    earlierMinutes: new Map(yearStarts.map(([contractId], i) => [contractId, earlier[i]!])),
  };
}

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
    const { pool, now } = this.options;
    const at = now();
    const claimed = await store.claimPerson(pool, at, new Date(at.getTime() + CLAIM_LEASE_MS));
    if (!claimed) return { kind: 'none' };
    try {
      const run = await store.getRun(pool, claimed.runId);
      if (!run) throw new Error(`run ${claimed.runId} of a pending person is missing`);
      return await this.issuePerson(run, claimed.personId, claimed.attempts, at);
    } catch (error) {
      const later = new Date(now().getTime() + Math.min(1000 * 2 ** claimed.attempts, 60_000));
      await store.postponePerson(pool, claimed.runId, claimed.personId, later).catch(() => undefined);
      throw error;
    }
  }

  private async issuePerson(run: IssuingRun, personId: string, attempts: number, at: Date): Promise<Outcome> {
    const { pool, directory, logger } = this.options;
    for (let gathering = 1; ; gathering++) {
      // Undefined when nothing is approved in the month: no form to issue, whatever is in force.
      const facts = await directory.personMonth(personId, run.territoryId, run.month);
      const rendered: RenderedForm[] = [];
      if (facts) {
        const records = await payrollRecords(pool, facts);
        if (waitsForPay(facts, records)) {
          const later = retryAt(attempts, at);
          if (later) {
            await store.postponePerson(pool, run.id, personId, later);
            return { kind: 'postponed' };
          }
          logger.warn({ personId, territoryId: run.territoryId, month: run.month }, 'issuing a form with hours currency has not paid');
        }
        for (const plan of planForms(facts, records)) rendered.push(await this.render(plan, at));
      }
      const outcome = await this.write(run, personId, facts, rendered, at);
      if (outcome.kind !== 'facts_changed') return outcome;
      if (gathering >= MAX_GATHERINGS) throw new Error(`the facts of ${personId}'s forms of ${run.month} kept changing while issued`);
    }
  }

  /** The form's identity and documents: they depend only on these and its figures, so they are rendered before its transaction. */
  private async render(plan: PlannedForm, at: Date): Promise<RenderedForm> {
    const { verifyUrl } = this.options;
    const { version, supersedesId } = plan;
    const code = verificationCode(randomBytes(12));
    const identity: FormIdentity = { id: randomUUID(), version, supersedesId, issuedAt: at, verificationCode: code };
    return {
      plan,
      identity,
      document: canonicalJson(formJson(identity, plan.figures)),
      pdf: await formPdf(identity, plan.figures, verifyUrl),
      employer: await employerDocuments(identity, plan.figures, verifyUrl),
    };
  }

  /**
   * Writes the rendered forms and the person done, in one short transaction; nothing when the facts
   * changed since they were gathered. Under the person's lock, payroll's records (forms in force,
   * credits, wallet, the contract year's earlier forms) are read again and the forms planned again:
   * the same plan means the same versions of the same figures, so the documents rendered are the
   * right ones, and the unique issuing key and version in force keep any other writer out. What the
   * other services said may change meanwhile as it may just after: an approved entry corrected
   * starts a run of its own (timesheets' correction event) that issues the form again; a label
   * renamed is printed as it was read, as it would have been a moment earlier.
   */
  private write(run: IssuingRun, personId: string, facts: PersonMonth | undefined, rendered: RenderedForm[], at: Date): Promise<Written> {
    return withTransaction(this.options.pool, async (tx) => {
      // One person at a time, whichever runs (a close, a correction, a payment) name them: versions follow each other.
      await store.lockPerson(tx, personId);
      // Claimed again by another worker after this one's lease ended, and issued by it.
      if (!(await store.isPersonPending(tx, run.id, personId))) return { kind: 'issued_elsewhere' };
      if (facts) {
        const plannedNow = planForms(facts, await payrollRecords(tx, facts));
        if (
          !samePlans(
            rendered.map((form) => form.plan),
            plannedNow,
          )
        )
          return { kind: 'facts_changed' };
      }
      for (const form of rendered) await this.issue(tx, run.id, form, at);
      await store.markPersonDone(tx, run.id, personId);
      await store.personOfRunDone(tx, run.id, rendered.length, at);
      return { kind: 'issued', forms: rendered.length };
    });
  }

  private async issue(tx: Queryable, runId: string, rendered: RenderedForm, at: Date): Promise<void> {
    const { plan, identity, document, pdf, employer } = rendered;
    const { figures } = plan;
    const form = {
      id: identity.id,
      personId: figures.personId,
      contractId: figures.contractId,
      employerId: figures.employerId,
      territoryId: figures.territoryId,
      month: figures.month,
      version: plan.version,
      supersedesId: plan.supersedesId,
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
    if (plan.supersedesId) {
      const previous = await store.getForm(tx, plan.supersedesId);
      const superseded = previous && (await store.supersede(tx, plan.supersedesId, identity.id, at));
      if (!superseded) throw new Error(`form ${plan.supersedesId} is no longer in force`);
      await store.insertForm(tx, form);
      await events.formSuperseded(tx, previous, identity.id, at);
    } else {
      await store.insertForm(tx, form);
    }
    await store.insertFormEntries(tx, form.id, plan.entryIds);
    await events.formIssued(tx, form, runId, plan.supersedesId, at);
  }
}
