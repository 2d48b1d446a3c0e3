// One organization: what it is (and whether Engagement 21 verified it) and, for those allowed to see
// them, its members; its HR managers and administrators invite people (who join by accepting),
// change a member's role or remove them; officers verify it or revoke its verification.
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { isApiError } from '../api';
import { formatDate, t } from '../i18n';
import type { Page, PageFactory } from '../router';
import { reloadMe, session } from '../session';
import {
  deleteMember,
  getOrganization,
  getTerritory,
  listMembers,
  MEMBERSHIP_ROLES,
  putMember,
  type Member,
  type MembershipRole,
  type Organization,
} from '../services/identity';
import { problemAlert, statusLine } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { resource } from '../ui/resource';
import { submission } from '../ui/submit';
import { actionsColumn, dataTable } from '../ui/table';
import { organizationInvitations } from './organization-invitations';
import { verificationControls, verificationStatus } from './organization-verification';
import { withName } from '../ui/forms';

type Members =
  | { kind: 'listed'; items: Member[]; nextCursor: string | null }
  /** The gateway refused (403): the organization is shown without its members. */
  | { kind: 'hidden' }
  | { kind: 'failed'; error: unknown };

interface OrganizationView {
  organization: Organization;
  territoryName: string | null;
  members: Members;
}

const MANAGING_ROLES: readonly MembershipRole[] = ['hr_manager', 'admin'];

export const organizationPage: PageFactory = ({ params, update }) => {
  const organizationId = params.id ?? '';
  const view = resource(async (): Promise<OrganizationView> => {
    // The person is read again too: whether they manage this organization decides the controls.
    const [organization] = await Promise.all([getOrganization(organizationId), reloadMe()]);
    const [territory, members] = await Promise.allSettled([getTerritory(organization.territoryId), listMembers(organizationId)]);
    return {
      organization,
      territoryName: territory.status === 'fulfilled' ? territory.value.name : null,
      members:
        members.status === 'fulfilled'
          ? { kind: 'listed', ...members.value }
          : isApiError(members.reason, 403)
            ? { kind: 'hidden' }
            : { kind: 'failed', error: members.reason },
    };
  }, update);
  const status = statusLine();
  // Changing a role, removing a member, reading more of them.
  const managing = submission(update, { status });
  /** The member whose removal waits for confirmation. */
  let confirming: string | null = null;
  const invitations = organizationInvitations(organizationId, update);
  const verification = verificationControls(update, (organization) => {
    if (view.data) view.set({ ...view.data, organization });
  });

  const page: Page = {
    title: () => view.data?.organization.name ?? t('organization.title'),

    async load(signal) {
      await view.load(signal);
      if (canManage()) await invitations.load(signal);
    },

    view: () =>
      view.view(
        ({ organization, territoryName, members }) => html`
          <p><a href="/organization">${t('organization.back')}</a></p>
          <dl class="details">
            <dt>${t('organization.kind')}</dt>
            <dd>${t(`organizationKind.${organization.kind}`)}</dd>
            <dt>${t('organization.legalId')}</dt>
            <dd>${organization.legalId ?? t('organization.noLegalId')}</dd>
            <dt>${t('organization.territory')}</dt>
            <dd>${territoryName ?? organization.territoryId}</dd>
            <dt>${t('organization.createdAt')}</dt>
            <dd>${formatDate(organization.createdAt)}</dd>
            <dt>${t('organization.verification')}</dt>
            <dd>${verificationStatus(organization)}</dd>
          </dl>
          ${isOfficer() ? verification.view(organization) : nothing}
          <section aria-labelledby="members-heading">
            <h2 id="members-heading" tabindex="-1">${t('organization.members')}</h2>
            ${status.view()} ${managing.alert()} ${membersView(organization, members)}
          </section>
          ${canManage() ? invitations.view(invitableRoles()) : nothing}
        `,
      ),
  };

  /** Officers and territory admins verify organizations (identity decides where: it refuses outside their territory). */
  function isOfficer(): boolean {
    return !!session().me?.roles.some((r) => r.scopeKind === 'territory' && (r.role === 'officer' || r.role === 'territory_admin'));
  }

  /** An HR manager invites members; an admin any role. */
  function invitableRoles(): readonly MembershipRole[] {
    const own = session().me?.memberships.find((m) => m.organizationId === organizationId)?.role;
    return own === 'admin' ? MEMBERSHIP_ROLES : ['member'];
  }

  function canManage(): boolean {
    return !!session().me?.memberships.some((m) => m.organizationId === organizationId && MANAGING_ROLES.includes(m.role));
  }

  function membersView(organization: Organization, members: Members): TemplateResult {
    if (members.kind === 'hidden') return html`<p>${t('organization.membersHidden')}</p>`;
    if (members.kind === 'failed') return problemAlert(members.error);
    if (!members.items.length) return html`<p>${t('organization.noMembers')}</p>`;
    const manage = canManage();
    const columns = [
      t('organization.memberName'),
      t('organization.memberRole'),
      t('organization.employeeReference'),
      t('organization.memberSince'),
    ];
    return html`${dataTable({
      columns: manage ? [...columns, actionsColumn()] : columns,
      rows: repeat(
        members.items,
        (member) => member.personId,
        (member, i) => memberRow(organization, member, i, manage),
      ),
    })}
    ${members.nextCursor ? html`<p>${managing.action(t('organization.more'), () => loadMore(members.nextCursor!))}</p>` : nothing}`;
  }

  function memberRow(organization: Organization, member: Member, index: number, manage: boolean): TemplateResult {
    const roleId = `member-role-${index}`;
    return html`<tr data-person=${member.personId}>
      <th scope="row">${member.personName}</th>
      <td>${manage ? roleSelect(member, roleId) : t(`membershipRole.${member.role}`)}</td>
      <td>${member.employeeReference ?? ''}</td>
      <td>${formatDate(member.since)}</td>
      ${manage ? html`<td>${removeControls(organization, member)}</td>` : nothing}
    </tr>`;
  }

  function roleSelect(member: Member, id: string): TemplateResult {
    return html`<label class="visually-hidden" for=${id}>${t('organization.roleOf', { name: member.personName })}</label>
      <select
        id=${id}
        .value=${live(member.role)}
        @change=${(e: Event) => changeRole(member, (e.target as HTMLSelectElement).value as MembershipRole)}
      >
        ${MEMBERSHIP_ROLES.map(
          (role) => html`<option value=${role} ?selected=${role === member.role}>${t(`membershipRole.${role}`)}</option>`,
        )}
      </select>`;
  }

  function removeControls(organization: Organization, member: Member): TemplateResult {
    if (confirming !== member.personId) {
      return html`<button type="button" class="remove" @click=${() => askRemoval(member)}>
        ${withName(t('organization.remove'), member.personName)}
      </button>`;
    }
    return html`<div class="confirm" role="group" aria-label=${t('organization.remove')}>
      <span>${t('organization.confirmRemove', { name: member.personName, organization: organization.name })}</span>
      ${managing.action(t('organization.confirm'), () => remove(member), { kind: 'danger' })}
      <button type="button" @click=${cancelRemoval}>${t('common.cancel')}</button>
    </div>`;
  }

  function rowSelector(personId: string, control: string): string {
    return `tr[data-person="${CSS.escape(personId)}"] ${control}`;
  }

  function askRemoval(member: Member): void {
    confirming = member.personId;
    update();
    focusLater(rowSelector(member.personId, '.danger'));
  }

  function cancelRemoval(): void {
    const personId = confirming;
    confirming = null;
    update();
    if (personId) focusLater(rowSelector(personId, '.remove'));
  }

  // A refused change leaves the select on the role still saved: `live` puts it back at the next draw.
  function changeRole(member: Member, role: MembershipRole): void {
    void managing.run(async () => {
      const saved = await putMember(organizationId, member.personId, { role, employeeReference: member.employeeReference });
      replaceMembers((items) => items.map((m) => (m.personId === member.personId ? { ...m, ...saved } : m)));
      status.say('organization.roleSaved', { name: member.personName, role: t(`membershipRole.${role}`) });
      // Changing one's own role can take away the right to manage: read it again.
      if (member.personId === session().personId) await reloadMe();
    });
  }

  async function remove(member: Member): Promise<void> {
    confirming = null;
    await deleteMember(organizationId, member.personId);
    replaceMembers((items) => items.filter((m) => m.personId !== member.personId));
    status.say('organization.memberRemoved', { name: member.personName });
    if (member.personId === session().personId) await reloadMe();
    focusLater('#members-heading');
  }

  async function loadMore(cursor: string): Promise<void> {
    const more = await listMembers(organizationId, cursor);
    replaceMembers((items) => {
      const known = new Set(items.map((m) => m.personId));
      return [...items, ...more.items.filter((m) => !known.has(m.personId))];
    }, more.nextCursor);
  }

  function replaceMembers(change: (items: Member[]) => Member[], nextCursor?: string | null): void {
    const current = view.data;
    if (!current || current.members.kind !== 'listed') return;
    const members: Members = {
      kind: 'listed',
      items: change(current.members.items),
      nextCursor: nextCursor === undefined ? current.members.nextCursor : nextCursor,
    };
    view.set({ ...current, members });
  }

  return page;
};
