// Which party of a contract a caller acts as: the person themselves, someone acting for the
// employer, or someone acting for the office.
import { refusal, type RefusalValue } from '@e21/kit';
import { partiesOf, type ContractKind, type Party } from './negotiation.js';

export interface CallerStanding {
  /** The caller is the person the contract is for. */
  isPerson: boolean;
  /** identity allowed the caller to act for the contract's employer (contracts.employer.act). */
  actsForEmployer: boolean;
  /** identity allowed the caller to act for the contract's office (contracts.office.act). */
  actsForOffice: boolean;
}

/**
 * The parties a caller may act as. A person never acts for the employer or the office on their
 * own contract, even when they are its HR manager or an officer: nobody negotiates with themselves.
 */
export function partiesOfCaller(kind: ContractKind, standing: CallerStanding): Party[] {
  if (standing.isPerson) return ['person'];
  const parties: Party[] = [];
  if (standing.actsForEmployer && partiesOf(kind).includes('employer')) parties.push('employer');
  if (standing.actsForOffice) parties.push('office');
  return parties;
}

/**
 * The party a call is made as: the one named, if the caller may act as it; otherwise the only one
 * the caller may act as. Someone who may act as two (an HR manager who is also an officer) names one.
 */
export function chooseParty(candidates: Party[], requested: Party | undefined): Party | RefusalValue {
  if (candidates.length === 0) return refusal('forbidden', 'not_a_party', 'You are not a party to this contract');
  if (requested) {
    return candidates.includes(requested)
      ? requested
      : refusal('forbidden', 'not_a_party', `You cannot act as the ${requested} on this contract`);
  }
  if (candidates.length === 1) return candidates[0]!;
  return refusal('invalid', 'party_required', `You may act as ${candidates.join(' or ')} here: say which`, [
    { field: 'party', message: `must be one of ${candidates.join(', ')}` },
  ]);
}
