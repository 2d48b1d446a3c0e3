// Editing one's profile: name, status, language and the locality one lives in.
import { html, nothing, type TemplateResult } from 'lit-html';
import { isApiError } from '../api';
import { LANGUAGE_NAMES, LANGUAGES, language, t, type Language } from '../i18n';
import { applyLanguage, reloadMe, session, setMe } from '../session';
import { listTerritories, PERSON_STATUSES, updateMe, type PersonStatus } from '../services/identity';
import { indexTerritories, residenceChoices, type TerritoryChoice } from '../territories';
import type { Component, Update } from '../ui/component';
import { problemAlert, type StatusLine } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { inputField, selectField, type FormErrors } from '../ui/forms';
import { resource } from '../ui/resource';
import { invalid, submission } from '../ui/submit';

const NAME_MAX_LENGTH = 200;

interface Draft {
  name: string;
  status: PersonStatus;
  locale: Language;
  territoryId: string;
}

export interface ProfileEditor extends Component {
  readonly open: boolean;
  toggle(): void;
  /** Reads the places one can live in again (their names follow the language). */
  load(signal: AbortSignal): Promise<void>;
}

export function profileEditor(update: Update, status: StatusLine): ProfileEditor {
  let draft: Draft | null = null;
  const residences = resource(async () => {
    const { items } = await listTerritories();
    return residenceChoices(indexTerritories(items, language()), language());
  }, update);
  const form = submission(update, {
    fields: ['name', 'status', 'locale', 'territoryId'],
    stale: { title: 'profile.conflictTitle', detail: 'profile.conflict' },
    status,
    // Someone saved meanwhile: what is saved now is shown; the edits stay in the form, to review and save again.
    onFailure: (error) =>
      isApiError(error, 412)
        ? reloadMe().then(
            () => undefined,
            () => undefined,
          )
        : undefined,
  });

  function close(): void {
    draft = null;
    form.reset();
    update();
    focusLater('#profile-edit-toggle');
  }

  function toggle(): void {
    if (draft) return close();
    const person = session().me?.person;
    if (!person) return;
    draft = { name: person.name, status: person.status, locale: person.locale, territoryId: person.territoryId };
    form.reset();
    status.clear();
    update();
    focusLater('#profile-name');
    if (residences.state.status !== 'ready') void residences.reload();
  }

  async function save(d: Draft): Promise<void> {
    const me = session().me;
    if (!me) return;
    const changes = { ...d, name: d.name.trim() };
    const refused = validate(changes);
    if (Object.keys(refused).length) throw invalid(refused);
    // The version read last is sent back: if someone saved in between, the gateway says 412.
    const saved = await updateMe(me.person.version, changes);
    draft = null;
    status.say('profile.saved');
    setMe(saved);
    focusLater('#profile-edit-toggle');
    if (saved.person.locale !== language()) applyLanguage(saved.person.locale);
  }

  // Until the list of localities arrives (or if it fails), the current residence is the only choice.
  function residenceSelect(d: Draft): TemplateResult {
    const current = session().me?.territoryPath;
    const fallback: TerritoryChoice[] = current?.length
      ? [
          {
            id: d.territoryId,
            label: current
              .filter((p) => p.level !== 'eu')
              .map((p) => p.name)
              .join(' › '),
          },
        ]
      : [];
    const choices = residences.data ?? fallback;
    const listed = choices.some((c) => c.id === d.territoryId);
    return html`${selectField({
      id: 'profile-territory',
      label: t('profile.residence'),
      hint: t('profile.residenceHint'),
      errors: form.errorsOf('territoryId'),
      options: [...(listed ? [] : fallback), ...choices].map((c) => ({ value: c.id, label: c.label })),
      value: d.territoryId,
      onChange: (v) => (d.territoryId = v),
    })}
    ${residences.state.status === 'loading' ? html`<p class="hint">${t('common.loading')}</p>` : nothing}
    ${residences.state.status === 'failed' ? problemAlert(residences.state.error) : nothing}`;
  }

  function editor(d: Draft): TemplateResult {
    return form.form(
      { label: t('profile.edit'), send: () => save(d) },
      html`${inputField({
        id: 'profile-name',
        name: 'name',
        label: t('profile.name'),
        autocomplete: 'name',
        required: true,
        maxlength: NAME_MAX_LENGTH,
        errors: form.errorsOf('name'),
        value: d.name,
        onInput: (v) => (d.name = v),
      })}
      ${selectField({
        id: 'profile-status',
        label: t('profile.status'),
        errors: form.errorsOf('status'),
        options: PERSON_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
        value: d.status,
        onChange: (v) => (d.status = v as PersonStatus),
      })}
      ${selectField({
        id: 'profile-locale',
        label: t('profile.language'),
        errors: form.errorsOf('locale'),
        options: LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l], lang: l })),
        value: d.locale,
        onChange: (v) => (d.locale = v as Language),
      })}
      ${residenceSelect(d)} ${form.actions(t('common.save'), { cancel: close })}`,
    );
  }

  return {
    get open() {
      return draft !== null;
    },
    toggle,
    async load(signal) {
      if (draft) await residences.load(signal);
    },
    view: () => (draft ? editor(draft) : html``),
  };
}

function validate(draft: Draft): FormErrors['fields'] {
  const fields: FormErrors['fields'] = {};
  if (!draft.name) fields.name = [t('profile.nameRequired')];
  else if (draft.name.length > NAME_MAX_LENGTH) fields.name = [t('profile.nameTooLong', { max: NAME_MAX_LENGTH })];
  return fields;
}
