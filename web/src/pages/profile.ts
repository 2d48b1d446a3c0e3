// Profile: the invitations waiting for an answer, who the signed-in person is (status, territory,
// employer, competences, roles) and the form to edit name, status, language and residence.
import { html, nothing, type TemplateResult } from 'lit-html';
import { ifDefined } from 'lit-html/directives/if-defined.js';
import { ApiError, isApiError } from '../api';
import { LANGUAGE_NAMES, LANGUAGES, language, t, type Language } from '../i18n';
import type { Page, PageFactory } from '../router';
import { applyLanguage, reloadMe, session, setMe } from '../session';
import {
  getOrganization,
  getTerritory,
  listTerritories,
  PERSON_STATUSES,
  updateMe,
  type Me,
  type PersonStatus,
  type RoleGrant,
} from '../services/identity';
import { indexTerritories, residenceChoices, type TerritoryChoice } from '../territories';
import { problemAlert, statusRegion, type Message } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { field, formErrorsFrom, noErrors, type FormErrors } from '../ui/forms';
import { loadable, loading, whenLoaded, type Loadable } from '../ui/loadable';
import { territoryPath } from '../ui/territory';
import { invitationsSection } from './invitations';

const NAME_MAX_LENGTH = 200;
const FIELDS = ['name', 'status', 'locale', 'territoryId'] as const;

interface Draft {
  name: string;
  status: PersonStatus;
  locale: Language;
  territoryId: string;
}

export const profilePage: PageFactory = ({ update }) => {
  /** Names of the things roles are scoped to, by scope id (ids not found are shown as they are). */
  let scopeNames: Loadable<Map<string, string>> = loading;
  let residences: Loadable<TerritoryChoice[]> | null = null;
  let draft: Draft | null = null;
  let errors: FormErrors = noErrors;
  let problem: unknown = null;
  let saving = false;
  let message: Message | null = null;
  const invitations = invitationsSection(update);

  const page: Page = {
    title: () => t('profile.title'),

    async load(signal) {
      const [next] = await Promise.all([loadable(async () => scopeNamesFor(await reloadMe())), invitations.load(signal)]);
      if (signal.aborted) return;
      scopeNames = next;
      if (draft) await loadResidences(signal);
    },

    view: () =>
      whenLoaded(scopeNames, (names) => {
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
            ${employer
              ? html`<a href="/organization/${encodeURIComponent(employer.id)}">${employer.name}</a>
                  (${t(`organizationKind.${employer.kind}`)})`
              : t('profile.noEmployer')}
          </dd>
        </dl>
        <p>
          <button type="button" id="profile-edit-toggle" aria-expanded=${draft ? 'true' : 'false'} @click=${toggleEditor}>
            ${t('profile.edit')}
          </button>
        </p>
        ${statusRegion(message)} ${draft ? editor(draft) : nothing}
      </section>

      <section aria-labelledby="profile-competences-heading">
        <h2 id="profile-competences-heading">${t('profile.competences')}</h2>
        ${me.competences.length
          ? html`<ul>
              ${me.competences.map(
                (c) => html`<li>${c.label} <span class="muted">(${t(`level.${c.level}`)})</span></li>`,
              )}
            </ul>`
          : html`<p>${t('profile.noCompetences')}</p>`}
        <p><a href="/competences">${t('profile.manageCompetences')}</a></p>
      </section>

      <section aria-labelledby="profile-roles-heading">
        <h2 id="profile-roles-heading">${t('profile.roles')}</h2>
        ${me.roles.length
          ? html`<ul>
              ${me.roles.map(
                (role) =>
                  html`<li>
                    ${t('profile.roleInScope', {
                      role: t(`role.${role.role}`),
                      scopeKind: t(`scopeKind.${role.scopeKind}`),
                      scope: names.get(role.scopeId) ?? role.scopeId,
                    })}
                  </li>`,
              )}
            </ul>`
          : html`<p>${t('profile.noRoles')}</p>`}
      </section>
    `;
  }

  function editor(d: Draft): TemplateResult {
    return html`<form class="stack" aria-label=${t('profile.edit')} novalidate @submit=${save}>
      ${problem ? problemAlert(problem, errors.unattached) : nothing}
      ${field({ id: 'profile-name', label: t('profile.name'), errors: errors.fields.name }, (a) =>
        html`<input id=${a.id} name="name" type="text" autocomplete="name" required maxlength=${NAME_MAX_LENGTH}
          .value=${d.name} aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)}
          @input=${(e: Event) => (d.name = (e.target as HTMLInputElement).value)} />`,
      )}
      ${field({ id: 'profile-status', label: t('profile.status'), errors: errors.fields.status }, (a) =>
        html`<select id=${a.id} name="status" aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)}
          @change=${(e: Event) => (d.status = (e.target as HTMLSelectElement).value as PersonStatus)}>
          ${PERSON_STATUSES.map((s) => html`<option value=${s} ?selected=${s === d.status}>${t(`status.${s}`)}</option>`)}
        </select>`,
      )}
      ${field({ id: 'profile-locale', label: t('profile.language'), errors: errors.fields.locale }, (a) =>
        html`<select id=${a.id} name="locale" aria-invalid=${a.invalid} aria-describedby=${ifDefined(a.describedBy)}
          @change=${(e: Event) => (d.locale = (e.target as HTMLSelectElement).value as Language)}>
          ${LANGUAGES.map(
            (l) => html`<option value=${l} lang=${l} ?selected=${l === d.locale}>${LANGUAGE_NAMES[l]}</option>`,
          )}
        </select>`,
      )}
      ${field(
        {
          id: 'profile-territory',
          label: t('profile.residence'),
          hint: t('profile.residenceHint'),
          errors: errors.fields.territoryId,
        },
        (a) => residenceSelect(d, a.id, a.invalid, a.describedBy),
      )}
      <div class="actions">
        <button type="submit" class="primary" aria-disabled=${saving ? 'true' : 'false'}>${t('common.save')}</button>
        <button type="button" @click=${closeEditor}>${t('common.cancel')}</button>
      </div>
    </form>`;
  }

  // Until the list of localities arrives (or if it fails), the current residence is the only choice.
  function residenceSelect(d: Draft, id: string, invalid: string, describedBy: string | undefined): TemplateResult {
    const current = session().me?.territoryPath;
    const fallback: TerritoryChoice[] = current?.length
      ? [{ id: d.territoryId, label: current.filter((p) => p.level !== 'eu').map((p) => p.name).join(' › ') }]
      : [];
    const choices = residences?.status === 'ready' ? residences.data : fallback;
    const listed = choices.some((c) => c.id === d.territoryId);
    return html`<select id=${id} name="territoryId" aria-invalid=${invalid} aria-describedby=${ifDefined(describedBy)}
        @change=${(e: Event) => (d.territoryId = (e.target as HTMLSelectElement).value)}>
        ${listed ? nothing : fallback.map((c) => html`<option value=${c.id} selected>${c.label}</option>`)}
        ${choices.map((c) => html`<option value=${c.id} ?selected=${c.id === d.territoryId}>${c.label}</option>`)}
      </select>
      ${residences?.status === 'loading' ? html`<p class="hint">${t('common.loading')}</p>` : nothing}
      ${residences?.status === 'failed' ? problemAlert(residences.error) : nothing}`;
  }

  async function loadResidences(signal?: AbortSignal): Promise<void> {
    residences ??= loading;
    const next = await loadable(async () => {
      const { items } = await listTerritories();
      return residenceChoices(indexTerritories(items, language()), language());
    });
    if (signal?.aborted) return;
    residences = next;
    update();
  }

  function toggleEditor(): void {
    if (draft) {
      closeEditor();
      return;
    }
    const person = session().me?.person;
    if (!person) return;
    draft = { name: person.name, status: person.status, locale: person.locale, territoryId: person.territoryId };
    errors = noErrors;
    problem = null;
    message = null;
    update();
    focusLater('#profile-name');
    if (!residences || residences.status === 'failed') void loadResidences();
  }

  function closeEditor(): void {
    draft = null;
    errors = noErrors;
    problem = null;
    update();
    focusLater('#profile-edit-toggle');
  }

  async function save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const me = session().me;
    if (!draft || !me || saving) return;
    const changes = { ...draft, name: draft.name.trim() };
    errors = validate(changes);
    problem = null;
    message = null;
    if (Object.keys(errors.fields).length) {
      update();
      focusLater('[aria-invalid="true"]');
      return;
    }

    saving = true;
    update();
    try {
      // The version read last is sent back: if someone saved in between, the gateway says 412.
      const saved = await updateMe(me.person.version, changes);
      draft = null;
      message = { key: 'profile.saved' };
      setMe(saved);
      focusLater('#profile-edit-toggle');
      if (saved.person.locale !== language()) applyLanguage(saved.person.locale);
    } catch (error) {
      if (isApiError(error, 401)) return;
      if (isApiError(error, 412)) {
        // Show what is saved now; the person's edits stay in the form, to review and save again.
        problem = new ApiError({ status: 412, title: t('profile.conflictTitle'), detail: t('profile.conflict') });
        await reloadMe().catch(() => undefined);
      } else {
        errors = formErrorsFrom(error, FIELDS);
        problem = error;
      }
    } finally {
      saving = false;
      update();
    }
  }

  return page;
};

function validate(draft: Draft): FormErrors {
  const fields: FormErrors['fields'] = {};
  if (!draft.name) fields.name = [t('profile.nameRequired')];
  else if (draft.name.length > NAME_MAX_LENGTH) fields.name = [t('profile.nameTooLong', { max: NAME_MAX_LENGTH })];
  return { fields, unattached: [] };
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
