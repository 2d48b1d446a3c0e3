// Organizations (companies, public bodies, associations, offices, merchants) and their members.
import { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import type { InvitationStatus, MembershipRole, OrganizationKind } from '@e21/proto/e21/identity/v1/identity';
import type { GatewayDeps } from '../../deps.js';
import { callerOf } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { cursor, emptyQuery, limit, listOf, oneLine, orNull, text, uuid } from '../common.js';
import { invitationOut, membershipOut, organizationOut } from './mapping.js';
import { Invitation, Membership, MEMBERSHIP_ROLES, Organization, ORGANIZATION_KINDS } from './schemas.js';

const organizationParam = z.object({ organizationId: uuid }).strict();
const memberParam = z.object({ organizationId: uuid, personId: uuid }).strict();
const invitationParam = z.object({ organizationId: uuid, invitationId: uuid }).strict();
const kindIn = (kind: string | undefined) => toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', kind ?? 'unspecified');
export const invitationStatusIn = (status: string | undefined) =>
  toProtoEnum<InvitationStatus>('INVITATION_STATUS', status ?? 'unspecified');

export function organizationRoutes(deps: GatewayDeps) {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/organizations',
      summary: 'Register an organization; its creator becomes its admin. Public bodies and offices: territory admins only',
      tag: 'organizations',
      access: 'person',
      refusals: ['invalid_organization', 'unknown_territory', 'organization_exists'],
      body: z.object({ name: text(200), kind: z.enum(ORGANIZATION_KINDS), legalId: text(40), territoryId: uuid }).strict(),
      response: { status: 201, schema: Organization, description: 'The new organization' },
      async handler({ actor, body }) {
        const organization = await deps.identity.createOrganization(
          {
            name: body.name,
            kind: toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', body.kind),
            legalId: body.legalId,
            territoryId: body.territoryId,
          },
          { caller: callerOf(actor) },
        );
        return { status: 201, body: organizationOut(organization), headers: { Location: `/v1/organizations/${organization.id}` } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/organizations',
      summary: 'Organizations of a territory and the territories below it',
      tag: 'organizations',
      access: 'person',
      refusals: ['territory_not_found'],
      query: z.object({ territoryId: uuid.optional(), kind: z.enum(ORGANIZATION_KINDS).optional(), limit, cursor }).strict(),
      response: { status: 200, schema: listOf(Organization), description: 'Organizations by name' },
      async handler({ actor, query }) {
        const found = await deps.identity.listOrganizations(
          {
            territoryId: query.territoryId ?? '',
            kind: query.kind
              ? toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', query.kind)
              : toProtoEnum<OrganizationKind>('ORGANIZATION_KIND', 'unspecified'),
            limit: query.limit ?? 50,
            cursor: query.cursor ?? '',
          },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.organizations.map(organizationOut), nextCursor: orNull(found.nextCursor) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/organizations/:organizationId',
      summary: 'One organization',
      tag: 'organizations',
      access: 'person',
      params: organizationParam,
      query: emptyQuery,
      response: { status: 200, schema: Organization, description: 'The organization' },
      async handler({ actor, params }) {
        return { body: organizationOut(await deps.identity.getOrganization({ id: params.organizationId }, { caller: callerOf(actor) })) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/organizations/:organizationId/members',
      summary: 'Members of an organization (its HR managers and admins, and the territory’s officers)',
      tag: 'organizations',
      access: 'person',
      params: organizationParam,
      query: z.object({ limit, cursor }).strict(),
      response: { status: 200, schema: listOf(Membership), description: 'Members by name' },
      async handler({ actor, params, query }) {
        const found = await deps.identity.listMembers(
          { organizationId: params.organizationId, limit: query.limit ?? 50, cursor: query.cursor ?? '' },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.memberships.map(membershipOut), nextCursor: orNull(found.nextCursor) } };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/organizations/:organizationId/members/:personId',
      summary:
        'Change a member’s role or employee reference (HR managers manage members; admins also grant HR and admin). New members are invited: a person joins by accepting',
      tag: 'organizations',
      access: 'person',
      refusals: ['hr_cannot_manage_managers', 'last_admin', 'invitation_required'],
      params: memberParam,
      body: z.object({ role: z.enum(MEMBERSHIP_ROLES), employeeReference: oneLine(64).nullish() }).strict(),
      response: { status: 200, schema: Membership, description: 'The membership' },
      async handler({ actor, params, body }) {
        const membership = await deps.identity.setMembership(
          { ...params, role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', body.role), employeeReference: body.employeeReference ?? '' },
          { caller: callerOf(actor) },
        );
        return { body: membershipOut(membership) };
      },
    }),

    defineRoute({
      method: 'delete',
      path: '/v1/organizations/:organizationId/members/:personId',
      summary: 'Remove a member (or leave the organization yourself)',
      tag: 'organizations',
      access: 'person',
      refusals: ['membership_not_found', 'hr_cannot_manage_managers', 'last_admin'],
      params: memberParam,
      response: { status: 204, description: 'Removed' },
      async handler({ actor, params }) {
        await deps.identity.removeMembership(params, { caller: callerOf(actor) });
        return { status: 204 };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/organizations/:organizationId/invitations',
      summary:
        'Invite someone by e-mail address to join (HR managers invite members; admins any role). The answer is the same whether or not anyone has the address; the person becomes a member, with this role and reference, only by accepting',
      tag: 'organizations',
      access: 'person',
      refusals: ['invitation_pending', 'already_member', 'hr_cannot_manage_managers'],
      params: organizationParam,
      body: z
        .object({
          email: oneLine(254).min(3, 'must be an e-mail address'),
          role: z.enum(MEMBERSHIP_ROLES),
          employeeReference: oneLine(64).nullish(),
        })
        .strict(),
      response: { status: 201, schema: Invitation, description: 'The pending invitation' },
      async handler({ actor, params, body }) {
        const invitation = await deps.identity.inviteMember(
          {
            organizationId: params.organizationId,
            email: body.email,
            role: toProtoEnum<MembershipRole>('MEMBERSHIP_ROLE', body.role),
            employeeReference: body.employeeReference ?? '',
          },
          { caller: callerOf(actor) },
        );
        return { status: 201, body: invitationOut(invitation) };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/organizations/:organizationId/invitations',
      summary:
        'The organization’s invitations, latest first (its HR managers and admins). A declined invitation shows as pending until it expires',
      tag: 'organizations',
      access: 'person',
      params: organizationParam,
      query: z.object({ status: z.enum(['pending', 'accepted', 'revoked', 'expired']).optional(), limit, cursor }).strict(),
      response: { status: 200, schema: listOf(Invitation), description: 'Invitations' },
      async handler({ actor, params, query }) {
        const found = await deps.identity.listInvitations(
          {
            organizationId: params.organizationId,
            status: invitationStatusIn(query.status),
            limit: query.limit ?? 50,
            cursor: query.cursor ?? '',
          },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.invitations.map(invitationOut), nextCursor: orNull(found.nextCursor) } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/organizations/:organizationId/invitations/:invitationId/revoke',
      summary: 'Withdraw a pending invitation (HR managers withdraw member invitations; admins any)',
      tag: 'organizations',
      access: 'person',
      refusals: ['invitation_not_pending'],
      params: invitationParam,
      body: z.object({}).strict(),
      response: { status: 200, schema: Invitation, description: 'The revoked invitation' },
      async handler({ actor, params }) {
        return { body: invitationOut(await deps.identity.revokeInvitation(params, { caller: callerOf(actor) })) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/organizations/:organizationId/verification',
      summary:
        'Verify the organization (Engagement 21 officers and territory admins of its territory or above, never of their own organization): from then on it receives local currency',
      tag: 'organizations',
      access: 'person',
      refusals: ['own_organization'],
      params: organizationParam,
      body: z.object({}).strict(),
      response: { status: 200, schema: Organization, description: 'The verified organization' },
      async handler({ actor, params }) {
        return { body: organizationOut(await deps.identity.verifyOrganization(params, { caller: callerOf(actor) })) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/organizations/:organizationId/verification/revocation',
      summary: 'Revoke the organization’s verification, saying why (the officers who verify): payments to it are refused again',
      tag: 'organizations',
      access: 'person',
      refusals: ['not_verified'],
      params: organizationParam,
      body: z.object({ reason: text(500) }).strict(),
      response: { status: 200, schema: Organization, description: 'The organization, its verification revoked' },
      async handler({ actor, params, body }) {
        return {
          body: organizationOut(
            await deps.identity.revokeVerification(
              { organizationId: params.organizationId, reason: body.reason },
              { caller: callerOf(actor) },
            ),
          ),
        };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/organization-verifications',
      summary:
        'The verification queue: organizations of a territory and below waiting for verification (never verified, or revoked), oldest first (its officers and territory admins)',
      tag: 'organizations',
      access: 'person',
      query: z.object({ territoryId: uuid, kind: z.enum(ORGANIZATION_KINDS).optional(), limit, cursor }).strict(),
      response: { status: 200, schema: listOf(Organization), description: 'Organizations waiting' },
      async handler({ actor, query }) {
        const found = await deps.identity.listOrganizationsToVerify(
          { territoryId: query.territoryId, kind: kindIn(query.kind), limit: query.limit ?? 50, cursor: query.cursor ?? '' },
          { caller: callerOf(actor) },
        );
        return { body: { items: found.organizations.map(organizationOut), nextCursor: orNull(found.nextCursor) } };
      },
    }),
  ];
}
