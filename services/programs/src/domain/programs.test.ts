import { challengeTotals, checkProgramProjects, checkYear, isProgramCandidate, type ProgramProject } from './programs.js';

const TERRITORIES = new Set(['marseille', 'aubagne']);

const project = (id: string, extra: Partial<ProgramProject> = {}): ProgramProject => ({
  id,
  territoryId: 'marseille',
  status: 'approved',
  startDate: '2026-03-01',
  endDate: '2026-09-30',
  challengeIds: [],
  neededMinutes: 600,
  ...extra,
});

describe('what a local program holds', () => {
  it('takes approved and running projects of the territory (and below) that run during the year', () => {
    expect(isProgramCandidate(project('a'), TERRITORIES, 2026)).toBe(true);
    expect(isProgramCandidate(project('b', { status: 'active', territoryId: 'aubagne' }), TERRITORIES, 2026)).toBe(true);
    expect(isProgramCandidate(project('c', { startDate: '2025-11-01', endDate: '2026-01-15' }), TERRITORIES, 2026)).toBe(true);
  });

  it('leaves out projects that are not approved, of another territory, or of another year', () => {
    for (const status of ['draft', 'proposed', 'refused', 'completed', 'cancelled'] as const)
      expect(isProgramCandidate(project('x', { status }), TERRITORIES, 2026)).toBe(false);
    expect(isProgramCandidate(project('x', { territoryId: 'toulon' }), TERRITORIES, 2026)).toBe(false);
    expect(isProgramCandidate(project('x'), TERRITORIES, 2027)).toBe(false);
  });

  it('refuses a program naming a project it cannot hold, saying which', () => {
    const projects = [project('ok'), project('proposed', { status: 'proposed' }), project('toulon', { territoryId: 'toulon' })];
    const refusal = checkProgramProjects(projects, ['ok', 'proposed', 'toulon', 'unknown'], TERRITORIES, 2026);
    expect(refusal?.fields).toEqual([
      { field: 'project_ids.1', message: 'is proposed; a program holds approved projects' },
      { field: 'project_ids.2', message: 'is not a project of this territory' },
      { field: 'project_ids.3', message: 'is not a known project' },
    ]);
    expect(checkProgramProjects(projects, ['ok'], TERRITORIES, 2026)).toBeUndefined();
  });

  it('takes years from 2000 to 2100', () => {
    expect(checkYear(2026)).toBeUndefined();
    expect(checkYear(1999)?.fields).toEqual([{ field: 'year', message: 'must be from 2000 to 2100' }]);
    expect(checkYear(20.5)?.code).toBe('validation_failed');
  });
});

describe('the hours a program needs per challenge', () => {
  it('totals the needed minutes per challenge, counting a project under each of its challenges, largest first', () => {
    const { totals, neededMinutes } = challengeTotals([
      project('garden', { challengeIds: ['heat', 'food'], neededMinutes: 1200 }),
      project('shade', { challengeIds: ['heat'], neededMinutes: 600 }),
      project('library', { neededMinutes: 300 }),
    ]);
    expect(totals).toEqual([
      { challengeId: 'heat', neededMinutes: 1800, projectCount: 2 },
      { challengeId: 'food', neededMinutes: 1200, projectCount: 1 },
      { challengeId: null, neededMinutes: 300, projectCount: 1 },
    ]);
    expect(neededMinutes).toBe(2100);
  });
});
