// Reading contracts: one contract, its detail, a person's signed contracts, a party's inbox, the
// allowance on a date, and the signed documents.
import { clampLimit, forbidden, Refused, type Handlers } from '@e21/kit';
import { DocumentFormat, type ContractsServiceService } from '@e21/proto/e21/contracts/v1/contracts';
import type { ContractRecord } from '../domain/contracts.js';
import { awaiting, type Party } from '../domain/negotiation.js';
import { allowanceOn } from '../domain/schedule.js';
import { contractJson, contractPdf } from '../documents.js';
import { allowanceToProto, partyFromProto, partyToProto, statusFromProto } from '../mapping.js';
import * as store from '../store/index.js';
import { callerOf, contractFor, requireDate, requireUuid, type HandlerDeps } from './context.js';
import { approvedHolidays, contractDetail, holidaysAwaitingCount, sarContract, stateOf } from './views.js';

type ReadingHandlers = Pick<
  Handlers<typeof ContractsServiceService>,
  'getContract' | 'getContractDetail' | 'listContractsOfPerson' | 'listNegotiationInbox' | 'getAllowance' | 'renderContractDocument'
>;

const NOBODY = '00000000-0000-0000-0000-000000000000';

/** The parties a caller acts as on a listed contract, from where they stand (see Directory.standingOf). */
function partiesOnListed(
  contract: ContractRecord,
  personId: string,
  standing: { employerIds: string[]; officeTerritoryIds: string[] },
): Party[] {
  if (contract.personId === personId) return ['person'];
  const parties: Party[] = [];
  if (contract.employerId && standing.employerIds.includes(contract.employerId)) parties.push('employer');
  if (standing.officeTerritoryIds.includes(contract.officeTerritoryId)) parties.push('office');
  return parties;
}

export function readingHandlers(deps: HandlerDeps): ReadingHandlers {
  return {
    async getContract(request, call) {
      const { contract } = await contractFor(deps, callerOf(call), requireUuid(request.id, 'id'));
      return sarContract(deps.pool, contract);
    },

    async getContractDetail(request, call) {
      const { contract, parties } = await contractFor(deps, callerOf(call), requireUuid(request.id, 'id'));
      return contractDetail(deps.pool, contract, parties);
    },

    async listContractsOfPerson(request, call) {
      const caller = callerOf(call);
      const personId = requireUuid(request.personId, 'person_id');
      if (caller.kind !== 'system' && !(caller.kind === 'person' && caller.personId === personId))
        throw forbidden('Only the person and the platform’s services list a person’s contracts');
      const contracts = await store.signedContractsOf(deps.pool, personId);
      return { contracts: await Promise.all(contracts.map((c) => sarContract(deps.pool, c))) };
    },

    async listNegotiationInbox(request, call) {
      const caller = callerOf(call);
      if (caller.kind !== 'person') throw forbidden('The inbox is a person’s');
      const standing = await deps.directory.standingOf(caller);
      const only = partyFromProto(request.party);
      const filter = {
        personId: !only || only === 'person' ? caller.personId : NOBODY,
        employerIds: !only || only === 'employer' ? standing.employerIds : [],
        officeTerritoryIds: !only || only === 'office' ? standing.officeTerritoryIds : [],
        status: statusFromProto(request.status),
      };
      const found = await store.listContractsFor(deps.pool, filter, clampLimit(request.limit), request.cursor || undefined);
      const [accepted, holidays] = await Promise.all([
        store.pendingAcceptances(deps.pool, found.items),
        store.listHolidaysOf(
          deps.pool,
          found.items.map((c) => c.id),
        ),
      ]);
      const items = await Promise.all(
        found.items.map(async (contract) => {
          const parties = partiesOnListed(contract, caller.personId, standing);
          const waitingFor = awaiting(stateOf(contract, accepted.get(contract.id) ?? []));
          return {
            contract: await sarContract(deps.pool, contract),
            callerParties: parties.map(partyToProto),
            awaiting: waitingFor.map(partyToProto),
            awaitingCaller: waitingFor.some((p) => parties.includes(p)),
            holidaysAwaitingCaller: holidaysAwaitingCount(contract, holidays, parties),
          };
        }),
      );
      return { items, nextCursor: found.nextCursor };
    },

    async getAllowance(request, call) {
      const { contract } = await contractFor(deps, callerOf(call), requireUuid(request.contractId, 'contract_id'));
      const date = requireDate(request.date, 'date');
      const version = contract.inForceVersion;
      const terms = version !== null ? (await store.getVersion(deps.pool, contract.id, version))!.terms : undefined;
      const empty = {
        periodStart: date,
        periodEnd: date,
        yearlyMinutes: 0,
        schedule: { weeklyAllowanceMinutes: 0, blocks: [], blackouts: [] },
      };
      const holidays = approvedHolidays(await store.listHolidaysOf(deps.pool, [contract.id]));
      // Suspended contracts allow nothing; terminated ones allow up to their termination date.
      const inForce = terms !== undefined && (contract.status === 'signed' || contract.status === 'terminated');
      const allowance = allowanceOn({ ...(terms ?? empty), holidays }, date, { inForce, lastDay: contract.terminationDate });
      return allowanceToProto(contract.id, version ?? 0, allowance);
    },

    async renderContractDocument(request, call) {
      const { contract } = await contractFor(deps, callerOf(call), requireUuid(request.contractId, 'contract_id'));
      const number = request.version || contract.inForceVersion;
      if (!number)
        throw new Refused('conflict', 'not_signed', 'No version of this contract is signed yet: only signed versions are documents');
      const version = await store.getVersion(deps.pool, contract.id, number);
      if (!version)
        throw new Refused('not_found', 'version_not_found', `The contract has no version ${number}`, [
          { field: 'version', message: 'is not a version of the contract' },
        ]);
      if (!version.signedAt)
        throw new Refused('conflict', 'not_signed', `Version ${version.version} was not signed: only signed versions are documents`);
      const signed = {
        contract,
        version,
        acceptances: await store.listAcceptances(deps.pool, contract.id, version.version),
        signedAt: version.signedAt,
      };
      const base = `sar-contract-${contract.id}-v${version.version}`;
      if (request.format === DocumentFormat.DOCUMENT_FORMAT_JSON) {
        return {
          content: Buffer.from(JSON.stringify(contractJson(signed), null, 2)),
          contentType: 'application/json',
          filename: `${base}.json`,
          version: version.version,
        };
      }
      return { content: await contractPdf(signed), contentType: 'application/pdf', filename: `${base}.pdf`, version: version.version };
    },
  };
}
