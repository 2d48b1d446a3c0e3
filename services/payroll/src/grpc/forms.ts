// Societal Activity Forms: a person's own, a territory's or an employer's month, one form, its
// documents as issued (their hashes checked), and the public verification by code. What each caller
// sees is decided by `readerOf` (domain/views.ts): the whole form, its employer view, or no figures.
import { forbidden, fromProtoEnum, invalid, notFound, Refused, toProtoEnum, type Handlers } from '@e21/kit';
import type { FormDocumentKind, FormStatus, PayrollServiceService } from '@e21/proto/e21/payroll/v1/payroll';
import { sha256 } from '../domain/forms.js';
import { VIEW_OF_READER } from '../domain/views.js';
import { matchedDocument, isSha256, normalizeCode } from '../domain/verification.js';
import { withEmployerDocuments } from '../employer-documents.js';
import { employerViewToProto, formStatusOf, formToProto, readerToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, clampLimit, ONLY_PEOPLE_HAVE_FORMS, personOf, readerOf, requireMonth, requireReader, requireUuid } from './context.js';
import type { HandlerDeps } from './context.js';

type FormHandlers = Pick<Handlers<typeof PayrollServiceService>, 'listMyForms' | 'listForms' | 'getForm' | 'renderForm' | 'verifyForm'>;

/** A stored document whose bytes no longer hash to what was taken at issue is never sent. */
function checked(content: Buffer | string, expected: string, formId: string): void {
  if (sha256(content) !== expected)
    throw new Refused(
      'unavailable',
      'form_integrity_failed',
      `The stored form ${formId} does not match the hash taken at its issue; it is not sent`,
    );
}

export function formHandlers(deps: HandlerDeps): FormHandlers {
  async function formFor(id: string, caller: ReturnType<typeof callerOf>) {
    const form = await store.getForm(deps.pool, id);
    if (!form) throw notFound('form', id);
    return { form, reader: await requireReader(deps, caller, form) };
  }

  return {
    async listMyForms(request, call) {
      const personId = personOf(call, ONLY_PEOPLE_HAVE_FORMS);
      const limit = clampLimit(request.limit);
      const page = await store.formsOfPerson(deps.pool, personId, limit, request.cursor || undefined);
      return { forms: page.items.map(formToProto), nextCursor: page.nextCursor, employerViews: [] };
    },

    async listForms(request, call) {
      const caller = callerOf(call);
      const month = requireMonth(request.month, 'month');
      const limit = clampLimit(request.limit);
      if (Boolean(request.territoryId) === Boolean(request.organizationId))
        throw invalid('territory_id', 'give a territory or an organization, not both', 'invalid_scope');
      if (request.territoryId) {
        const territoryId = requireUuid(request.territoryId, 'territory_id');
        if (!(await deps.directory.may(caller, 'payroll.forms.read', { territoryId })))
          throw forbidden('Only the officers of the territory or above list its forms');
        const page = await store.formsOfTerritory(deps.pool, territoryId, month, limit, request.cursor || undefined);
        return { forms: page.items.map(formToProto), nextCursor: page.nextCursor, employerViews: [] };
      }
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      if (!(await deps.directory.may(caller, 'payroll.exports.read', { organizationId })))
        throw forbidden('Only the employer’s HR managers and admins list its employees’ forms');
      // The employer's list is the employer's view, whoever else the caller also is: the whole form is read one by one.
      const page = await store.formsOfEmployer(deps.pool, organizationId, month, limit, request.cursor || undefined);
      const forms = await Promise.all(page.items.map((form) => withEmployerDocuments(deps.pool, form, deps.verifyUrl)));
      return { forms: [], nextCursor: page.nextCursor, employerViews: forms.map(employerViewToProto) };
    },

    async getForm(request, call) {
      const id = requireUuid(request.id, 'id');
      const { form, reader } = await formFor(id, callerOf(call));
      if (VIEW_OF_READER[reader] === 'whole') return { reader: readerToProto(reader), form: formToProto(form), employerView: undefined };
      return {
        reader: readerToProto(reader),
        form: undefined,
        employerView: employerViewToProto(await withEmployerDocuments(deps.pool, form, deps.verifyUrl)),
      };
    },

    async renderForm(request, call) {
      const id = requireUuid(request.id, 'id');
      const format = fromProtoEnum<'pdf' | 'json'>('FORM_FORMAT', request.format) ?? 'pdf';
      const found = await formFor(id, callerOf(call));
      const { reader } = found;
      const name = `societal-activity-form-${found.form.month}-v${found.form.version}`;
      if (VIEW_OF_READER[reader] === 'employer') {
        const form = await withEmployerDocuments(deps.pool, found.form, deps.verifyUrl);
        if (format === 'json') {
          if (form.employerDocument === null || form.employerJsonSha256 === null) throw notFound('form', id);
          checked(form.employerDocument, form.employerJsonSha256, form.id);
          return {
            content: Buffer.from(form.employerDocument),
            contentType: 'application/json',
            filename: `${name}-employer.json`,
            sha256: form.employerJsonSha256,
            reader: readerToProto(reader),
          };
        }
        const stored = await store.employerPdf(deps.pool, id);
        if (!stored) throw notFound('form', id);
        checked(stored.pdf, stored.pdfSha256, form.id);
        return {
          content: stored.pdf,
          contentType: 'application/pdf',
          filename: `${name}-employer.pdf`,
          sha256: stored.pdfSha256,
          reader: readerToProto(reader),
        };
      }
      const { form } = found;
      if (format === 'json') {
        checked(form.document, form.jsonSha256, form.id);
        return {
          content: Buffer.from(form.document),
          contentType: 'application/json',
          filename: `${name}.json`,
          sha256: form.jsonSha256,
          reader: readerToProto(reader),
        };
      }
      const stored = await store.formPdf(deps.pool, id);
      if (!stored) throw notFound('form', id);
      checked(stored.pdf, stored.pdfSha256, form.id);
      return {
        content: stored.pdf,
        contentType: 'application/pdf',
        filename: `${name}.pdf`,
        sha256: stored.pdfSha256,
        reader: readerToProto(reader),
      };
    },

    async verifyForm(request, call) {
      const code = normalizeCode(request.code);
      if (!code) throw invalid('code', 'must be a verification code such as SAF-7K2M-9QXP-4TBD', 'invalid_code');
      const given = request.sha256 ? request.sha256.trim().toLowerCase() : undefined;
      if (given !== undefined && !isSha256(given)) throw invalid('sha256', 'must be a SHA-256 in 64 hexadecimal digits', 'invalid_sha256');
      const found = await store.formByCode(deps.pool, code);
      const unspecified = toProtoEnum<FormDocumentKind>('FORM_DOCUMENT_KIND', 'unspecified');
      if (!found) {
        return {
          code,
          found: false,
          status: toProtoEnum<FormStatus>('FORM_STATUS', 'unspecified'),
          version: 0,
          month: '',
          issuedAt: '',
          supersededAt: '',
          supersededByCode: '',
          pdfSha256: '',
          jsonSha256: '',
          matches: false,
          sha256Given: given !== undefined,
          employerPdfSha256: '',
          employerJsonSha256: '',
          reader: readerToProto('public'),
          matchedDocument: unspecified,
        };
      }
      // An earlier form gets its employer documents now, so that their hashes can be checked too.
      const form = await withEmployerDocuments(deps.pool, found, deps.verifyUrl);
      const reader = await readerOf(deps, call.caller, form);
      const view = VIEW_OF_READER[reader];
      const matched = matchedDocument(given, form);
      return {
        code,
        found: true,
        status: toProtoEnum<FormStatus>('FORM_STATUS', formStatusOf(form)),
        version: form.version,
        month: form.month,
        issuedAt: form.issuedAt.toISOString(),
        supersededAt: form.supersededAt?.toISOString() ?? '',
        supersededByCode: form.supersededById ? ((await store.codeOf(deps.pool, form.supersededById)) ?? '') : '',
        pdfSha256: form.pdfSha256,
        jsonSha256: form.jsonSha256,
        employerPdfSha256: form.employerPdfSha256 ?? '',
        employerJsonSha256: form.employerJsonSha256 ?? '',
        matches: matched !== undefined,
        matchedDocument: matched ? toProtoEnum<FormDocumentKind>('FORM_DOCUMENT_KIND', matched) : unspecified,
        sha256Given: given !== undefined,
        reader: readerToProto(reader),
        form: view === 'whole' ? formToProto(form) : undefined,
        employerView: view === 'employer' ? employerViewToProto(form) : undefined,
      };
    },
  };
}
