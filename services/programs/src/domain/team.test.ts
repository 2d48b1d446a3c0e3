import type { Need } from './projects.js';
import {
  boardAt,
  checkAcceptance,
  checkDecline,
  checkJoinRequest,
  checkRemoval,
  checkRoleChange,
  filledMinutes,
  OPEN_FOR_MEMBERS,
  teamRoleOf,
  type JoinRequestRecord,
  type Membership,
} from './team.js';

const T0 = new Date('2026-01-01T00:00:00Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

const need: Need = { id: 'need-gardening', skillId: 'urn:e21:skill:urban-gardening', neededMinutes: 600, startDate: null, endDate: null };

const member = (personId: string, role: Membership['role'], extra: Partial<Membership> = {}): Membership => ({
  id: `${personId}-${role}`,
  projectId: 'p1',
  personId,
  role,
  needId: null,
  minutes: 0,
  since: T0,
  until: null,
  ...extra,
});

const team = [member('ada', 'coordinator'), member('bob', 'co_manager'), member('cy', 'contributor', { needId: need.id, minutes: 480 })];

const request = (extra: Partial<JoinRequestRecord> = {}): JoinRequestRecord => ({
  id: 'r1',
  projectId: 'p1',
  personId: 'dee',
  needId: need.id,
  minutes: 60,
  message: '',
  status: 'pending',
  createdAt: T0,
  decidedBy: null,
  decidedAt: null,
  decisionReason: '',
  ...extra,
});

describe('joining a project', () => {
  const ask = (status: Parameters<typeof checkJoinRequest>[0]['status'], minutes = 60, pending = false) =>
    checkJoinRequest({ status }, need, team, 'dee', { minutes, message: 'I garden', pending });

  it('lets a person ask to fill an open need of a proposed, approved or active project', () => {
    for (const status of OPEN_FOR_MEMBERS) expect(ask(status)).toBeUndefined();
  });

  it('accepts no members on a cancelled project (nor a draft, refused or completed one)', () => {
    expect(ask('cancelled')).toMatchObject({ kind: 'conflict', code: 'project_closed' });
    for (const status of ['draft', 'refused', 'completed'] as const) expect(ask(status)?.code).toBe('project_closed');
    expect(checkAcceptance({ status: 'cancelled' }, request(), need, team, 'coordinator')?.code).toBe('project_closed');
  });

  it('refuses more minutes than the need has open, and a need already filled', () => {
    expect(ask('approved', 121)).toMatchObject({
      code: 'exceeds_open_minutes',
      fields: [{ field: 'minutes', message: 'must be at most the 120 open minutes' }],
    });
    expect(ask('approved', 120)).toBeUndefined();
    const full = [...team, member('eve', 'contributor', { needId: need.id, minutes: 120 })];
    expect(checkJoinRequest({ status: 'approved' }, need, full, 'dee', { minutes: 1, message: '', pending: false })?.code).toBe(
      'need_filled',
    );
  });

  it('refuses someone already on the team, or with a request waiting', () => {
    expect(checkJoinRequest({ status: 'approved' }, need, team, 'cy', { minutes: 10, message: '', pending: false })?.code).toBe(
      'already_member',
    );
    expect(ask('approved', 60, true)?.code).toBe('request_pending');
  });

  it('refuses a need that is not the project’s', () => {
    expect(checkJoinRequest({ status: 'approved' }, undefined, team, 'dee', { minutes: 10, message: '', pending: false })).toMatchObject({
      code: 'unknown_need',
    });
  });
});

describe('accepting and declining', () => {
  it('lets the coordinator or a co-manager accept, not a contributor or outsider', () => {
    expect(checkAcceptance({ status: 'approved' }, request(), need, team, 'coordinator')).toBeUndefined();
    expect(checkAcceptance({ status: 'approved' }, request(), need, team, 'co_manager')).toBeUndefined();
    expect(checkAcceptance({ status: 'approved' }, request(), need, team, 'contributor')?.code).toBe('not_on_board');
    expect(checkAcceptance({ status: 'approved' }, request(), need, team, undefined)?.code).toBe('not_on_board');
  });

  it('checks the need still has room when accepting, not only when asking', () => {
    const filledSince = [...team, member('eve', 'contributor', { needId: need.id, minutes: 100 })];
    expect(checkAcceptance({ status: 'active' }, request({ minutes: 60 }), need, filledSince, 'coordinator')?.code).toBe(
      'exceeds_open_minutes',
    );
  });

  it('decides a request once', () => {
    expect(checkAcceptance({ status: 'approved' }, request({ status: 'declined' }), need, team, 'coordinator')?.code).toBe(
      'already_decided',
    );
    expect(checkDecline(request({ status: 'accepted' }), 'co_manager')?.code).toBe('already_decided');
    expect(checkDecline(request(), 'contributor')?.code).toBe('not_on_board');
  });
});

describe('roles and leaving', () => {
  it('lets the board make a contributor co-manager, but never changes the coordinator', () => {
    expect(checkRoleChange('co_manager', team[2])).toBeUndefined();
    expect(checkRoleChange('contributor', team[2])?.code).toBe('not_on_board');
    expect(checkRoleChange('coordinator', team[0])?.code).toBe('coordinator_role');
    expect(checkRoleChange('coordinator', undefined)?.kind).toBe('not_found');
  });

  it('lets members leave, the board remove others, and keeps the coordinator', () => {
    expect(checkRemoval('cy', 'contributor', team[2])).toBeUndefined();
    expect(checkRemoval('ada', 'coordinator', team[2])).toBeUndefined();
    expect(checkRemoval('dee', undefined, team[2])?.code).toBe('not_on_board');
    expect(checkRemoval('cy', 'contributor', team[1])?.code).toBe('not_on_board');
    expect(checkRemoval('ada', 'coordinator', team[0])?.code).toBe('coordinator_cannot_leave');
  });
});

describe('the team over time', () => {
  it('counts minutes pledged by current members only', () => {
    const left = member('old', 'contributor', { needId: need.id, minutes: 300, until: hours(1) });
    expect(filledMinutes([...team, left]).get(need.id)).toBe(480);
  });

  it('tells who was on the board at a given moment, from role changes and departures', () => {
    const history = [
      member('ada', 'coordinator'),
      member('bob', 'contributor', { until: hours(2) }),
      member('bob', 'co_manager', { id: 'bob-2', since: hours(2), until: hours(5) }),
      member('cy', 'co_manager', { since: hours(3) }),
    ];
    expect(boardAt(history, hours(1)).sort()).toEqual(['ada']);
    expect(boardAt(history, hours(4)).sort()).toEqual(['ada', 'bob', 'cy']);
    expect(boardAt(history, hours(6)).sort()).toEqual(['ada', 'cy']);
    expect(teamRoleOf(history, 'bob')).toBeUndefined();
  });
});
