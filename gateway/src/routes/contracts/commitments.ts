// Employer commitments: the hours an organization gives in a year, and what its contracts use of them.
import { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import type { CommitmentBasis } from '@e21/proto/e21/contracts/v1/contracts';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { emptyQuery, uuid } from '../common.js';

import { commitmentOut, reportOut } from './mapping.js';
import { Commitment, CommitmentIn, CommitmentReport, year } from './schemas.js';

const organizationParam = z.object({ organizationId: uuid }).strict();
const yearParam = z.object({ organizationId: uuid, year }).strict();

export function commitmentRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/organizations/:organizationId/commitments',
      summary: 'The commitments of an employer, year by year (its HR managers and admins, its territory’s officers)',
      tag: 'commitments',
      access: 'person',
      params: organizationParam,
      query: emptyQuery,
      response: { status: 200, schema: z.object({ items: z.array(Commitment) }), description: 'Commitments, latest year first' },
      async handler(input) {
        const { commitments } = await deps.contracts.listCommitments(
          { organizationId: input.params.organizationId },
          { caller: callerOf(input.actor) },
        );
        return { body: { items: commitments.map(commitmentOut) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/organizations/:organizationId/commitments/:year',
      summary: 'An employer’s commitment dashboard for a year: committed, allocated and consumed minutes, per employee',
      tag: 'commitments',
      access: 'person',
      refusals: ['invalid_year'],
      params: yearParam,
      query: emptyQuery,
      response: { status: 200, schema: CommitmentReport, description: 'The figures; the totals are the sums of the rows' },
      async handler(input) {
        const report = await deps.contracts.getCommitmentReport(
          { organizationId: input.params.organizationId, year: input.params.year },
          { caller: callerOf(input.actor) },
        );
        const out = reportOut(report);
        // The ETag is the commitment's version (none before the year has one), which changing it takes in
        // If-Match; allocations change without it, so it validates writes only (route.ts).
        return { body: out, headers: { 'Cache-Control': 'no-store' }, ...(out.commitment ? { version: out.commitment.version } : {}) };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/organizations/:organizationId/commitments/:year',
      summary:
        'Set the employer’s commitment for a year: absolute minutes, or a share (basis points) of declared working minutes. If-Match: the version, to change it',
      tag: 'commitments',
      access: 'person',
      refusals: ['invalid_commitment', 'invalid_year', 'precondition_required', 'commitment_below_allocation'],
      params: yearParam,
      ifMatch: 'optional',
      body: CommitmentIn,
      response: { status: 200, schema: Commitment, description: 'The commitment' },
      async handler(input) {
        const { actor, params, body, ifMatch } = input;
        const share = body.basis === 'share' ? body : undefined;
        const commitment = await deps.contracts.setCommitment(
          {
            organizationId: params.organizationId,
            year: params.year,
            basis: toProtoEnum<CommitmentBasis>('COMMITMENT_BASIS', body.basis),
            minutes: BigInt(body.basis === 'absolute' ? body.minutes : 0),
            shareBasisPoints: share?.shareBasisPoints ?? 0,
            declaredEmployees: share?.declaredEmployees ?? 0,
            declaredMinutesPerEmployee: BigInt(share?.declaredMinutesPerEmployee ?? 0),
            expectedVersion: ifMatch,
          },
          { caller: callerOf(actor) },
        );
        const out = commitmentOut(commitment);
        return { body: out, version: out.version };
      },
    }),
  ];
}
