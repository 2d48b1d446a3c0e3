// The officer's approval queue: projects proposed in the territories they act for, and below them.
import { html } from 'lit-html';
import { t } from '../../i18n';
import type { Page, PageFactory } from '../../router';
import { listApprovals } from '../../services/programs';
import { territoryQueue } from '../../ui/officer-territory';
import { projectItem } from './projects';

export const approvalsPage: PageFactory = ({ update }) => {
  const queue = territoryQueue(update, {
    id: 'approvals-territory',
    text: { intro: () => t('approvals.intro'), territory: () => t('approvals.territory'), notOfficer: () => t('approvals.notOfficer') },
    fetch: async (territoryId) => (await listApprovals(territoryId)).items,
    body: ({ items, territoryName, territories }) => html`
      <h2>${t('approvals.waiting', { territory: territoryName })}</h2>
      ${
        items.length
          ? html`<ul class="project-list">
              ${items.map((p) => projectItem(p, territories))}
            </ul>`
          : html`<p>${t('approvals.none')}</p>`
      }
    `,
  });

  const page: Page = {
    title: () => t('approvals.title'),
    load: (signal) => queue.load(signal),
    view: () => queue.view(),
  };
  return page;
};
