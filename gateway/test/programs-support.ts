// Fixtures for the programs gateway tests: people in every role a project knows, and projects,
// challenges, requests and decisions made straight through programs' gRPC API.
import { randomUUID } from 'node:crypto';
import { createClient, systemCaller, toProtoEnum, type ServiceClient } from '@e21/kit';
import type { PersonStatus, Role, ScopeKind } from '@e21/proto/e21/identity/v1/identity';
import { ProgramsServiceService, type ProjectKind, type ProjectStatus, type TeamRole } from '@e21/proto/e21/programs/v1/programs';
import type { Platform, World } from '../../tests/support/platform.js';

export type ProgramsClient = ServiceClient<typeof ProgramsServiceService>;

const SYSTEM = { caller: systemCaller('test') };
const as = (personId: string) => ({ caller: { kind: 'person' as const, personId } });

export const SKILL = 'urn:e21:skill:urban-gardening';
export const YEAR = 2026;
/** A target status a fixture project is brought to. */
export type Stage = 'draft' | 'proposed' | 'approved' | 'active';

export async function createProgramsWorld(platform: Platform, world: World) {
  const client: ProgramsClient = createClient(ProgramsServiceService, `127.0.0.1:${platform.services.programs!.grpcPort}`, {
    from: 'test',
  });
  const coordinator = await world.person('Cora Coordinator', 'marseille', { signsIn: true });
  const coManager = await world.person('Colin Comanager', 'marseille', { signsIn: true });
  const member = await world.person('Mia Member', 'marseille', { signsIn: true });
  const otherOfficer = await world.person('Oscar Otherofficer', 'aubagne', { signsIn: true });
  await platform.identityClient.grantRole(
    {
      grantee: `person:${otherOfficer.id}`,
      role: toProtoEnum<Role>('ROLE', 'officer'),
      scopeKind: toProtoEnum<ScopeKind>('SCOPE_KIND', 'territory'),
      scopeId: world.territories.aubagne,
    },
    SYSTEM,
  );

  const move = (id: string, to: string, who: string) =>
    client.changeProjectStatus({ id, status: toProtoEnum<ProjectStatus>('PROJECT_STATUS', to), reason: '', language: 'en' }, as(who));

  /**
   * Someone new asks to fill a need; resolves to the request's id. Applicants never sign in: they
   * are registered without a password, which spares a slow password hash per row.
   */
  async function applicant(projectId: string, needId: string, name = 'Ada Applicant'): Promise<{ personId: string; requestId: string }> {
    const person = await platform.identityClient.registerPerson(
      {
        name,
        email: `applicant.${randomUUID()}@test.e21.eu`,
        locale: 'en',
        status: toProtoEnum<PersonStatus>('PERSON_STATUS', 'volunteer'),
        territoryId: world.territories.marseille,
        password: '',
      },
      SYSTEM,
    );
    const request = await client.requestToJoin({ projectId, needId, minutes: 30, message: '', idempotencyKey: '' }, as(person.id));
    return { personId: person.id, requestId: request.id };
  }

  /**
   * A Marseille project of the coordinator at a stage of its life; past the draft, the member is a
   * contributor and the co-manager a co-manager on its team.
   */
  async function project(stage: Stage, title = 'Jardin partagé') {
    const created = await client.createProject(
      {
        territoryId: world.territories.marseille,
        title,
        description: 'A shared garden',
        kind: toProtoEnum<ProjectKind>('PROJECT_KIND', 'general_interest'),
        challengeIds: [],
        startDate: `${YEAR}-03-01`,
        endDate: `${YEAR}-11-30`,
        needs: [{ id: '', skillId: SKILL, neededMinutes: 6000, startDate: '', endDate: '' }],
        language: 'en',
      },
      as(coordinator.id),
    );
    const needId = created.needs[0]!.id;
    if (stage === 'draft') return { id: created.id, needId };
    await move(created.id, 'proposed', coordinator.id);
    for (const person of [member, coManager]) {
      const request = await client.requestToJoin(
        { projectId: created.id, needId, minutes: 60, message: '', idempotencyKey: '' },
        as(person.id),
      );
      await client.acceptJoinRequest({ projectId: created.id, requestId: request.id, reason: '' }, as(coordinator.id));
    }
    await client.setMemberRole(
      { projectId: created.id, personId: coManager.id, role: toProtoEnum<TeamRole>('TEAM_ROLE', 'co_manager') },
      as(coordinator.id),
    );
    if (stage !== 'proposed') await move(created.id, 'approved', world.officer.id);
    if (stage === 'active') await move(created.id, 'active', coordinator.id);
    return { id: created.id, needId };
  }

  async function challenge(territory: 'marseille' | 'paca' = 'marseille') {
    return client.defineChallenge(
      { territoryId: world.territories[territory], title: 'Shade in schoolyards', description: '', sdgs: [11, 13], refinesId: '' },
      SYSTEM,
    );
  }

  async function decision(projectId: string) {
    return client.proposeDecision(
      { projectId, title: 'Buy a composter', description: '', deadline: new Date(Date.now() + 3_600_000).toISOString() },
      as(coordinator.id),
    );
  }

  return { client, coordinator, coManager, member, otherOfficer, project, applicant, challenge, decision, move };
}

export type ProgramsWorld = Awaited<ReturnType<typeof createProgramsWorld>>;
