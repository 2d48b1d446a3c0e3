import { isRefusal, type RefusalValue } from '@e21/kit';
import { allowedMoves, LIFECYCLE, transition, type TransitionActor } from './lifecycle.js';
import { PROJECT_STATUSES, type Project, type ProjectStatus } from './projects.js';

const AT = new Date('2026-03-01T10:00:00Z');

const project = (status: ProjectStatus): Project => ({
  id: 'p1',
  territoryId: 'marseille',
  title: 'Jardin partagé',
  description: '',
  kind: 'general_interest',
  status,
  coordinatorId: 'ada',
  startDate: '2026-04-01',
  endDate: '2026-10-31',
  challengeIds: [],
  needs: [],
  refusalReason: '',
  approved: null,
  version: 3,
  createdAt: AT,
  updatedAt: AT,
});

const coordinator: TransitionActor = { by: 'person:ada', teamRole: 'coordinator', officer: false, system: false };
const coManager: TransitionActor = { by: 'person:bob', teamRole: 'co_manager', officer: false, system: false };
const contributor: TransitionActor = { by: 'person:cy', teamRole: 'contributor', officer: false, system: false };
const officer: TransitionActor = { by: 'person:marc', teamRole: undefined, officer: true, system: false };
const inhabitant: TransitionActor = { by: 'person:dee', teamRole: undefined, officer: false, system: false };

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

function moved(result: ReturnType<typeof transition>) {
  if (isRefusal(result)) throw new Error(`expected a move, got ${result.code}: ${result.message}`);
  return result;
}

describe('the project lifecycle', () => {
  it('goes draft -> proposed -> approved -> active -> completed, each step recorded with who and when', () => {
    const proposed = moved(transition(project('draft'), 'proposed', coordinator, '', AT));
    const approved = moved(transition(proposed.project, 'approved', officer, '', AT));
    const active = moved(transition(approved.project, 'active', coManager, '', AT));
    const completed = moved(transition(active.project, 'completed', coordinator, '', AT));
    expect(completed.project.status).toBe('completed');
    expect([proposed, approved, active, completed].map((m) => [m.change.from, m.change.to, m.change.by])).toEqual([
      ['draft', 'proposed', 'person:ada'],
      ['proposed', 'approved', 'person:marc'],
      ['approved', 'active', 'person:bob'],
      ['active', 'completed', 'person:ada'],
    ]);
    expect(completed.change.at).toBe(AT);
  });

  it('refuses every move that is not in the lifecycle with a clear error, whoever asks', () => {
    const system: TransitionActor = { by: 'system:test', teamRole: undefined, officer: false, system: true };
    for (const from of PROJECT_STATUSES) {
      for (const to of PROJECT_STATUSES.filter((status) => !allowedMoves(from).includes(status))) {
        const refusal = refused(transition(project(from), to, system, 'because', AT));
        expect({ from, to, kind: refusal.kind, code: refusal.code }).toEqual({ from, to, kind: 'conflict', code: 'invalid_transition' });
        expect(refusal.message).toContain(`cannot become ${to}`);
      }
    }
  });

  it('keeps completed and cancelled projects final', () => {
    expect(allowedMoves('completed')).toEqual([]);
    expect(allowedMoves('cancelled')).toEqual([]);
    expect(refused(transition(project('cancelled'), 'active', coordinator, '', AT)).message).toContain('cancelled is final');
  });

  it('bumps the version with every move', () => {
    expect(moved(transition(project('draft'), 'proposed', coordinator, '', AT)).project.version).toBe(4);
  });
});

describe('who moves a project', () => {
  it('lets only an officer of the territory approve or refuse a proposal', () => {
    for (const to of ['approved', 'refused'] as const) {
      for (const actor of [coordinator, coManager, contributor, inhabitant]) {
        expect(refused(transition(project('proposed'), to, actor, 'no', AT)).kind).toBe('forbidden');
      }
      expect(moved(transition(project('proposed'), to, officer, 'not enough detail', AT)).project.status).toBe(to);
    }
  });

  it('does not let a coordinator approve their own project, even when they are an officer', () => {
    const officerCoordinator: TransitionActor = { ...coordinator, officer: true };
    const refusal = refused(transition(project('proposed'), 'approved', officerCoordinator, '', AT));
    expect(refusal).toMatchObject({ kind: 'forbidden', code: 'own_project' });
    const officerContributor: TransitionActor = { ...contributor, officer: true };
    expect(refused(transition(project('proposed'), 'refused', officerContributor, 'no', AT)).code).toBe('own_project');
  });

  it('needs a reason to refuse, and keeps it on the project', () => {
    expect(refused(transition(project('proposed'), 'refused', officer, '  ', AT))).toMatchObject({
      kind: 'invalid',
      code: 'reason_required',
    });
    const refusedProject = moved(transition(project('proposed'), 'refused', officer, ' Overlaps an existing project ', AT));
    expect(refusedProject.project.refusalReason).toBe('Overlaps an existing project');
    expect(refusedProject.change.reason).toBe('Overlaps an existing project');
  });

  it('lets the board (coordinator or co-manager) propose, start and complete, and nobody else', () => {
    for (const [from, to] of [
      ['draft', 'proposed'],
      ['approved', 'active'],
      ['active', 'completed'],
    ] as const) {
      expect(moved(transition(project(from), to, coordinator, '', AT)).project.status).toBe(to);
      expect(moved(transition(project(from), to, coManager, '', AT)).project.status).toBe(to);
      for (const actor of [contributor, inhabitant, officer])
        expect(refused(transition(project(from), to, actor, '', AT)).code).toBe('not_on_board');
    }
  });

  it('lets the board or an officer cancel, but not a contributor', () => {
    for (const from of ['draft', 'proposed', 'approved', 'active'] as const) {
      expect(LIFECYCLE[from].cancelled).toBe('board_or_officer');
      expect(moved(transition(project(from), 'cancelled', coordinator, '', AT)).project.status).toBe('cancelled');
      expect(moved(transition(project(from), 'cancelled', officer, 'abandoned', AT)).project.status).toBe('cancelled');
      expect(refused(transition(project(from), 'cancelled', contributor, '', AT)).kind).toBe('forbidden');
    }
  });

  it('lets a refused project be reworked as a draft, clearing the reason', () => {
    const reworked = moved(transition({ ...project('refused'), refusalReason: 'too vague' }, 'draft', coordinator, '', AT));
    expect(reworked.project).toMatchObject({ status: 'draft', refusalReason: '' });
  });
});
