// How the contracts pages name parties, statuses and periods, in the current language.
import { formatDate, t } from '../../i18n';
import type { ContractStatus, HolidaysStatus, Party } from '../../services/contracts';

export const partyLabel = (party: Party) => t(`party.${party}`);
export const partiesLabel = (parties: Party[]) => parties.map(partyLabel).join(', ');
export const contractStatusLabel = (status: ContractStatus) => t(`contractStatus.${status}`);
export const holidaysStatusLabel = (status: HolidaysStatus) => t(`holidaysStatus.${status}`);
export const periodLabel = (start: string, end: string) => t('contracts.periodValue', { start: formatDate(start), end: formatDate(end) });
