// A material change of an approved or running project (hours, competences, period) goes back to
// the officers' approval, keeping its team and history; a minor edit does not.
import { waitFor } from '@e21/devinfra';
import { ProjectStatus, type Project } from '@e21/proto/e21/programs/v1/programs';
import { as, person, projectIn, projectRequest, SKILLS, startPrograms, status, type ProgramsUnderTest } from './support.js';
import { createTerritoryTree, type TerritoryName } from '../../../tests/support/territories.js';

let world: ProgramsUnderTest;
let territories: Record<TerritoryName, string>;
let officer: string;

beforeAll(async () => {
  world = await startPrograms();
  territories = await createTerritoryTree(world.identityClient);
  officer = await person(world.identityClient, territories.marseille, { officerOf: territories.marseille });
});
afterAll(() => world.stop());

/** An active project (600 minutes of gardening, March to November) with a contributor on its need. */
async function activeProjectWithTeam() {
  const coordinator = await person(world.identityClient, territories.marseille);
  const contributor = await person(world.identityClient, territories.marseille);
  const project = await projectIn(world.client, 'active', { coordinator, officer }, projectRequest(territories.marseille));
  const need = project.needs[0]!;
  const request = await world.client.requestToJoin(
    { projectId: project.id, needId: need.id, minutes: 120, message: '', idempotencyKey: '' },
    as(contributor),
  );
  await world.client.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(coordinator));
  return { coordinator, contributor, project: await world.client.getProject({ id: project.id, language: 'en' }, as(coordinator)) };
}

/** The project's content as an update request, with changes. */
const edit = (project: Project, changes: Partial<ReturnType<typeof projectRequest>> = {}) => ({
  ...projectRequest(territories.marseille),
  id: project.id,
  expectedVersion: project.version,
  needs: project.needs.map((n) => ({
    id: n.id,
    skillId: n.skillId,
    neededMinutes: n.neededMinutes,
    startDate: n.startDate,
    endDate: n.endDate,
  })),
  ...changes,
});

const outboxTypes = async (projectId: string, after: number) =>
  (
    await world.programs.pool.query<{ type: string }>('select type from outbox where subject = $1 and seq > $2 order by seq', [
      projectId,
      after,
    ])
  ).rows.map((r) => r.type);
const lastSeq = async (projectId: string) =>
  Number(
    (await world.programs.pool.query<{ seq: string }>('select coalesce(max(seq), 0) as seq from outbox where subject = $1', [projectId]))
      .rows[0]!.seq,
  );

describe('a material change of a running project', () => {
  it('sends a project whose hours grow tenfold back to approval, keeping its team; the officer sees it, approves it again', async () => {
    const { coordinator, contributor, project } = await activeProjectWithTeam();
    const before = await lastSeq(project.id);
    const need = project.needs[0]!;
    const edited = await world.client.updateProject(
      edit(project, { needs: [{ id: need.id, skillId: need.skillId, neededMinutes: 6_000, startDate: '', endDate: '' }] }),
      as(coordinator),
    );

    expect(edited.status).toBe(ProjectStatus.PROJECT_STATUS_PROPOSED);
    expect(edited.needs[0]).toMatchObject({ neededMinutes: 6_000, filledMinutes: 120 });
    expect(edited.history.at(-1)).toMatchObject({
      from: ProjectStatus.PROJECT_STATUS_ACTIVE,
      to: ProjectStatus.PROJECT_STATUS_PROPOSED,
      by: `person:${coordinator}`,
      reason: 'Material change, back to approval: needed hours from 10 h to 100 h (more than 10 % more)',
    });
    const team = await world.client.listMembers({ projectId: project.id }, as(coordinator));
    expect(team.members.map((m) => m.personId).sort()).toEqual([coordinator, contributor].sort());
    const queue = await world.client.listApprovalQueue(
      { territoryId: territories.marseille, limit: 50, cursor: '', language: 'en' },
      as(officer),
    );
    expect(queue.projects.map((p) => p.id)).toContain(project.id);
    expect(await outboxTypes(project.id, before)).toEqual([
      'programs.project.updated',
      'programs.project.status_changed',
      'programs.project.proposed',
    ]);

    const approved = await world.client.changeProjectStatus(
      { id: project.id, status: status('approved'), reason: '', language: 'en' },
      as(officer),
    );
    expect(approved.status).toBe(ProjectStatus.PROJECT_STATUS_APPROVED);
    // The new hours are the approved ones now: a small change on top of them stays approved.
    const tweaked = await world.client.updateProject(
      edit(approved, { needs: [{ id: need.id, skillId: need.skillId, neededMinutes: 6_300, startDate: '', endDate: '' }] }),
      as(coordinator),
    );
    expect(tweaked.status).toBe(ProjectStatus.PROJECT_STATUS_APPROVED);
  });

  it('sends it back when the end date moves years later, or when it needs a new competence', async () => {
    const { coordinator, project } = await activeProjectWithTeam();
    const later = await world.client.updateProject(edit(project, { endDate: '2028-11-30' }), as(coordinator));
    expect(later.status).toBe(ProjectStatus.PROJECT_STATUS_PROPOSED);
    expect(later.history.at(-1)?.reason).toContain('period from 2026-03-01 – 2026-11-30 to 2026-03-01 – 2028-11-30');

    const other = await activeProjectWithTeam();
    const need = other.project.needs[0]!;
    const withFirstAid = await world.client.updateProject(
      edit(other.project, {
        needs: [
          { id: need.id, skillId: need.skillId, neededMinutes: 540, startDate: '', endDate: '' },
          { id: '', skillId: SKILLS.firstAid, neededMinutes: 60, startDate: '', endDate: '' },
        ],
      }),
      as(other.coordinator),
    );
    expect(withFirstAid.status).toBe(ProjectStatus.PROJECT_STATUS_PROPOSED);
  });
});

describe('a minor edit of a running project', () => {
  it('keeps it active when a typo is fixed, the hours change a little or the period a few days', async () => {
    const { coordinator, project } = await activeProjectWithTeam();
    const before = await lastSeq(project.id);
    const typo = await world.client.updateProject(
      edit(project, {
        title: 'Jardin partagé de la Belle-de-Mai',
        description: 'A shared vegetable garden for the neighbourhood, open to all.',
      }),
      as(coordinator),
    );
    expect(typo.status).toBe(ProjectStatus.PROJECT_STATUS_ACTIVE);
    expect(typo.title).toBe('Jardin partagé de la Belle-de-Mai');
    const need = typo.needs[0]!;
    const small = await world.client.updateProject(
      edit(typo, {
        endDate: '2026-12-20',
        needs: [{ id: need.id, skillId: need.skillId, neededMinutes: 660, startDate: '', endDate: '' }],
      }),
      as(coordinator),
    );
    expect(small.status).toBe(ProjectStatus.PROJECT_STATUS_ACTIVE);
    expect(small.history.map((h) => h.to).at(-1)).toBe(ProjectStatus.PROJECT_STATUS_ACTIVE);
    const types = await waitFor(
      async () => {
        const found = await outboxTypes(project.id, before);
        return found.length >= 2 ? found : undefined;
      },
      { what: 'the outbox' },
    );
    expect(types).toEqual(['programs.project.updated', 'programs.project.updated']);
  });
});
