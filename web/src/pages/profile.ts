// Profile: the invitations waiting for an answer, who the signed-in person is (status, territory,
// employer, competences, roles) and the form to edit name, status, language and residence.
import { html, type TemplateResult } from 'lit-html';
import { LANGUAGE_NAMES, t } from '../i18n';
import type { Page, PageFactory } from '../router';
import { reloadMe, session } from '../session';
import { getOrganization, getTerritory, type Me, type RoleGrant } from '../services/identity';
import { statusLine } from '../ui/feedback';
import { resource } from '../ui/resource';
import { territoryPath } from '../ui/territory';
import { invitationsSection } from './invitations';
import { profileEditor } from './profile-editor';

export const profilePage: PageFactory = ({ update }) => {
  /** Names of the things roles are scoped to, by scope id (ids not found are shown as they are). */
  const scopeNames = resource(async () => scopeNamesFor(await reloadMe()), update);
  const status = statusLine();
  const invitations = invitationsSection(update);
  const editor = profileEditor(update, status);

  const page: Page = {
    title: () => t('profile.title'),

    async load(signal) {
      await Promise.all([scopeNames.load(signal), invitations.load(signal), editor.load(signal)]);
    },

    view: () =>
      scopeNames.view((names) => {
        const me = session().me;
        return me ? details(me, names) : html``;
      }),
  };

  function details(me: Me, names: Map<string, string>): TemplateResult {
    const { person, employer } = me;
    return html`
      ${invitations.view()}
      <section aria-labelledby="profile-details-heading">
        <h2 id="profile-details-heading">${t('profile.details')}</h2>
        <dl class="details">
          <dt>${t('profile.name')}</dt>
          <dd>${person.name}</dd>
          <dt>${t('profile.email')}</dt>
          <dd>${person.email}</dd>
          <dt>${t('profile.status')}</dt>
          <dd>${t(`status.${person.status}`)}</dd>
          <dt>${t('profile.language')}</dt>
          <dd lang=${person.locale}>${LANGUAGE_NAMES[person.locale]}</dd>
          <dt>${t('profile.territory')}</dt>
          <dd>${territoryPath(me.territoryPath)}</dd>
          <dt>${t('profile.employer')}</dt>
          <dd>
            ${
              employer
                ? html`<a href="/organization/${encodeURIComponent(employer.id)}">${employer.name}</a>
                    (${t(`organizationKind.${employer.kind}`)})`
                : t('profile.noEmployer')
            }
          </dd>
        </dl>
        <p>
          <button type="button" id="profile-edit-toggle" aria-expanded=${editor.open ? 'true' : 'false'} @click=${editor.toggle}>
            ${t('profile.edit')}
          </button>
        </p>
        ${status.view()} ${editor.view()}
      </section>

      <section aria-labelledby="profile-competences-heading">
        <h2 id="profile-competences-heading">${t('profile.competences')}</h2>
        ${listOr(
          me.competences.map((c) => html`${c.label} <span class="muted">(${t(`level.${c.level}`)})</span>`),
          t('profile.noCompetences'),
        )}
        <p><a href="/competences">${t('profile.manageCompetences')}</a></p>
      </section>

      <section aria-labelledby="profile-roles-heading">
        <h2 id="profile-roles-heading">${t('profile.roles')}</h2>
        ${listOr(
          me.roles.map((role) =>
            t('profile.roleInScope', {
              role: t(`role.${role.role}`),
              scopeKind: t(`scopeKind.${role.scopeKind}`),
              scope: names.get(role.scopeId) ?? role.scopeId,
            }),
          ),
          t('profile.noRoles'),
        )}
      </section>
    `;
  }

  return page;
};

/** A list of what is there, or the sentence that says there is nothing. */
function listOr(items: (string | TemplateResult)[], none: string): TemplateResult {
  return items.length
    ? html`<ul>
        ${items.map((item) => html`<li>${item}</li>`)}
      </ul>`
    : html`<p>${none}</p>`;
}

/** Resolves the territories and organizations that roles are scoped to, as far as they can be read. */
async function scopeNamesFor(me: Me): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const territory of me.territoryPath) names.set(territory.id, territory.name);
  for (const membership of me.memberships) names.set(membership.organizationId, membership.organizationName);
  const lookups: Partial<Record<RoleGrant['scopeKind'], (id: string) => Promise<{ name: string }>>> = {
    territory: getTerritory,
    organization: getOrganization,
  };
  await Promise.allSettled(
    me.roles
      .filter((role) => !names.has(role.scopeId))
      .map(async (role) => {
        const lookup = lookups[role.scopeKind];
        if (lookup) names.set(role.scopeId, (await lookup(role.scopeId)).name);
      }),
  );
  return names;
}
