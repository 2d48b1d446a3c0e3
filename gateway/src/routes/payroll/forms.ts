// Societal Activity Forms: the person's own, one form and its documents (PDF or JSON, exactly as
// issued), a territory's month for its officers, and the public verification of a code.
import { z } from 'zod';
import { FormFormat } from '@e21/proto/e21/payroll/v1/payroll';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { cursor, limit, listOf, uuid } from '../common.js';
import { formOut, verificationOut } from './mapping.js';
import { Form, month, sha256, Verification, verificationCode } from './schemas.js';

const NO_STORE = { 'Cache-Control': 'no-store' };
const formParam = z.object({ formId: uuid }).strict();
const FORM_FIELDS = { id: 'params.formId' };

export function formRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/payroll/me/forms',
      summary: 'My Societal Activity Forms, latest month first, every version (current and superseded)',
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
      summary: 'A Societal Activity Form: its person, the officers of its territory and above, and its employer’s HR managers and admins',
      tag: 'payroll',
      access: 'person',
      params: formParam,
      fieldNames: FORM_FIELDS,
      response: { status: 200, schema: Form, description: 'The form' },
      async handler({ params, actor }) {
        // No version ETag: a form's `version` counts corrections, each one its own immutable form
        // with its own id; nothing changes a form through If-Match.
        return { body: formOut(await deps.payroll.getForm({ id: params.formId }, { caller: callerOf(actor) })), headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/payroll/forms/:formId/document',
      summary:
        'The form as issued, as PDF (A4, bilingual) or JSON; its SHA-256 is checked against the one taken at issue before it is sent, and given in X-Content-SHA256',
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
        return { file: { contentType: document.contentType, data: document.content, filename: document.filename, download: true }, headers: { ...NO_STORE, 'X-Content-SHA256': document.sha256 } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/payroll/territories/:territoryId/forms',
      summary: 'The forms of a territory’s month (its officers and those above)',
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
        'Public: check a form by its verification code. Shows its status (current or superseded), version and hashes; with sha256, whether a file is the form’s. ' +
        'The figures only to a signed-in person who may read the form',
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
