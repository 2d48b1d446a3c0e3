// The officer's verification queue: merchants registered in the territories they act for (and below)
// that no officer verified yet, or whose verification was revoked. A merchant takes payments in
// local currency only once verified; a namesake of a known shop shows here with its own legal id.
import { html } from 'lit-html';
import { formatDate, t } from '../i18n';
import type { Page, PageFactory } from '../router';
import { listOrganizationsToVerify, verifyOrganization, type Organization } from '../services/identity';
import { territoryName } from '../territories';
import { statusLine } from '../ui/feedback';
import { submission } from '../ui/submit';
import { actionsColumn, dataTable } from '../ui/table';
import { territoryQueue } from '../ui/officer-territory';
import { withName } from '../ui/forms';

export const verificationsPage: PageFactory = ({ update }) => {
  const status = statusLine();
  const verifying = submission(update, { status });
  const queue = territoryQueue(update, {
    id: 'verifications-territory',
    text: {
      intro: () => t('verifications.intro'),
      territory: () => t('verifications.territory'),
      notOfficer: () => t('verifications.notOfficer'),
    },
    fetch: async (territoryId) => (await listOrganizationsToVerify(territoryId, 'merchant')).items,
    body: ({ items, territoryName: where, territories }) => html`
      ${status.view()} ${verifying.alert()}
      <h2>${t('verifications.waiting', { territory: where })}</h2>
      ${
        items.length
          ? dataTable({
              columns: [
                t('verifications.name'),
                t('verifications.legalId'),
                t('verifications.territory'),
                t('verifications.registeredOn'),
                t('verifications.status'),
                actionsColumn(),
              ],
              rows: items.map((organization) => row(organization, territoryName(territories, organization.territoryId))),
            })
          : html`<p>${t('verifications.none', { territory: where })}</p>`
      }
    `,
  });

  function row(organization: Organization, where: string) {
    const { verification } = organization;
    const revoked = () => t('verifications.revoked', { date: formatDate(verification.decidedAt ?? organization.createdAt) });
    const standing = verification.status === 'revoked' ? revoked() : t('verifications.new');
    return html`<tr data-organization=${organization.id}>
      <th scope="row"><a href=${`/organization/${encodeURIComponent(organization.id)}`}>${organization.name}</a></th>
      <td><code>${organization.legalId}</code></td>
      <td>${where}</td>
      <td>${formatDate(organization.createdAt)}</td>
      <td>${standing}</td>
      <td>
        ${verifying.action(
          withName(t('verifications.verify'), organization.name),
          async () => {
            await verifyOrganization(organization.id);
            status.say('verifications.verified', { name: organization.name });
            await queue.reload();
          },
          { kind: 'primary' },
        )}
      </td>
    </tr>`;
  }

  const page: Page = {
    title: () => t('verifications.title'),
    load: (signal) => queue.load(signal),
    view: () => queue.view(),
  };
  return page;
};
