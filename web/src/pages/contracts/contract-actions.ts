// What a party of a SAR contract can do now: accept or withdraw the version under negotiation,
// counter-propose or amend (in the terms editor), suspend, resume or terminate.
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../../api';
import { t } from '../../i18n';
import {
  acceptVersion,
  resumeContract,
  suspendContract,
  terminateContract,
  withdrawVersion,
  type ContractDetail,
  type Party,
} from '../../services/contracts';
import type { Component } from '../../ui/component';
import { focusLater } from '../../ui/focus';
import { inputField, selectField } from '../../ui/forms';
import { invalid, submission } from '../../ui/submit';
import type { ContractContext } from './contract';
import { partyLabel } from './labels';

export interface ContractActions extends Component<[detail: ContractDetail]> {
  /** The party the person acts as, when they are more than one (an HR manager's own contract). */
  party(detail: ContractDetail): Party | undefined;
  /** Closes the suspension or termination form (when the terms editor opens instead). */
  closeEnding(): void;
}

type Ending = 'suspend' | 'terminate';

const STALE = { title: 'contracts.staleTitle', detail: 'contracts.stale' } as const;

export function contractActions(context: ContractContext, openEditor: (detail: ContractDetail) => void): ContractActions {
  const { contractId, update } = context;
  let actAs: Party | undefined;
  let acceptComment = '';
  let ending: Ending | null = null;
  let reason = '';
  let endDate = '';
  // Someone may have acted in between (412): the contract is read again, to show what they did.
  const onFailure = (error: unknown) => (isApiError(error, 412) ? context.reload() : undefined);
  const acting = submission(update, { stale: STALE, status: context.status, onFailure });
  const ended = submission(update, { stale: STALE, status: context.status, fields: ['endDate', 'reason'], onFailure });

  function party(detail: ContractDetail): Party | undefined {
    if (detail.callerParties.length < 2) return undefined;
    return actAs ?? detail.callerParties.find((p) => detail.awaiting.includes(p)) ?? detail.callerParties[0];
  }

  /** Runs a contract action; shows its outcome and the contract as it now is. */
  const act =
    (call: () => Promise<ContractDetail>, done: 'contracts.accepted' | 'contracts.withdrawn' | 'contracts.resumed') => async () => {
      context.show(await call());
      context.status.say(done);
      acceptComment = '';
    };

  function openEnding(next: Ending | null): void {
    ending = next;
    ended.reset();
    update();
    if (next) focusLater(next === 'terminate' ? '#end-date' : '#reason');
  }

  async function end(detail: ContractDetail): Promise<void> {
    const terminating = ending === 'terminate';
    if (!reason.trim() || (terminating && !endDate)) {
      throw invalid({
        ...(reason.trim() ? {} : { reason: [t('contracts.reasonRequired')] }),
        ...(terminating && !endDate ? { endDate: [t('contracts.endDateRequired')] } : {}),
      });
    }
    const by = { reason: reason.trim(), party: party(detail) };
    context.show(terminating ? await terminateContract(contractId, { ...by, endDate }) : await suspendContract(contractId, by));
    context.status.say(terminating ? 'contracts.terminated' : 'contracts.suspended');
    ending = null;
    reason = '';
    focusLater('#actions-heading');
  }

  function endingForm(detail: ContractDetail): TemplateResult {
    const terminating = ending === 'terminate';
    return ended.form(
      { label: t(terminating ? 'contracts.terminate' : 'contracts.suspend'), send: () => end(detail) },
      html`${
        terminating
          ? inputField({
              id: 'end-date',
              label: t('contracts.endDate'),
              type: 'date',
              errors: ended.errorsOf('endDate'),
              value: endDate,
              onInput: (v) => (endDate = v),
            })
          : nothing
      }
      ${inputField({
        id: 'reason',
        label: t('contracts.reason'),
        maxlength: 1000,
        errors: ended.errorsOf('reason'),
        value: reason,
        onInput: (v) => (reason = v),
      })}
      ${ended.actions(t(terminating ? 'contracts.confirmTerminate' : 'contracts.confirmSuspend'), {
        kind: 'danger',
        cancel: () => openEnding(null),
      })}`,
    );
  }

  function view(detail: ContractDetail): TemplateResult {
    const c = detail.contract;
    const mine = detail.callerParties;
    const awaitingMe = detail.awaiting.some((p) => mine.includes(p));
    const forEmployerOrOffice = mine.some((p) => p === 'employer' || p === 'office');
    const live = c.status === 'signed' || c.status === 'suspended';
    if (!mine.length || (!c.pendingVersion && !live)) return html``;
    const pending = c.pendingVersion;
    const button = (label: string, send: () => Promise<void>, kind: 'primary' | '' = '') =>
      acting.action(label, () => send().finally(() => focusLater('#actions-heading')), { kind });
    return html`<section aria-labelledby="actions-heading">
      <h2 id="actions-heading" tabindex="-1">${t('contracts.yourPart')}</h2>
      ${acting.alert()}
      ${
        mine.length > 1
          ? selectField({
              id: 'act-as',
              label: t('contracts.actAs'),
              options: mine.map((p) => ({ value: p, label: partyLabel(p) })),
              value: actAs ?? mine[0]!,
              onChange: (value) => (actAs = value as Party),
            })
          : nothing
      }
      ${
        pending && awaitingMe
          ? html`<p>${t('contracts.awaitsYourAcceptance', { n: pending })}</p>
              ${inputField({
                id: 'accept-comment',
                label: t('contracts.acceptComment'),
                maxlength: 1000,
                value: acceptComment,
                onInput: (v) => (acceptComment = v),
              })}`
          : nothing
      }
      ${pending && !awaitingMe ? html`<p>${t('contracts.youAccepted', { n: pending })}</p>` : nothing}
      <div class="actions">
        ${
          pending && awaitingMe
            ? button(
                t('contracts.acceptVersion', { n: pending }),
                act(
                  () => acceptVersion(contractId, pending, { comment: acceptComment.trim() || undefined, party: party(detail) }),
                  'contracts.accepted',
                ),
                'primary',
              )
            : nothing
        }
        ${pending ? html`<button type="button" @click=${() => openEditor(detail)}>${t('contracts.counterPropose')}</button>` : nothing}
        ${
          pending
            ? button(
                t('contracts.withdrawVersion', { n: pending }),
                act(() => withdrawVersion(contractId, pending, { party: party(detail) }), 'contracts.withdrawn'),
              )
            : nothing
        }
        ${
          !pending && c.status === 'signed'
            ? html`<button type="button" @click=${() => openEditor(detail)}>${t('contracts.amend')}</button>`
            : nothing
        }
        ${
          c.status === 'signed' && forEmployerOrOffice
            ? html`<button type="button" @click=${() => openEnding('suspend')}>${t('contracts.suspend')}</button>`
            : nothing
        }
        ${
          c.status === 'suspended' && forEmployerOrOffice
            ? button(
                t('contracts.resume'),
                act(() => resumeContract(contractId, { party: party(detail) }), 'contracts.resumed'),
              )
            : nothing
        }
        ${live ? html`<button type="button" @click=${() => openEnding('terminate')}>${t('contracts.terminate')}</button>` : nothing}
      </div>
      ${ending ? endingForm(detail) : nothing}
    </section>`;
  }

  return {
    view,
    party,
    closeEnding() {
      ending = null;
    },
  };
}
