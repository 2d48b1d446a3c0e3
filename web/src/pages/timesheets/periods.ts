// The officer's period screen: the months of a territory they act for, open or closed, with the
// hours still pending in each, and the close (carrying pending hours to the next month if asked).
import './timesheets.css';
import { html, nothing, type TemplateResult } from 'lit-html';
import { today } from '../../dates';
import { hoursText } from '../../hours';
import { formatDate, formatMonth, t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { closePeriod, listPeriods, type Period } from '../../services/timesheets';
import { pathLabel } from '../../territories';
import { statusLine } from '../../ui/feedback';
import { choiceForm, selectField } from '../../ui/forms';
import { officerChoices } from '../../ui/officer-territory';
import { resource } from '../../ui/resource';
import { submission } from '../../ui/submit';
import { dataTable } from '../../ui/table';

/** "Carry the 3 pending entries to June 2030": what closing with the box checked does. */
const carryLabel = (p: Period) => t('periods.carry', { count: p.pendingCount, month: formatMonth(nextMonthOf(p.month)) });

const nextMonthOf = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString().slice(0, 7);

export const periodsPage: PageFactory = ({ update }) => {
  const thisYear = new Date().getUTCFullYear();
  let territoryId = new URLSearchParams(location.search).get('territory') ?? '';
  let year = thisYear;
  const carry = new Set<string>();
  // The territories the person acts for as an officer, and everything below them.
  const screen = resource(async () => {
    const scope = await officerChoices(territoryId);
    territoryId = scope.territoryId;
    return scope;
  }, update);
  const periods = resource(async () => (await listPeriods(territoryId, year)).items, update);
  const status = statusLine();
  // Whatever the close answered, the months are read again: the close may have happened meanwhile.
  const closing = submission(update, { status, onFailure: () => periods.reload() });

  const page: Page = {
    title: () => t('periods.title'),

    async load(signal) {
      await screen.load(signal);
      if (territoryId) await periods.load(signal);
    },

    view: () =>
      screen.view(({ choices, index }) => {
        if (!choices.length) return html`<p class="notice">${t('periods.notOfficer')}</p>`;
        return html`
          <p>${t('periods.intro')}</p>
          ${choiceForm(
            { label: t('periods.choose') },
            html`${selectField({
              id: 'periods-territory',
              label: t('periods.territory'),
              options: choices.map((c) => ({ value: c.id, label: pathLabel(index, c.id) })),
              value: territoryId,
              onChange: (value) => choose(value, year),
            })}
            ${selectField({
              id: 'periods-year',
              label: t('periods.year'),
              options: [thisYear, thisYear - 1].map((y) => ({ value: String(y), label: String(y) })),
              value: String(year),
              onChange: (value) => choose(territoryId, Number(value)),
            })}`,
          )}
          ${status.view()} ${closing.alert()} ${territoryId ? periods.view(table) : nothing}
        `;
      }),
  };

  function table(list: Period[]): TemplateResult {
    const currentMonth = today().slice(0, 7);
    return dataTable({
      className: 'periods',
      columns: [
        t('periods.month'),
        t('periods.status'),
        t('periods.pending'),
        t('periods.approved'),
        t('periods.rejected'),
        t('periods.close'),
      ],
      rows: list.map((p) => {
        const name = formatMonth(p.month);
        const carried = p.carriedInCount
          ? html`<span class="block muted">${t('periods.carriedIn', { count: p.carriedInCount })}</span>`
          : nothing;
        return html`<tr data-month=${p.month}>
          <th scope="row">${name}</th>
          <td>${p.status === 'closed' ? t('periods.closedOn', { date: formatDate(p.closedAt ?? '') }) : t('periods.open')}</td>
          <td>${t('periods.count', { count: p.pendingCount, hours: hoursText(p.pendingMinutes) })}${carried}</td>
          <td>${t('periods.count', { count: p.approvedCount, hours: hoursText(p.approvedMinutes) })}</td>
          <td>${p.rejectedCount}</td>
          <td>
            ${
              p.status === 'open' && p.month < currentMonth
                ? closeControls(p, name)
                : p.status === 'closed' && p.carriedEntryIds.length
                  ? t('periods.carriedOut', { count: p.carriedEntryIds.length })
                  : nothing
            }
          </td>
        </tr>`;
      }),
    });
  }

  function closeControls(p: Period, name: string): TemplateResult {
    return html`<div class="stack">
      ${
        p.pendingCount
          ? html`<div class="choice">
              <input
                type="checkbox"
                id=${`carry-${p.month}`}
                .checked=${carry.has(p.month)}
                @change=${(e: Event) => ((e.target as HTMLInputElement).checked ? carry.add(p.month) : carry.delete(p.month), update())}
              />
              <label for=${`carry-${p.month}`}>${carryLabel(p)}</label>
            </div>`
          : nothing
      }
      ${closing.action(
        t('periods.closeMonth', { month: name }),
        async () => {
          await closePeriod(p.territoryId, p.month, carry.has(p.month));
          status.say('periods.closed', { month: name });
          await periods.reload();
        },
        { kind: 'primary' },
      )}
    </div>`;
  }

  function choose(nextTerritory: string, nextYear: number): void {
    territoryId = nextTerritory;
    year = nextYear;
    status.clear();
    closing.reset();
    history.replaceState(null, '', `/periods?territory=${encodeURIComponent(territoryId)}`);
    void periods.reload({ fresh: true });
  }

  return page;
};
