// SAR contracts: the negotiation inbox, proposals, acceptances, amendments, suspension and
// termination, the allowance on a date, and the signed documents.
import { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import { DocumentFormat, type ContractStatus } from '@e21/proto/e21/contracts/v1/contracts';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { cursor, emptyQuery, limit, listOf, orNull, requiredText, uuid } from '../common.js';
import { IDEMPOTENCY_NOTE, partyIn, TERMS_FIELD_NAMES, termsIn } from './common.js';
import { allowanceOut, detailOut, inboxItemOut } from './mapping.js';
import { Allowance, comment, CONTRACT_STATUSES, ContractDetail, InboxItem, isoDate, PARTIES, party, TermsIn } from './schemas.js';

const contractParam = z.object({ contractId: uuid }).strict();
const reason = requiredText(1000);
const NO_STORE = { 'Cache-Control': 'no-store' };
/**
 * A contract's ETag is its latest version: the one a new proposal is based on, and, while one is
 * under negotiation, the one accepted or withdrawn (If-Match takes it as sent). Acceptances change
 * the contract without a new version, so the version is never a cache validator (route.ts).
 */
const tagged = (out: ReturnType<typeof detailOut>) => ({ body: out, version: out.contract.latestVersion });

export function contractRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/contracts',
      summary: 'My negotiation inbox: the contracts I am a party to, as the person, for an employer or for an office',
      tag: 'contracts',
      access: 'person',
      query: z.object({ party: z.enum(PARTIES).optional(), status: z.enum(CONTRACT_STATUSES).optional(), limit, cursor }).strict(),
      response: { status: 200, schema: listOf(InboxItem), description: 'Contracts, latest change first' },
      async handler(input) {
        const { actor, query, language } = input;
        const found = await deps.contracts.listNegotiationInbox(
          {
            party: partyIn(query.party),
            status: toProtoEnum<ContractStatus>('CONTRACT_STATUS', query.status ?? 'unspecified'),
            limit: query.limit ?? 50,
            cursor: query.cursor ?? '',
          },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.items.map((item) => inboxItemOut(item, language)), nextCursor: orNull(found.nextCursor) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/contracts',
      summary: `Propose a SAR contract (version 1): the person for themselves, an HR manager for an employee, an officer for a person of their territory.${IDEMPOTENCY_NOTE}`,
      tag: 'contracts',
      access: 'person',
      refusals: [
        'invalid_terms',
        'schedule_exceeds_yearly_minutes',
        'unknown_project',
        'not_the_employer',
        'no_employer',
        'no_office',
        'not_a_party',
        'party_required',
        'contract_overlaps',
      ],
      body: z.object({ personId: uuid, employerId: uuid.optional(), terms: TermsIn, comment, party }).strict(),
      response: { status: 201, schema: ContractDetail, description: 'The contract under negotiation' },
      idempotent: true,
      fieldNames: TERMS_FIELD_NAMES,
      async handler(input) {
        const { actor, body, language } = input;
        const detail = await deps.contracts.proposeContract(
          {
            personId: body.personId,
            employerId: body.employerId ?? '',
            terms: termsIn(body.terms),
            comment: body.comment ?? '',
            party: partyIn(body.party),
            idempotencyKey: input.idempotencyKey,
          },
          { caller: callerOf(actor) },
        );
        const out = detailOut(detail, language);
        return { status: 201, ...tagged(out), headers: { ...NO_STORE, Location: `/v1/contracts/${out.contract.id}` } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/contracts/:contractId',
      summary:
        'A contract with its versions side by side, what changed between them, acceptances, history and SAR holidays (its parties only)',
      tag: 'contracts',
      access: 'person',
      params: contractParam,
      query: emptyQuery,
      response: { status: 200, schema: ContractDetail, description: 'The contract' },
      async handler(input) {
        const detail = detailOut(
          await deps.contracts.getContractDetail({ id: input.params.contractId }, { caller: callerOf(input.actor) }),
          input.language,
        );
        return { ...tagged(detail), headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/contracts/:contractId/versions',
      summary: 'Propose new terms: a counter-proposal while negotiating, an amendment once signed. If-Match: the latest version you saw',
      tag: 'contracts',
      access: 'person',
      refusals: [
        'not_a_party',
        'party_required',
        'invalid_terms',
        'schedule_exceeds_yearly_minutes',
        'unknown_project',
        'contract_closed',
        'contract_suspended',
        'contract_overlaps',
        'person_not_found',
      ],
      params: contractParam,
      ifMatch: 'required',
      fieldNames: TERMS_FIELD_NAMES,
      body: z.object({ terms: TermsIn, comment, party }).strict(),
      response: { status: 201, schema: ContractDetail, description: 'The contract with its new version' },
      async handler(input) {
        const { actor, params, body, ifMatch, language } = input;
        const detail = await deps.contracts.proposeTerms(
          {
            contractId: params.contractId,
            baseVersion: ifMatch!,
            terms: termsIn(body.terms),
            comment: body.comment ?? '',
            party: partyIn(body.party),
          },
          { caller: callerOf(actor) },
        );
        const out = detailOut(detail, language);
        return { status: 201, ...tagged(out), headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/contracts/:contractId/acceptances',
      summary: 'Accept the version named by If-Match; the contract is signed when every party accepted the same version',
      tag: 'contracts',
      access: 'person',
      refusals: ['not_a_party', 'party_required', 'contract_closed', 'nothing_to_accept', 'contract_suspended', 'commitment_exceeded'],
      params: contractParam,
      ifMatch: 'required',
      body: z.object({ comment, party }).strict(),
      response: { status: 200, schema: ContractDetail, description: 'The contract, signed if yours was the last acceptance' },
      async handler(input) {
        const { actor, params, body, ifMatch, language } = input;
        const detail = await deps.contracts.acceptVersion(
          { contractId: params.contractId, version: ifMatch!, comment: body.comment ?? '', party: partyIn(body.party) },
          { caller: callerOf(actor) },
        );
        const out = detailOut(detail, language);
        return { ...tagged(out), headers: NO_STORE };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/contracts/:contractId/withdrawal',
      summary: 'Withdraw the version under negotiation (If-Match): a first negotiation ends, a signed contract keeps its version in force',
      tag: 'contracts',
      access: 'person',
      refusals: ['not_a_party', 'party_required', 'contract_closed', 'nothing_to_withdraw'],
      params: contractParam,
      ifMatch: 'required',
      body: z.object({ comment, party }).strict(),
      response: { status: 200, schema: ContractDetail, description: 'The contract' },
      async handler(input) {
        const { actor, params, body, ifMatch, language } = input;
        const detail = await deps.contracts.withdrawProposal(
          { contractId: params.contractId, version: ifMatch!, comment: body.comment ?? '', party: partyIn(body.party) },
          { caller: callerOf(actor) },
        );
        return tagged(detailOut(detail, language));
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/contracts/:contractId/suspension',
      summary: 'Suspend a signed contract, with a reason (the employer or the office)',
      tag: 'contracts',
      access: 'person',
      refusals: ['not_a_party', 'party_required', 'contract_closed', 'party_cannot_suspend', 'not_signed'],
      params: contractParam,
      body: z.object({ reason, party }).strict(),
      response: { status: 200, schema: ContractDetail, description: 'The suspended contract' },
      async handler(input) {
        const { actor, params, body, language } = input;
        const detail = await deps.contracts.suspendContract(
          { contractId: params.contractId, reason: body.reason, party: partyIn(body.party) },
          { caller: callerOf(actor) },
        );
        return tagged(detailOut(detail, language));
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/contracts/:contractId/resumption',
      summary: 'Resume a suspended contract (the employer or the office)',
      tag: 'contracts',
      access: 'person',
      refusals: ['not_a_party', 'party_required', 'contract_closed', 'party_cannot_resume', 'not_suspended'],
      params: contractParam,
      body: z.object({ comment, party }).strict(),
      response: { status: 200, schema: ContractDetail, description: 'The contract, signed again' },
      async handler(input) {
        const { actor, params, body, language } = input;
        const detail = await deps.contracts.resumeContract(
          { contractId: params.contractId, comment: body.comment ?? '', party: partyIn(body.party) },
          { caller: callerOf(actor) },
        );
        return tagged(detailOut(detail, language));
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/contracts/:contractId/termination',
      summary: 'Terminate a signed contract on an end date, with a reason (any party); hours already approved stay',
      tag: 'contracts',
      access: 'person',
      refusals: ['not_a_party', 'party_required', 'contract_closed', 'not_signed', 'invalid_end_date'],
      params: contractParam,
      body: z.object({ endDate: isoDate, reason, party }).strict(),
      response: { status: 200, schema: ContractDetail, description: 'The terminated contract' },
      async handler(input) {
        const { actor, params, body, language } = input;
        const detail = await deps.contracts.terminateContract(
          { contractId: params.contractId, endDate: body.endDate, reason: body.reason, party: partyIn(body.party) },
          { caller: callerOf(actor) },
        );
        return tagged(detailOut(detail, language));
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/contracts/:contractId/allowance',
      summary: 'How many minutes may be logged on a date and in its ISO week under the contract’s schedule',
      tag: 'contracts',
      access: 'person',
      params: contractParam,
      query: z.object({ date: isoDate }).strict(),
      response: { status: 200, schema: Allowance, description: 'The allowance' },
      async handler(input) {
        // An answer computed from the contract's schedule, not a resource: its `version` is the contract version it read.
        return {
          body: allowanceOut(
            await deps.contracts.getAllowance(
              { contractId: input.params.contractId, date: input.query.date },
              { caller: callerOf(input.actor) },
            ),
          ),
        };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/contracts/:contractId/document',
      summary: 'A signed version (the one in force by default) as PDF or JSON, rendered from the stored version only',
      tag: 'contracts',
      access: 'person',
      refusals: ['not_signed', 'version_not_found'],
      params: contractParam,
      query: z
        .object({ format: z.enum(['pdf', 'json']).default('pdf'), version: z.coerce.number().int().min(1).max(100_000).optional() })
        .strict(),
      response: { status: 200, description: 'application/pdf, or the document as JSON' },
      async handler(input) {
        const { actor, params, query } = input;
        const format = query.format === 'json' ? DocumentFormat.DOCUMENT_FORMAT_JSON : DocumentFormat.DOCUMENT_FORMAT_PDF;
        const document = await deps.contracts.renderContractDocument(
          { contractId: params.contractId, version: query.version ?? 0, format },
          { caller: callerOf(actor) },
        );
        if (query.format === 'json') return { body: JSON.parse(document.content.toString('utf8')) as unknown, headers: NO_STORE };
        return { file: { contentType: 'application/pdf', data: document.content, filename: document.filename }, headers: NO_STORE };
      },
    }),
  ];
}
