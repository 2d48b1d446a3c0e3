import { isRefusal } from '@e21/kit';
import { checkVote, tally, validateDecision, type Decision, type VoteRecord, type VoteValue } from './decisions.js';

const NOW = new Date('2026-05-01T12:00:00Z');
const DEADLINE = new Date('2026-05-08T12:00:00Z');
const AFTER = new Date('2026-05-08T12:00:01Z');

const decision: Decision = {
  id: 'd1',
  projectId: 'p1',
  title: 'Buy a composter',
  description: '',
  deadline: DEADLINE,
  proposedBy: 'ada',
  createdAt: NOW,
};
const vote = (personId: string, value: VoteValue): VoteRecord => ({ personId, vote: value, votedAt: NOW });

describe('counting a decision', () => {
  const board = ['ada', 'bob', 'cy', 'dee'];

  it('adopts a decision when more than half of the co-managers voted for it by the deadline', () => {
    const count = tally(decision, [vote('ada', 'for'), vote('bob', 'for'), vote('cy', 'for')], board, AFTER);
    expect(count).toEqual({ outcome: 'adopted', for: 3, against: 0, abstain: 0, boardSize: 4, majority: 3 });
  });

  it('rejects it at the deadline when half of the co-managers or fewer voted for it: abstaining or not voting is not for', () => {
    expect(tally(decision, [vote('ada', 'for'), vote('bob', 'for'), vote('cy', 'abstain')], board, AFTER).outcome).toBe('rejected');
    expect(tally(decision, [vote('ada', 'for')], ['ada', 'bob'], AFTER).outcome).toBe('rejected');
  });

  it('counts the majority over the co-managers at the deadline, not over the votes cast', () => {
    // two votes for out of two cast, but five co-managers: no majority
    expect(tally(decision, [vote('ada', 'for'), vote('bob', 'for')], [...board, 'eve'], AFTER)).toMatchObject({
      outcome: 'rejected',
      majority: 3,
      boardSize: 5,
    });
  });

  it('ignores the vote of someone no longer on the board at the deadline', () => {
    const count = tally(decision, [vote('ada', 'for'), vote('bob', 'for'), vote('gone', 'for')], ['ada', 'bob', 'cy', 'dee'], AFTER);
    expect(count).toMatchObject({ for: 2, outcome: 'rejected' });
  });

  it('stays open before the deadline, even with a majority already', () => {
    expect(tally(decision, [vote('ada', 'for'), vote('bob', 'for'), vote('cy', 'for')], board, NOW).outcome).toBe('open');
  });

  it('decides at the deadline itself', () => {
    expect(tally(decision, [vote('ada', 'for')], ['ada'], DEADLINE).outcome).toBe('adopted');
  });
});

describe('voting', () => {
  const board = ['ada', 'bob'];

  it('lets a co-manager vote once', () => {
    expect(checkVote(decision, board, 'bob', [vote('ada', 'for')], NOW)).toBeUndefined();
    expect(checkVote(decision, board, 'ada', [vote('ada', 'for')], NOW)).toMatchObject({ kind: 'conflict', code: 'already_voted' });
  });

  it('does not let someone who is not a co-manager vote', () => {
    expect(checkVote(decision, board, 'cy', [], NOW)).toMatchObject({ kind: 'forbidden', code: 'not_a_co_manager' });
  });

  it('takes no vote once the deadline has passed', () => {
    expect(checkVote(decision, board, 'bob', [], DEADLINE)?.code).toBe('decision_closed');
  });
});

describe('validateDecision', () => {
  it('needs a title and a deadline in the future, at most 90 days away', () => {
    expect(isRefusal(validateDecision({ title: 'x', description: '', deadline: DEADLINE }, NOW))).toBe(false);
    const problems = (deadline: Date, title = 'x') => {
      const result = validateDecision({ title, description: '', deadline }, NOW);
      return isRefusal(result) ? result.fields : [];
    };
    expect(problems(NOW)).toEqual([{ field: 'deadline', message: 'must be in the future' }]);
    expect(problems(new Date('2026-08-01T12:00:00Z'))).toEqual([{ field: 'deadline', message: 'must be at most 90 days away' }]);
    expect(problems(new Date('not a date'))).toEqual([{ field: 'deadline', message: 'must be an instant such as 2026-05-01T18:00:00Z' }]);
    expect(problems(DEADLINE, ' ')).toEqual([{ field: 'title', message: 'must not be empty' }]);
  });
});
