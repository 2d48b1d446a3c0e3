// One SAR contract as its parties see it: what it is, what each party can do now (its actions and
// the terms editor), the signed documents, the schedule as a calendar, the versions side by side,
// the history, and the SAR holidays. Each part that keeps state is a component of its own.
import './contracts.css';
import { html } from 'lit-html';
import { t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { getContract, type ContractDetail } from '../../services/contracts';
import type { Update } from '../../ui/component';
import { statusLine, type StatusLine } from '../../ui/feedback';
import { resource } from '../../ui/resource';
import { contractActions } from './contract-actions';
import { contractHolidays } from './contract-holidays';
import { documents, history, schedule, summary, versions } from './contract-record';
import { termsEditor } from './terms-editor';

/** What the contract page gives its components. */
export interface ContractContext {
  contractId: string;
  update: Update;
  /** The page's status line: what the last action did. */
  status: StatusLine;
  /** The contract as last read. */
  detail(): ContractDetail | undefined;
  /** Takes the contract as a write answered with it. */
  show(detail: ContractDetail): void;
  /** Reads the contract again and draws it (after a write that answers with something else, or a refusal). */
  reload(): Promise<void>;
}

export const contractPage: PageFactory = ({ params, update }) => {
  const contractId = params.id ?? '';
  const contract = resource(() => getContract(contractId), update);
  const context: ContractContext = {
    contractId,
    update,
    status: statusLine(),
    detail: () => contract.data,
    show: (detail) => contract.set(detail),
    reload: () => contract.reload(),
  };
  const actions = contractActions(context, (detail) => {
    actions.closeEnding();
    editor.open(detail);
  });
  const editor = termsEditor(context, (detail) => actions.party(detail));
  const holidays = contractHolidays(context);

  const page: Page = {
    title: () => (contract.data ? t('contracts.contractOf', { name: contract.data.contract.personName }) : t('contracts.contractTitle')),

    async load(signal) {
      await contract.load(signal);
      await holidays.load?.(signal);
    },

    view: () =>
      contract.view(
        (detail) => html`
          <p><a href="/contracts">${t('contracts.backToInbox')}</a></p>
          ${summary(detail)} ${context.status.view()} ${actions.view(detail)} ${editor.view(detail)} ${documents(detail)}
          ${schedule(detail)} ${versions(detail)} ${history(detail)} ${holidays.view(detail)}
        `,
      ),
  };
  return page;
};
