// Employer commitments and the dashboard of what is committed, allocated and consumed.
import { forbidden, invalid, orThrow, throwIfRefused, withTransaction, type Caller, type Handlers } from '@e21/kit';
import type { ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import {
  allocationOf,
  checkCommitmentChange,
  commitmentReport,
  MAX_YEAR,
  MIN_YEAR,
  validateCommitment,
  type EmployerCommitment,
} from '../domain/commitment.js';
import * as events from '../events.js';
import { basisFromProto, commitmentToProto, minutesFromProto, statusToProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, callerText, requireUuid, type HandlerDeps } from './context.js';

type CommitmentHandlers = Pick<Handlers<typeof ContractsServiceService>, 'setCommitment' | 'getCommitmentReport' | 'listCommitments'>;

function requireYear(year: number): number {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw invalid('year', `must be a year from ${MIN_YEAR} to ${MAX_YEAR}`, 'invalid_year');
  return year;
}

export function commitmentHandlers(deps: HandlerDeps): CommitmentHandlers {
  async function requireMay(
    caller: Caller,
    action: 'contracts.employer.act' | 'contracts.commitments.read',
    organizationId: string,
  ): Promise<void> {
    if (caller.kind === 'system') return;
    if (caller.kind !== 'person' || !(await deps.directory.may(caller, action, organizationId))) {
      throw forbidden(
        action === 'contracts.employer.act'
          ? "Only the organization's HR managers and admins set its commitment"
          : "Only the organization's HR managers and admins, and its territory's officers, read its commitment",
      );
    }
  }

  return {
    async setCommitment(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      await requireMay(caller, 'contracts.employer.act', organizationId);
      const figures = orThrow(
        validateCommitment({
          year: request.year,
          basis: basisFromProto(request.basis) ?? ('' as never),
          minutes: minutesFromProto(request.minutes),
          shareBasisPoints: request.shareBasisPoints,
          declaredEmployees: request.declaredEmployees,
          declaredMinutesPerEmployee: minutesFromProto(request.declaredMinutesPerEmployee),
        }),
      );
      const saved = await withTransaction(deps.pool, async (tx) => {
        // The same lock as signing: a commitment is not lowered under a contract being signed.
        await store.lockCommitment(tx, organizationId, figures.year);
        const existing = await store.getCommitment(tx, organizationId, figures.year);
        const allocated = (await store.employeeContracts(tx, organizationId, figures.year)).reduce(
          (total, c) => total + allocationOf(c),
          0,
        );
        throwIfRefused(checkCommitmentChange(existing, request.expectedVersion, figures.committedMinutes, allocated));
        const version = (existing?.version ?? 0) + 1;
        const commitment: EmployerCommitment = { ...figures, organizationId, version, setBy: callerText(caller), setAt: deps.now() };
        await store.saveCommitment(tx, commitment);
        await events.commitmentSet(tx, commitment, existing?.committedMinutes ?? 0);
        return commitment;
      });
      return commitmentToProto(saved);
    },

    async getCommitmentReport(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      const year = requireYear(request.year);
      await requireMay(caller, 'contracts.commitments.read', organizationId);
      const [commitment, contracts] = await Promise.all([
        store.getCommitment(deps.pool, organizationId, year),
        store.employeeContracts(deps.pool, organizationId, year),
      ]);
      const report = commitmentReport(commitment?.committedMinutes ?? 0, contracts);
      return {
        organizationId,
        year,
        commitment: commitment && commitmentToProto(commitment),
        committedMinutes: BigInt(report.committedMinutes),
        allocatedMinutes: BigInt(report.allocatedMinutes),
        consumedMinutes: BigInt(report.consumedMinutes),
        unallocatedMinutes: BigInt(report.unallocatedMinutes),
        employees: report.employees.map((e) => ({
          personId: e.personId,
          personName: e.personName,
          contractId: e.contractId,
          status: statusToProto(e.status),
          allocatedMinutes: BigInt(e.allocatedMinutes),
          consumedMinutes: BigInt(e.consumedMinutes),
          periodStart: e.periodStart,
          periodEnd: e.periodEnd,
        })),
      };
    },

    async listCommitments(request, call) {
      const caller = callerOf(call);
      const organizationId = requireUuid(request.organizationId, 'organization_id');
      await requireMay(caller, 'contracts.commitments.read', organizationId);
      return { commitments: (await store.listCommitments(deps.pool, organizationId)).map(commitmentToProto) };
    },
  };
}
