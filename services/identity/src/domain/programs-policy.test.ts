import type { Caller } from '@e21/kit';
import { decide, type Grant, type ScopeFacts, type SubjectFacts } from './policy.js';

// eu > fr > paca > bdr > marseille, aubagne; and fr > occitanie > montpellier
const PATH = {
  paca: ['eu', 'fr', 'paca'],
  marseille: ['eu', 'fr', 'paca', 'bdr', 'marseille'],
  aubagne: ['eu', 'fr', 'paca', 'bdr', 'aubagne'],
  montpellier: ['eu', 'fr', 'occitanie', 'montpellier'],
};

const ACTIONS = ['programs.challenges.write', 'programs.projects.approve', 'programs.programs.draft'];

const person = (grants: Grant[] = []): SubjectFacts => ({
  subject: { kind: 'person', personId: 'ada' } as Caller,
  grants,
  memberships: [],
});
const on = (role: Grant['role'], territory: string): Grant => ({ role, scopeKind: 'territory', scopeId: territory });
const project = (territoryPath: string[]): ScopeFacts => ({ territoryPath, projectId: 'p1' });

describe('programs actions: officers or territory admins of the territory or above', () => {
  it.each(ACTIONS)('allows an officer of the locality, and of the region above it (%s)', (action) => {
    expect(decide(action, person([on('officer', 'marseille')]), project(PATH.marseille)).allowed).toBe(true);
    expect(decide(action, person([on('officer', 'paca')]), project(PATH.marseille)).allowed).toBe(true);
    expect(decide(action, person([on('territory_admin', 'paca')]), project(PATH.aubagne)).allowed).toBe(true);
  });

  it.each(ACTIONS)('refuses an officer of a neighbouring locality or of another region (%s)', (action) => {
    expect(decide(action, person([on('officer', 'aubagne')]), project(PATH.marseille)).allowed).toBe(false);
    expect(decide(action, person([on('officer', 'occitanie')]), project(PATH.marseille)).allowed).toBe(false);
  });

  it.each(ACTIONS)('refuses an officer of a locality acting on its region (%s)', (action) => {
    expect(decide(action, person([on('officer', 'marseille')]), { territoryPath: PATH.paca }).allowed).toBe(false);
  });

  it.each(ACTIONS)('refuses inhabitants and other territory roles (%s)', (action) => {
    expect(decide(action, person(), project(PATH.marseille)).allowed).toBe(false);
    expect(
      decide(action, person([on('assembly_member', 'marseille'), on('moderator', 'marseille')]), project(PATH.marseille)).allowed,
    ).toBe(false);
  });
});
