// Who sees what of a form through the payroll gRPC API (issue 11, finding 5): the person and the
// officers the whole form, the employer party to its contract the employer view with documents of its
// own (kept at issue, checked at download, written once for forms issued before them), anyone else
// nothing.
import { createHash } from 'node:crypto';
import { pdfText, waitFor } from '@e21/devinfra';
import { FormFormat, type SocietalActivityForm } from '@e21/proto/e21/payroll/v1/payroll';
import { as, closeMarch, completedRun, MONTH, refusalOf, SYSTEM, startPayroll, type PayrollUnderTest } from './support.js';

let t: PayrollUnderTest;
let forms: SocietalActivityForm[];

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const aminas = () => forms.find((f) => f.personId === t.world.people.amina.id)!;
const lucasAt = (contractId: string) => forms.find((f) => f.contractId === contractId)!;
const jeannes = () => forms.find((f) => f.personId === t.world.jeanne.personId)!;
const employerHashes = async (id: string) =>
  (
    await t.service.pool.query<{ employer_pdf_sha256: string | null; employer_json_sha256: string | null }>(
      'select employer_pdf_sha256, employer_json_sha256 from forms where id = $1',
      [id],
    )
  ).rows[0]!;

beforeAll(async () => {
  t = await startPayroll();
  await closeMarch(t.timesheets, t.world);
  await completedRun(t.payroll, t.world.territories.marseille);
  forms = (
    await t.payroll.listForms(
      { territoryId: t.world.territories.marseille, organizationId: '', month: MONTH, limit: 0, cursor: '' },
      SYSTEM,
    )
  ).forms;
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

describe('the view each reader gets', () => {
  it('gives the person and the officers the whole form, the employer’s HR manager the employer view only', async () => {
    const { people } = t.world;
    for (const [who, reader] of [
      [people.amina.id, 'FORM_READER_PERSON'],
      [people.marc.id, 'FORM_READER_OFFICE'],
      [people.helene.id, 'FORM_READER_OFFICE'],
    ] as const) {
      const view = await t.payroll.getForm({ id: aminas().id }, as(who));
      expect([view.reader, view.form?.projects.length, view.employerView]).toEqual([reader, 2, undefined]);
    }
    const employer = await t.payroll.getForm({ id: aminas().id }, as(people.claire.id));
    expect([employer.reader, employer.form]).toEqual(['FORM_READER_EMPLOYER', undefined]);
    expect(employer.employerView).toMatchObject({ id: aminas().id, totalMinutes: 225n, currency: { creditedMinor: 3750n } });
    expect(Object.keys(employer.employerView!)).not.toEqual(expect.arrayContaining(['projects']));
    expect(JSON.stringify(employer.employerView, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))).not.toMatch(
      /Solar roofs|Energy transition|balance|urn:e21:skill:/,
    );
  });

  it('refuses the form and its documents to anyone else, and to another employer of the same person', async () => {
    const { people, contracts } = t.world;
    expect((await refusalOf(t.payroll.getForm({ id: aminas().id }, as(people.lucas.id)))).kind).toBe('forbidden');
    expect(
      (await refusalOf(t.payroll.renderForm({ id: aminas().id, format: FormFormat.FORM_FORMAT_PDF }, as(people.garlabanHr.id)))).kind,
    ).toBe('forbidden');
    expect((await refusalOf(t.payroll.getForm({ id: lucasAt(contracts.lucasCalanques).id }, as(people.garlabanHr.id)))).kind).toBe(
      'forbidden',
    );
    expect((await t.payroll.getForm({ id: lucasAt(contracts.lucasGarlaban).id }, as(people.garlabanHr.id))).reader).toBe(
      'FORM_READER_EMPLOYER',
    );
  });

  it('lists an employer’s month as employer views only', async () => {
    const list = await t.payroll.listForms(
      { territoryId: '', organizationId: t.world.organizations.calanques, month: MONTH, limit: 0, cursor: '' },
      as(t.world.people.claire.id),
    );
    expect(list.forms).toEqual([]);
    expect(list.employerViews.map((v) => [v.personName, Number(v.totalMinutes)]).sort()).toEqual([
      ['Amina Haddad', 225],
      ['Lucas Martin', 60],
    ]);
  });

  it('verifies with no figures for the public, the employer view for the employer, the whole form for the person', async () => {
    const code = aminas().verificationCode;
    const anyone = await t.payroll.verifyForm({ code, sha256: '' }, {});
    expect([anyone.reader, anyone.form, anyone.employerView]).toEqual(['FORM_READER_PUBLIC', undefined, undefined]);
    const employer = await t.payroll.verifyForm({ code, sha256: '' }, as(t.world.people.claire.id));
    expect([employer.reader, employer.form, employer.employerView?.id]).toEqual(['FORM_READER_EMPLOYER', undefined, aminas().id]);
    const person = await t.payroll.verifyForm({ code, sha256: '' }, as(t.world.people.amina.id));
    expect([person.reader, person.form?.id, person.employerView]).toEqual(['FORM_READER_PERSON', aminas().id, undefined]);
  });

  it('gives a form without an employer no employer view nor employer documents', async () => {
    const verified = await t.payroll.verifyForm({ code: jeannes().verificationCode, sha256: '' }, {});
    expect([verified.employerPdfSha256, verified.employerJsonSha256]).toEqual(['', '']);
    expect(await employerHashes(jeannes().id)).toEqual({ employer_pdf_sha256: null, employer_json_sha256: null });
  });
});

describe('the employer documents', () => {
  it('are kept with their hashes at issue: the employer downloads them as issued, and the verification knows them', async () => {
    const form = lucasAt(t.world.contracts.lucasCalanques);
    const kept = await employerHashes(form.id);
    const pdf = await t.payroll.renderForm({ id: form.id, format: FormFormat.FORM_FORMAT_PDF }, as(t.world.people.claire.id));
    const json = await t.payroll.renderForm({ id: form.id, format: FormFormat.FORM_FORMAT_JSON }, as(t.world.people.claire.id));
    expect([pdf.reader, sha(pdf.content), sha(json.content)]).toEqual([
      'FORM_READER_EMPLOYER',
      kept.employer_pdf_sha256,
      kept.employer_json_sha256,
    ]);
    expect(await pdfText(pdf.content)).toContain('employer view');
    const verified = await t.payroll.verifyForm({ code: form.verificationCode, sha256: sha(json.content) }, {});
    expect([verified.matches, verified.matchedDocument]).toEqual([true, 'FORM_DOCUMENT_KIND_EMPLOYER_JSON']);
  });

  it('are written once, with the same bytes, for a form issued before they existed: at start and at its first download', async () => {
    const form = lucasAt(t.world.contracts.lucasCalanques);
    const kept = await employerHashes(form.id);
    const forget = () =>
      t.service.pool.query(
        'update forms set employer_document = null, employer_json_sha256 = null, employer_pdf = null, employer_pdf_sha256 = null where id = $1',
        [form.id],
      );
    await forget();
    const pdf = await t.payroll.renderForm({ id: form.id, format: FormFormat.FORM_FORMAT_PDF }, as(t.world.people.claire.id));
    expect(sha(pdf.content)).toBe(kept.employer_pdf_sha256);
    expect(await employerHashes(form.id)).toEqual(kept);

    await forget();
    await t.restart();
    expect(
      await waitFor(async () => (await employerHashes(form.id)).employer_pdf_sha256, { what: 'the employer documents written at start' }),
    ).toBe(kept.employer_pdf_sha256);
    expect(await employerHashes(form.id)).toEqual(kept);
  });

  it('are refused when their stored bytes no longer match the hash taken at issue, the whole form still sent to its person', async () => {
    const form = lucasAt(t.world.contracts.lucasGarlaban);
    await t.service.pool.query(
      `update forms set employer_pdf = overlay(employer_pdf placing '\\x00'::bytea from 200 for 1) where id = $1`,
      [form.id],
    );
    await t.service.pool.query(
      `update forms set employer_document = replace(employer_document, '"totalMinutes":45', '"totalMinutes":450') where id = $1`,
      [form.id],
    );
    for (const format of [FormFormat.FORM_FORMAT_PDF, FormFormat.FORM_FORMAT_JSON]) {
      expect((await refusalOf(t.payroll.renderForm({ id: form.id, format }, as(t.world.people.garlabanHr.id)))).code).toBe(
        'form_integrity_failed',
      );
      expect(sha((await t.payroll.renderForm({ id: form.id, format }, as(t.world.people.lucas.id))).content)).toBe(
        format === FormFormat.FORM_FORMAT_PDF ? form.pdfSha256 : form.jsonSha256,
      );
    }
  });
});
