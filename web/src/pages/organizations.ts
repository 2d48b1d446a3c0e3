// My organization: the organizations the person belongs to, each leading to its own page.
import { html } from 'lit-html';
import { formatDate, t } from '../i18n';
import type { Page, PageFactory } from '../router';
import { reloadMe } from '../session';
import { resource } from '../ui/resource';

export const organizationsPage: PageFactory = ({ update }) => {
  const state = resource(reloadMe, update);

  const page: Page = {
    title: () => t('organizations.title'),

    load: (signal) => state.load(signal),

    view: () =>
      state.view(({ memberships, employer }) => {
        if (!memberships.length) return html`<p>${t('organizations.none')}</p>`;
        return html`<ul class="cards">
          ${memberships.map(
            (m) =>
              html`<li class="card">
                <h2><a href="/organization/${encodeURIComponent(m.organizationId)}">${m.organizationName}</a></h2>
                <p>
                  ${t(`organizationKind.${m.organizationKind}`)}
                  ${employer?.id === m.organizationId ? html`<span class="tag">${t('organizations.employer')}</span>` : ''}
                </p>
                <p>${t('organizations.roleSince', { role: t(`membershipRole.${m.role}`), date: formatDate(m.since) })}</p>
                ${m.employeeReference ? html`<p>${t('organizations.employeeReference', { reference: m.employeeReference })}</p>` : ''}
              </li>`,
          )}
        </ul>`;
      }),
  };
  return page;
};
