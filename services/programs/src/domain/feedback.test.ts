import { isRefusal } from '@e21/kit';
import { feedbackRole, validateFeedback } from './feedback.js';

describe('who leaves feedback', () => {
  it('takes feedback from contributors as contributors, and from anyone off the team as beneficiaries', () => {
    expect(feedbackRole('active', 'contributor')).toBe('contributor');
    expect(feedbackRole('completed', undefined)).toBe('beneficiary');
  });

  it('does not let the board rate its own service', () => {
    expect(feedbackRole('active', 'coordinator')).toMatchObject({ kind: 'forbidden', code: 'board_cannot_rate' });
    expect(feedbackRole('active', 'co_manager')).toMatchObject({ code: 'board_cannot_rate' });
  });

  it('takes feedback once the project runs, not before', () => {
    for (const status of ['draft', 'proposed', 'approved', 'refused', 'cancelled'] as const) {
      expect(feedbackRole(status, undefined)).toMatchObject({ code: 'feedback_not_open' });
    }
  });
});

describe('validateFeedback', () => {
  it('rates from 1 to 5 in whole numbers, with a comment of at most 2000 characters', () => {
    expect(validateFeedback({ rating: 5, comment: ' Great workshop ' })).toEqual({ rating: 5, comment: 'Great workshop' });
    for (const rating of [0, 6, 4.5]) {
      const result = validateFeedback({ rating, comment: '' });
      expect(isRefusal(result) && result.fields?.map((f) => f.field)).toEqual(['rating']);
    }
    const long = validateFeedback({ rating: 3, comment: 'x'.repeat(2001) });
    expect(isRefusal(long) && long.fields?.map((f) => f.field)).toEqual(['comment']);
  });
});
