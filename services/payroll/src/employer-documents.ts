// The employer documents of forms issued before employer views existed: written once from the
// stored figures, at start in the background and at a form's first employer download. Rendering is
// deterministic (the form's identity and figures, dated at its issue), so they hold the bytes the
// issue would have written; the rendering happens outside any transaction, then one short update
// sets them unless another replica did first.
import type { Component, Logger, Pool } from '@e21/kit';
import { employerDocuments } from './documents.js';
import type { FormRecord } from './domain/forms.js';
import * as store from './store/index.js';

const BATCH = 50;

/** The form with its employer documents: its own when it has them, else written now (or by whoever wrote them first). */
export async function withEmployerDocuments(pool: Pool, form: FormRecord, verifyUrl: string): Promise<FormRecord> {
  if (form.employerId === null || form.employerDocument !== null) return form;
  const identity = {
    id: form.id,
    version: form.version,
    supersedesId: form.supersedesId,
    issuedAt: form.issuedAt,
    verificationCode: form.verificationCode,
  };
  const documents = await employerDocuments(identity, form.figures, verifyUrl);
  if (!documents) return form;
  await store.setEmployerDocuments(pool, form.id, documents);
  return (await store.getForm(pool, form.id)) ?? form;
}

/** Goes once through the forms without employer documents when the service starts. */
export class EmployerDocumentsBackfill implements Component {
  private running = false;
  private work: Promise<void> = Promise.resolve();

  constructor(private readonly options: { pool: Pool; logger: Logger; verifyUrl: string }) {}

  async start(): Promise<void> {
    this.running = true;
    this.work = this.fill().catch((error: unknown) =>
      this.options.logger.warn({ err: error }, 'writing the employer documents of earlier forms failed; the next start tries again'),
    );
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.work;
  }

  private async fill(): Promise<void> {
    let written = 0;
    // A form left without them (its stored figures name no employer) would come back forever: skip it.
    const stuck = new Set<string>();
    while (this.running) {
      const forms = (await store.formsWithoutEmployerDocuments(this.options.pool, BATCH + stuck.size)).filter(
        (form) => !stuck.has(form.id),
      );
      if (forms.length === 0) break;
      for (const form of forms) {
        if (!this.running) break;
        const after = await withEmployerDocuments(this.options.pool, form, this.options.verifyUrl);
        if (after.employerDocument === null) stuck.add(form.id);
        else written++;
      }
    }
    if (written > 0) this.options.logger.info({ forms: written }, 'wrote the employer documents of earlier forms');
  }
}
