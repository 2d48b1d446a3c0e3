// The officer's verification queue: merchants registered in the territories they act for (and below)
// that no officer verified yet, or whose verification was revoked. A merchant takes payments in
// local currency only once verified; a namesake of a known shop shows here with its own legal id.
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../api';
import { formatDate, language, t } from '../i18n';
import type { Page, PageFactory } from '../router';
import { reloadMe } from '../session';
import { listOrganizationsToVerify, listTerritories, verifyOrganization, type Organization, type Territory } from '../services/identity';
import { indexTerritories } from '../territories';
import { problemAlert, statusRegion, type Message } from '../ui/feedback';
import { field } from '../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../ui/loadable';
import { officerTerritories, territoryName } from './programs/shared';

interface Queue {
  territories: Map<string, Territory>;
  /** Where the person is an officer (or territory admin). */
  mine: string[];
  waiting: Organization[];
}

export const verificationsPage: PageFactory = ({ update }) => {
  let state: Loadable<Queue> = loading;
  let territoryId = '';
  let message: Message | null = null;
  let problem: unknown = null;
  let busy = false;

  async function read(): Promise<Queue> {
    const mine = officerTerritories(await reloadMe());
    territoryId ||= mine[0] ?? '';
    const territories = indexTerritories((await listTerritories()).items, language()).byId;
    return { territories, mine, waiting: territoryId ? (await listOrganizationsToVerify(territoryId, 'merchant')).items : [] };
  }

  async function verify(organization: Organization): Promise<void> {
    if (busy) return;
    busy = true;
    message = null;
    problem = null;
    update();
    try {
      await verifyOrganization(organization.id);
      message = { key: 'verifications.verified', params: { name: organization.name } };
      state = await loadable(read);
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error;
    } finally {
      busy = false;
      update();
    }
  }

  function row(organization: Organization, territories: Map<string, Territory>): TemplateResult {
    const link = `/organization/${encodeURIComponent(organization.id)}`;
    return html`<tr data-organization=${organization.id}>
      <th scope="row"><a href=${link}>${organization.name}</a></th>
      <td><code>${organization.legalId}</code></td>
      <td>${territoryName(territories, organization.territoryId)}</td>
      <td>${formatDate(organization.createdAt)}</td>
      <td>${organization.verification.status === 'revoked' ? t('verifications.revoked', { date: formatDate(organization.verification.decidedAt ?? organization.createdAt) }) : t('verifications.new')}</td>
      <td>
        <button type="button" class="primary" aria-disabled=${busy ? 'true' : 'false'} @click=${() => verify(organization)}>
          ${t('verifications.verify')}<span class="visually-hidden"> ${organization.name}</span>
        </button>
      </td>
    </tr>`;
  }

  const page: Page = {
    title: () => t('verifications.title'),

    async load(signal) {
      const next = await loadable(read);
      if (!signal.aborted) state = next;
    },

    view: () =>
      whenLoaded(state, ({ territories, mine, waiting }) => {
        if (!mine.length) return html`<p>${t('verifications.notOfficer')}</p>`;
        return html`
          <p>${t('verifications.intro')}</p>
          ${mine.length > 1
            ? field({ id: 'verifications-territory', label: t('verifications.territory') }, (a) =>
                html`<select id=${a.id} @change=${async (e: Event) => {
                  territoryId = (e.target as HTMLSelectElement).value;
                  state = await loadable(read);
                  update();
                }}>
                  ${mine.map((id) => html`<option value=${id} ?selected=${id === territoryId}>${territoryName(territories, id)}</option>`)}
                </select>`,
              )
            : nothing}
          ${statusRegion(message)} ${problem ? problemAlert(problem) : nothing}
          <h2>${t('verifications.waiting', { territory: territoryName(territories, territoryId) })}</h2>
          ${waiting.length
            ? html`<div class="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">${t('verifications.name')}</th>
                      <th scope="col">${t('verifications.legalId')}</th>
                      <th scope="col">${t('verifications.territory')}</th>
                      <th scope="col">${t('verifications.registeredOn')}</th>
                      <th scope="col">${t('verifications.status')}</th>
                      <th scope="col"><span class="visually-hidden">${t('common.actions')}</span></th>
                    </tr>
                  </thead>
                  <tbody>${waiting.map((o) => row(o, territories))}</tbody>
                </table>
              </div>`
            : html`<p>${t('verifications.none', { territory: territoryName(territories, territoryId) })}</p>`}
        `;
      }),
  };
  return page;
};
