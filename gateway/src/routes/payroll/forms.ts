// Societal Activity Forms: the person's own, one form and its documents (PDF or JSON, exactly as
// issued), a territory's month for its officers, and the public verification of a code. What each
// caller sees of a form (whole, employer view, no figures) is the payroll service's decision.
import { z } from 'zod';
import { FormFormat } from '@e21/proto/e21/payroll/v1/payroll';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { cursor, limit, listOf, uuid } from '../common.js';
import { formForReaderOut, formOut, verificationOut } from './mapping.js';
import { Form, FormForReader, month, sha256, Verification, verificationCode } from './schemas.js';

const NO_STORE = { 'Cache-Control': 'no-store' };
const formParam = z.object({ formId: uuid }).strict();
const FORM_FIELDS = { id: 'params.formId' };

export function formRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/payroll/me/forms',
      summary: 'My Societal Activity Forms, latest month first, every version (current and superseded), whole',
      tag: 'payroll',
      access: 'person',
      query: z.object({ limit, cursor }).strict(),
      response: { status: 200, schema: listOf(Form), description: 'Forms' },
      async handler({ query, actor }) {
        const page = await deps.payroll.listMyForms({ limit: query.limit ?? 0, cursor: query.cursor ?? '' }, { caller: callerOf(actor) });
        return { body: { items: page.forms.map(formOut), nextCursor: page.nextCursor || null }, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/payroll/forms/:formId',
      summary:
        'A Societal Activity Form as its reader may see it: whole (view "whole") for its person and the officers of its territory and above; ' +
        'the payroll view (view "employer": hours, hours per competence group, the contract year’s hours, the currency credited) for the HR managers ' +
        'and admins of the employer party to its contract; refused to anyone else',
      tag: 'payroll',
      access: 'person',
      params: formParam,
      fieldNames: FORM_FIELDS,
      response: {
        status: 200,
        schema: FormForReader,
        description: 'The whole form (SocietalActivityForm) or its employer view (EmployerFormView), told apart by `view`',
      },
      async handler({ params, actor }) {
        // No version ETag: a form's `version` counts corrections, each one its own immutable form
        // with its own id; nothing changes a form through If-Match.
        const body = formForReaderOut(await deps.payroll.getForm({ id: params.formId }, { caller: callerOf(actor) }));
        return { body, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/payroll/forms/:formId/document',
      summary:
        'The form’s document as issued, PDF (A4, bilingual) or JSON: the whole form’s for its person and the officers; for the employer’s HR managers ' +
        'and admins, the employer view’s own reduced PDF and JSON (no project, challenge, competence nor wallet). Its SHA-256, taken at issue, is ' +
        'checked before it is sent and given in X-Content-SHA256; X-Form-View says whose document it is (whole or employer)',
      tag: 'payroll',
      access: 'person',
      refusals: ['form_integrity_failed'],
      params: formParam,
      query: z.object({ format: z.enum(['pdf', 'json']).default('pdf') }).strict(),
      fieldNames: FORM_FIELDS,
      response: { status: 200, description: 'The PDF or JSON file' },
      async handler({ params, query, actor }) {
        const format = query.format === 'json' ? FormFormat.FORM_FORMAT_JSON : FormFormat.FORM_FORMAT_PDF;
        const document = await deps.payroll.renderForm({ id: params.formId, format }, { caller: callerOf(actor) });
        const view = document.reader === 'FORM_READER_EMPLOYER' ? 'employer' : 'whole';
        return {
          file: { contentType: document.contentType, data: document.content, filename: document.filename, download: true },
          headers: { ...NO_STORE, 'X-Content-SHA256': document.sha256, 'X-Form-View': view },
        };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/payroll/territories/:territoryId/forms',
      summary: 'The forms of a territory’s month, whole (its officers and those above)',
      tag: 'payroll',
      access: 'person',
      params: z.object({ territoryId: uuid }).strict(),
      query: z.object({ month, limit, cursor }).strict(),
      fieldNames: { territory_id: 'params.territoryId', month: 'query.month' },
      response: { status: 200, schema: listOf(Form), description: 'Forms' },
      async handler({ params, query, actor }) {
        const page = await deps.payroll.listForms(
          { territoryId: params.territoryId, organizationId: '', month: query.month, limit: query.limit ?? 0, cursor: query.cursor ?? '' },
          { caller: callerOf(actor) },
        );
        return { body: { items: page.forms.map(formOut), nextCursor: page.nextCursor || null }, headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/payroll/verifications/:code',
      summary:
        'Public: check a form by its verification code. Shows its status (current or superseded), version and its documents’ hashes; with sha256, ' +
        'whether a file is one of the form’s documents (whole or employer view) and which. No figures to anyone who may not read the form; ' +
        'the whole form to its person and the officers, the employer view to its employer’s HR managers and admins',
      tag: 'payroll',
      access: 'public',
      refusals: ['invalid_code', 'invalid_sha256'],
      params: z.object({ code: verificationCode }).strict(),
      query: z.object({ sha256: sha256.optional().describe('SHA-256 of the PDF or JSON file to check') }).strict(),
      fieldNames: { code: 'params.code', sha256: 'query.sha256' },
      response: { status: 200, schema: Verification, description: 'What the code stands for' },
      async handler({ params, query, actor }) {
        const caller = actor.kind === 'anonymous' ? undefined : callerOf(actor);
        const verification = await deps.payroll.verifyForm({ code: params.code, sha256: query.sha256 ?? '' }, caller ? { caller } : {});
        return { body: verificationOut(verification), headers: NO_STORE };
      },
    }),
  ];
}
