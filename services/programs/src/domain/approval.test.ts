import { approvedTermsOf, materialChanges, reviewEdit, type ApprovedTerms } from './approval.js';
import { transition } from './lifecycle.js';
import type { Need, Project, ProjectStatus } from './projects.js';

const AT = new Date('2026-05-01T10:00:00Z');
const need = (id: string, skillId: string, neededMinutes: number): Need => ({ id, skillId, neededMinutes, startDate: null, endDate: null });

const project = (status: ProjectStatus, overrides: Partial<Project> = {}): Project => {
  const base: Project = {
    id: 'p1',
    territoryId: 'marseille',
    title: 'Jardin partagé',
    description: 'A garden',
    kind: 'general_interest',
    status,
    coordinatorId: 'ada',
    startDate: '2026-04-01',
    endDate: '2026-10-31',
    challengeIds: [],
    // 600 hours: 500 of gardening, 100 of composting
    needs: [need('n1', 'gardening', 30_000), need('n2', 'composting', 6_000)],
    refusalReason: '',
    approved: null,
    version: 4,
    createdAt: AT,
    updatedAt: AT,
    ...overrides,
  };
  return { ...base, approved: status === 'draft' || status === 'proposed' ? null : approvedTermsOf(base) };
};

const approved: ApprovedTerms = approvedTermsOf(project('draft'));
const codes = (edited: Project) => materialChanges(approved, edited).map((c) => c.code);

describe('what an edit of an approved project changes materially', () => {
  it('keeps the approved terms: total hours, the skills once each, the period', () => {
    expect(approved).toEqual({
      neededMinutes: 36_000,
      skillIds: ['composting', 'gardening'],
      startDate: '2026-04-01',
      endDate: '2026-10-31',
    });
  });

  it('takes up to 10 % more hours as minor, and more than that as material', () => {
    expect(codes(project('active', { needs: [need('n1', 'gardening', 33_600), need('n2', 'composting', 6_000)] }))).toEqual([]); // 660 h: exactly 10 % more
    expect(codes(project('active', { needs: [need('n1', 'gardening', 33_601), need('n2', 'composting', 6_000)] }))).toEqual([
      'hours_increased',
    ]);
    expect(codes(project('active', { needs: [need('n1', 'gardening', 300_000), need('n2', 'composting', 60_000)] }))).toEqual([
      'hours_increased',
    ]); // x10
  });

  it('takes fewer hours and fewer skills as minor: they ask less of the territory', () => {
    expect(codes(project('active', { needs: [need('n1', 'gardening', 600)] }))).toEqual([]);
  });

  it('takes a need for a skill the approval did not include as material, even with no more hours', () => {
    const edited = project('active', {
      needs: [need('n1', 'gardening', 24_000), need('n3', 'first-aid', 6_000), need('n2', 'composting', 6_000)],
    });
    expect(materialChanges(approved, edited)).toEqual([{ code: 'new_competence', detail: 'new competences needed: first-aid' }]);
  });

  it('takes a period up to 30 days longer on either side as minor, and more as material', () => {
    expect(codes(project('active', { startDate: '2026-03-02', endDate: '2026-11-30' }))).toEqual([]);
    expect(codes(project('active', { endDate: '2026-12-01' }))).toEqual(['period_extended']);
    expect(codes(project('active', { startDate: '2026-03-01' }))).toEqual(['period_extended']);
    expect(codes(project('active', { endDate: '2029-10-31' }))).toEqual(['period_extended']);
    // A shorter period asks less
    expect(codes(project('active', { startDate: '2026-06-01', endDate: '2026-07-31' }))).toEqual([]);
  });

  it('names every material change at once', () => {
    const edited = project('active', { endDate: '2028-12-31', needs: [need('n1', 'gardening', 300_000), need('n3', 'carpentry', 60)] });
    expect(codes(edited)).toEqual(['hours_increased', 'new_competence', 'period_extended']);
  });
});

describe('reviewing an edit', () => {
  it('sends an active project whose hours grow tenfold back to approval, with the reason in its history', () => {
    const before = project('active');
    const edited = { ...before, needs: [need('n1', 'gardening', 300_000), need('n2', 'composting', 60_000)], version: 5 };
    const reviewed = reviewEdit(before, edited, 'person:ada', AT);
    expect(reviewed.project).toMatchObject({ status: 'proposed', version: 5, approved });
    expect(reviewed.change).toEqual({
      from: 'active',
      to: 'proposed',
      by: 'person:ada',
      at: AT,
      reason: 'Material change, back to approval: needed hours from 600 h to 6000 h (more than 10 % more)',
    });
  });

  it('keeps an active project active when only its text changes (a typo fixed)', () => {
    const before = project('active');
    const reviewed = reviewEdit(
      before,
      { ...before, title: 'Jardin partagé du Panier', description: 'A shared garden', version: 5 },
      'person:ada',
      AT,
    );
    expect(reviewed.project.status).toBe('active');
    expect(reviewed.change).toBeUndefined();
  });

  it('sends an approved project that has not started back too, and leaves drafts alone', () => {
    const later = { endDate: '2027-12-31' };
    expect(reviewEdit(project('approved'), { ...project('approved'), ...later }, 'person:ada', AT).change?.from).toBe('approved');
    expect(
      reviewEdit(project('draft'), { ...project('draft'), ...later, needs: [need('n1', 'gardening', 300_000)] }, 'person:ada', AT).change,
    ).toBeUndefined();
  });

  it('measures each edit against the approval, not the previous edit: 9 % twice is 18 %', () => {
    const before = project('active');
    const first = reviewEdit(
      before,
      { ...before, needs: [need('n1', 'gardening', 33_240), need('n2', 'composting', 6_000)] },
      'person:ada',
      AT,
    );
    expect(first.project.status).toBe('active');
    const second = reviewEdit(
      first.project,
      { ...first.project, needs: [need('n1', 'gardening', 36_480), need('n2', 'composting', 6_000)] },
      'person:ada',
      AT,
    );
    expect(second.project.status).toBe('proposed');
  });

  it('makes the edited terms the approved ones once an officer approves again', () => {
    const before = project('active');
    const reviewed = reviewEdit(before, { ...before, endDate: '2027-06-30' }, 'person:ada', AT);
    const officer = { by: 'person:marc', teamRole: undefined, officer: true, system: false };
    const approvedAgain = transition(reviewed.project, 'approved', officer, '', AT);
    if ('refused' in approvedAgain) throw new Error(approvedAgain.message);
    expect(approvedAgain.project.approved).toEqual({ ...approved, endDate: '2027-06-30' });
    expect(reviewEdit(approvedAgain.project, { ...approvedAgain.project, title: 'New title' }, 'person:ada', AT).change).toBeUndefined();
  });
});
