// The signed-in person: profile, locale and competences.
import { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import type { PersonStatus } from '@e21/proto/e21/identity/v1/identity';
import type { GatewayDeps } from '../../deps.js';
import { callerOf, requirePerson } from '../../auth/actor.js';
import { defineRoute } from '../../http/route.js';
import { clientString, emptyQuery, text, uuid } from '../common.js';
import { competenceOut, invitationOut, profileOut } from './mapping.js';
import { invitationStatusIn } from './organizations.js';
import { Competence, Invitation, INVITATION_STATUSES, LOCALES, Me, PERSON_STATUSES } from './schemas.js';

const skillIdParam = z.object({ skillId: clientString().min(1).max(300) }).strict();
const invitationParam = z.object({ invitationId: uuid }).strict();

export function meRoutes(deps: GatewayDeps) {
  async function profile(personId: string, caller: ReturnType<typeof callerOf>, language: string) {
    const result = profileOut(await deps.identity.getProfile({ personId, language }, { caller }));
    // The ETag is the person's version, which PATCH /v1/me takes in If-Match; competences and roles
    // change without it, so the version validates writes only (route.ts never answers 304 to it).
    return { body: result, version: result.person.version };
  }

  return [
    defineRoute({
      method: 'get',
      path: '/v1/me',
      summary: 'My profile: person, territory up to the EU, organizations, employer, competences, roles',
      tag: 'me',
      access: 'person',
      query: emptyQuery,
      response: { status: 200, schema: Me, description: 'The profile; its ETag is person.version, which changing it takes in If-Match' },
      handler: ({ actor, language }) => profile(requirePerson(actor).personId, callerOf(actor), language),
    }),

    defineRoute({
      method: 'patch',
      path: '/v1/me',
      summary: 'Update my name, status, language or residence territory',
      tag: 'me',
      access: 'person',
      refusals: ['invalid_person', 'unknown_territory'],
      ifMatch: 'optional',
      body: z
        .object({ name: text(200), locale: z.enum(LOCALES), status: z.enum(PERSON_STATUSES), territoryId: uuid })
        .partial()
        .strict(),
      response: { status: 200, schema: Me, description: 'The updated profile' },
      async handler({ actor, body, ifMatch, language }) {
        const person = requirePerson(actor);
        const updated = await deps.identity.updatePerson(
          {
            id: person.personId,
            name: body.name,
            locale: body.locale,
            status: body.status ? toProtoEnum<PersonStatus>('PERSON_STATUS', body.status) : undefined,
            territoryId: body.territoryId,
            expectedVersion: ifMatch,
          },
          { caller: callerOf(actor) },
        );
        if (body.locale) {
          deps.authenticator.forget(person.personId);
          if (person.via === 'session') await deps.sessions.setLocale(person.session.idHash, body.locale);
        }
        return profile(person.personId, callerOf(actor), body.locale ?? updated.locale ?? language);
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/me/competences',
      summary: 'My competences, with labels in my language',
      tag: 'me',
      access: 'person',
      query: emptyQuery,
      response: { status: 200, schema: z.object({ items: z.array(Competence) }), description: 'My competences' },
      async handler({ actor, language }) {
        const { competences } = await deps.identity.listCompetences(
          { personId: requirePerson(actor).personId, language },
          { caller: callerOf(actor) },
        );
        return { body: { items: competences.map(competenceOut) } };
      },
    }),

    defineRoute({
      method: 'put',
      path: '/v1/me/competences/:skillId',
      summary: 'Add a competence to my profile, or change its level (1 basic to 4 expert)',
      tag: 'me',
      access: 'person',
      refusals: ['unknown_skill', 'skill_group'],
      params: skillIdParam,
      body: z.object({ level: z.number().int().min(1).max(4) }).strict(),
      response: { status: 200, schema: Competence, description: 'The competence' },
      async handler({ actor, params, body, language }) {
        const competence = await deps.identity.setCompetence(
          { personId: requirePerson(actor).personId, skillId: params.skillId, level: body.level, language },
          { caller: callerOf(actor) },
        );
        return { body: competenceOut(competence) };
      },
    }),

    defineRoute({
      method: 'delete',
      path: '/v1/me/competences/:skillId',
      summary: 'Remove a competence from my profile',
      tag: 'me',
      access: 'person',
      refusals: ['competence_not_found'],
      params: skillIdParam,
      response: { status: 204, description: 'Removed' },
      async handler({ actor, params }) {
        await deps.identity.removeCompetence(
          { personId: requirePerson(actor).personId, skillId: params.skillId },
          { caller: callerOf(actor) },
        );
        return { status: 204 };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/me/invitations',
      summary: 'Invitations to join organizations, addressed to my e-mail address, latest first',
      tag: 'me',
      access: 'person',
      query: z.object({ status: z.enum(INVITATION_STATUSES).optional() }).strict(),
      response: { status: 200, schema: z.object({ items: z.array(Invitation) }), description: 'My invitations' },
      async handler({ actor, query }) {
        const { invitations } = await deps.identity.listInvitationsOfPerson(
          { personId: requirePerson(actor).personId, status: invitationStatusIn(query.status) },
          { caller: callerOf(actor) },
        );
        return { body: { items: invitations.map(invitationOut) }, headers: { 'Cache-Control': 'private, no-cache' } };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/me/invitations/:invitationId/accept',
      summary:
        'Accept an invitation: I become a member with the role and employee reference it carries, and the organization sees my profile as an employer does',
      tag: 'me',
      access: 'person',
      refusals: ['invitation_revoked', 'invitation_expired', 'invitation_accepted', 'already_member'],
      params: invitationParam,
      body: z.object({}).strict(),
      response: { status: 200, schema: Invitation, description: 'The accepted invitation' },
      async handler({ actor, params }) {
        const invitation = await deps.identity.acceptInvitation(
          { personId: requirePerson(actor).personId, invitationId: params.invitationId },
          { caller: callerOf(actor) },
        );
        return { body: invitationOut(invitation) };
      },
    }),

    defineRoute({
      method: 'post',
      path: '/v1/me/invitations/:invitationId/decline',
      summary:
        'Decline an invitation: the organization is not told, and sees nothing of me (until it expires, it sees the invitation as unanswered)',
      tag: 'me',
      access: 'person',
      refusals: ['invitation_revoked', 'invitation_expired', 'invitation_accepted'],
      params: invitationParam,
      body: z.object({}).strict(),
      response: { status: 200, schema: Invitation, description: 'The declined invitation' },
      async handler({ actor, params }) {
        const invitation = await deps.identity.declineInvitation(
          { personId: requirePerson(actor).personId, invitationId: params.invitationId },
          { caller: callerOf(actor) },
        );
        return { body: invitationOut(invitation) };
      },
    }),
  ];
}
