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
import { problemAlert, statusRegion, type Message } from '../ui/feedback';
import { focusLater } from '../ui/focus';
import { loadable, loading, whenLoaded, type Loadable } from '../ui/loadable';
import { organizationInvitations } from './organization-invitations';
import { verificationControls, verificationStatus } from './organization-verification';

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
  let state: Loadable<OrganizationView> = loading;
  let message: Message | null = null;
  let problem: unknown = null;
  /** The member whose removal waits for confirmation. */
  let confirming: string | null = null;
  let loadingMore = false;
  const invitations = organizationInvitations(organizationId, update);
  const verification = verificationControls(update, (organization) => {
    if (state.status === 'ready') state = { status: 'ready', data: { ...state.data, organization } };
  });

  const page: Page = {
    title: () => (state.status === 'ready' ? state.data.organization.name : t('organization.title')),

    async load(signal) {
      const next = await loadable(async (): Promise<OrganizationView> => {
        // The person is read again too: whether they manage this organization decides the controls.
        const [organization] = await Promise.all([getOrganization(organizationId), reloadMe()]);
        const [territory, members] = await Promise.allSettled([
          getTerritory(organization.territoryId),
          listMembers(organizationId),
        ]);
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
      });
      if (signal.aborted) return;
      state = next;
      if (canManage()) await invitations.load(signal);
    },

    view: () =>
      whenLoaded(state, ({ organization, territoryName, members }) => html`
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
          ${statusRegion(message)} ${problem ? problemAlert(problem) : nothing}
          ${membersView(organization, members)}
        </section>
        ${canManage() ? invitations.view(invitableRoles()) : nothing}
      `),
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
    return !!session().me?.memberships.some(
      (m) => m.organizationId === organizationId && MANAGING_ROLES.includes(m.role),
    );
  }

  function membersView(organization: Organization, members: Members): TemplateResult {
    if (members.kind === 'hidden') return html`<p>${t('organization.membersHidden')}</p>`;
    if (members.kind === 'failed') return problemAlert(members.error);
    if (!members.items.length) return html`<p>${t('organization.noMembers')}</p>`;
    const manage = canManage();
    return html`<div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">${t('organization.memberName')}</th>
              <th scope="col">${t('organization.memberRole')}</th>
              <th scope="col">${t('organization.employeeReference')}</th>
              <th scope="col">${t('organization.memberSince')}</th>
              ${manage ? html`<th scope="col"><span class="visually-hidden">${t('common.actions')}</span></th>` : nothing}
            </tr>
          </thead>
          <tbody>
            ${repeat(
              members.items,
              (member) => member.personId,
              (member, i) => memberRow(organization, member, i, manage),
            )}
          </tbody>
        </table>
      </div>
      ${members.nextCursor
        ? html`<p>
            <button type="button" aria-disabled=${loadingMore ? 'true' : 'false'} @click=${loadMore}>
              ${t('organization.more')}
            </button>
          </p>`
        : nothing}`;
  }

  function memberRow(organization: Organization, member: Member, index: number, manage: boolean): TemplateResult {
    const roleId = `member-role-${index}`;
    return html`<tr data-person=${member.personId}>
      <th scope="row">${member.personName}</th>
      <td>
        ${manage
          ? html`<label class="visually-hidden" for=${roleId}>${t('organization.roleOf', { name: member.personName })}</label>
              <select id=${roleId} .value=${live(member.role)}
                @change=${(e: Event) => changeRole(member, (e.target as HTMLSelectElement).value as MembershipRole)}>
                ${MEMBERSHIP_ROLES.map(
                  (role) => html`<option value=${role} ?selected=${role === member.role}>${t(`membershipRole.${role}`)}</option>`,
                )}
              </select>`
          : t(`membershipRole.${member.role}`)}
      </td>
      <td>${member.employeeReference ?? ''}</td>
      <td>${formatDate(member.since)}</td>
      ${manage ? html`<td>${removeControls(organization, member)}</td>` : nothing}
    </tr>`;
  }

  function removeControls(organization: Organization, member: Member): TemplateResult {
    if (confirming !== member.personId) {
      return html`<button type="button" class="remove" @click=${() => askRemoval(member)}>
        ${t('organization.remove')}<span class="visually-hidden"> ${member.personName}</span>
      </button>`;
    }
    return html`<div class="confirm" role="group" aria-label=${t('organization.remove')}>
      <span>${t('organization.confirmRemove', { name: member.personName, organization: organization.name })}</span>
      <button type="button" class="danger" @click=${() => remove(member)}>${t('organization.confirm')}</button>
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

  async function changeRole(member: Member, role: MembershipRole): Promise<void> {
    message = null;
    problem = null;
    try {
      const saved = await putMember(organizationId, member.personId, { role, employeeReference: member.employeeReference });
      replaceMembers((items) => items.map((m) => (m.personId === member.personId ? { ...m, ...saved } : m)));
      message = { key: 'organization.roleSaved', params: { name: member.personName, role: t(`membershipRole.${role}`) } };
      // Changing one's own role can take away the right to manage: read it again.
      if (member.personId === session().personId) await reloadMe();
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error; // the select goes back to the role still saved on the next render
    }
    update();
  }

  async function remove(member: Member): Promise<void> {
    message = null;
    problem = null;
    confirming = null;
    try {
      await deleteMember(organizationId, member.personId);
      replaceMembers((items) => items.filter((m) => m.personId !== member.personId));
      message = { key: 'organization.memberRemoved', params: { name: member.personName } };
      if (member.personId === session().personId) await reloadMe();
      focusLater('#members-heading');
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error;
    }
    update();
  }

  async function loadMore(): Promise<void> {
    if (state.status !== 'ready' || state.data.members.kind !== 'listed' || loadingMore) return;
    const cursor = state.data.members.nextCursor;
    loadingMore = true;
    problem = null;
    update();
    try {
      const more = await listMembers(organizationId, cursor);
      if (state.status === 'ready' && state.data.members.kind === 'listed') {
        const known = new Set(state.data.members.items.map((m) => m.personId));
        const members: Members = {
          kind: 'listed',
          items: [...state.data.members.items, ...more.items.filter((m) => !known.has(m.personId))],
          nextCursor: more.nextCursor,
        };
        state = { status: 'ready', data: { ...state.data, members } };
      }
    } catch (error) {
      if (isApiError(error, 401)) return;
      problem = error;
    } finally {
      loadingMore = false;
    }
    update();
  }

  function replaceMembers(change: (items: Member[]) => Member[]): void {
    if (state.status !== 'ready' || state.data.members.kind !== 'listed') return;
    const members: Members = { ...state.data.members, items: change(state.data.members.items) };
    state = { status: 'ready', data: { ...state.data, members } };
  }

  return page;
};
