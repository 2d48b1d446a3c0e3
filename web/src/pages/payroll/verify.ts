// The public verification page: anyone holding a form's code sees whether it is authentic and in
// force, and may check a PDF or JSON file against it, the whole form's or its employer view's
// (hashed in the browser; the file is not sent). No figures are shown here.
import './payroll.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDate, formatMonth, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { sha256Of, verifyForm, type Verification } from '../../services/payroll';
import { field, inputField } from '../../ui/forms';
import { submission } from '../../ui/submit';

export const verifyPage: PageFactory = ({ update }) => {
  let code = new URLSearchParams(location.search).get('code') ?? '';
  let file: File | null = null;
  let result: Verification | null = null;
  const form = submission(update);

  async function check(): Promise<void> {
    if (!code.trim()) return;
    result = null;
    result = await verifyForm(code, file ? await sha256Of(file) : undefined);
  }

  const page: Page = {
    title: () => t('verify.title'),
    offersSignIn: false,
    async load() {
      if (code) await form.run(check);
    },
    view: () => html`
      <p>${t('verify.intro')}</p>
      ${form.form(
        { className: '', send: check },
        html`${inputField({
          id: 'verify-code',
          label: t('verify.code'),
          hint: t('verify.codeHint'),
          autocomplete: 'off',
          value: code,
          onInput: (v) => (code = v),
        })}
        ${field(
          { id: 'verify-file', label: t('verify.file'), hint: t('verify.fileHint') },
          (a) =>
            html`<input
              id=${a.id}
              type="file"
              accept="application/pdf,application/json"
              aria-describedby=${a.describedBy ?? nothing}
              @change=${(e: Event) => (file = (e.target as HTMLInputElement).files?.[0] ?? null)}
            />`,
        )}
        ${form.button(t('verify.check'))}`,
      )}
      ${result ? outcome(result) : nothing}
    `,
  };
  return page;
};

function outcome(v: Verification): TemplateResult {
  if (!v.found) return html`<div class="verification-result mismatch" role="status"><p>${t('verify.notFound', { code: v.code })}</p></div>`;
  const version = v.version ?? 1;
  const standing =
    v.status === 'current' ? t('verify.current', { version }) : t('verify.superseded', { version, code: v.supersededByCode ?? '' });
  const file = !v.matches
    ? t('verify.mismatch')
    : v.matchedDocument?.startsWith('employer_')
      ? t('verify.matchesEmployer')
      : t('verify.matches');
  return html`<div class="verification-result ${v.matches === false ? 'mismatch' : ''}" role="status">
    <p><strong>${standing}</strong></p>
    ${v.matches === null ? nothing : html`<p><strong>${file}</strong></p>`}
    <dl>
      <dt>${t('verify.month')}</dt>
      <dd>${v.month ? formatMonth(v.month) : ''}</dd>
      <dt>${t('verify.issued')}</dt>
      <dd>${formatDate(v.issuedAt ?? '')}</dd>
      <dt>${t('verify.pdfHash')}</dt>
      <dd class="hash">${v.pdfSha256}</dd>
      <dt>${t('verify.jsonHash')}</dt>
      <dd class="hash">${v.jsonSha256}</dd>
    </dl>
    ${
      v.form
        ? html`<p>${t(v.form.view === 'employer' ? 'verify.readableEmployer' : 'verify.readable', { person: v.form.personName })}</p>`
        : nothing
    }
  </div>`;
}
