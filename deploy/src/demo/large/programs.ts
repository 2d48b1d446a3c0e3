// The large demo's projects through programs' gRPC API: each created by its coordinator, proposed,
// approved by the officer of its locality and started (or left waiting, as the plan says), and
// their teams: each member asks to join a need and the coordinator accepts.
import { toProtoEnum } from '@e21/kit';
import { ProgramsServiceService, type ProjectKind, type ProjectStatus } from '@e21/proto/e21/programs/v1/programs';
import { as, clientOf, inParallel, type Targets } from '../world.js';
import type { LargePlan, LoadedIds, PlannedProject } from './plan.js';

/** The moves from a draft to each status, and who makes them. */
const PATH: Record<PlannedProject['status'], [to: string, by: 'coordinator' | 'officer'][]> = {
  draft: [],
  proposed: [['proposed', 'coordinator']],
  approved: [
    ['proposed', 'coordinator'],
    ['approved', 'officer'],
  ],
  active: [
    ['proposed', 'coordinator'],
    ['approved', 'officer'],
    ['active', 'coordinator'],
  ],
};

export async function loadProjects(targets: Targets, plan: LargePlan, loaded: LoadedIds, width: number): Promise<void> {
  const programs = clientOf(ProgramsServiceService, targets, 'programs', 60_000);
  const officers = new Map(plan.people.flatMap((p, index) => (p.officer ? [[p.locality, loaded.people[index]!] as const] : [])));
  try {
    const { projects } = loaded;
    await inParallel(plan.projects, width, async (project, index) => {
      const coordinator = loaded.people[project.coordinator]!;
      const created = await programs.createProject(
        {
          territoryId: plan.localities[project.locality]!.id,
          title: project.title,
          description: project.description,
          kind: toProtoEnum<ProjectKind>('PROJECT_KIND', 'general_interest'),
          challengeIds: [],
          startDate: project.startDate,
          endDate: project.endDate,
          needs: project.needs.map((need) => ({ id: '', skillId: need.skill, neededMinutes: need.minutes, startDate: '', endDate: '' })),
          language: 'fr',
        },
        as(coordinator),
      );
      projects[index] = { id: created.id, needIds: created.needs.map((n) => n.id) };
      for (const [to, by] of PATH[project.status]) {
        const who = by === 'officer' ? officers.get(project.locality)! : coordinator;
        await programs.changeProjectStatus(
          { id: created.id, status: toProtoEnum<ProjectStatus>('PROJECT_STATUS', to), reason: '', language: 'fr' },
          as(who),
        );
      }
    });

    await inParallel(plan.members, width, async (member) => {
      const project = projects[member.project]!;
      const personId = loaded.people[member.person]!;
      const request = await programs.requestToJoin(
        {
          projectId: project.id,
          needId: project.needIds[member.need]!,
          minutes: member.minutes,
          message: '',
          idempotencyKey: `large-demo-${personId}`,
        },
        as(personId),
      );
      await programs.acceptJoinRequest(
        { projectId: project.id, requestId: request.id, reason: '' },
        as(loaded.people[plan.projects[member.project]!.coordinator]!),
      );
    });
  } finally {
    programs.close();
  }
}
