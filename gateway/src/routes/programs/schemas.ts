// REST shapes of programs' resources, for validation and the OpenAPI document. Hours are minutes.
import { z } from 'zod';
import { clientString, freeText, text, uuid } from '../common.js';

export const PROJECT_KINDS = ['general_interest', 'individual_initiative', 'international_solidarity'] as const;
export const PROJECT_STATUSES = ['draft', 'proposed', 'approved', 'refused', 'active', 'completed', 'cancelled'] as const;
export const TEAM_ROLES = ['coordinator', 'co_manager', 'contributor'] as const;
export const ASSIGNABLE_ROLES = ['co_manager', 'contributor'] as const;
export const JOIN_REQUEST_STATUSES = ['pending', 'accepted', 'declined'] as const;
export const VOTES = ['for', 'against', 'abstain'] as const;
export const OUTCOMES = ['open', 'adopted', 'rejected'] as const;
export const FEEDBACK_ROLES = ['contributor', 'beneficiary'] as const;

export const date = clientString().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const skillId = clientString().min(1, 'must be a skill id').max(300, 'must be a skill id');
export const minutes = z.number().int('must be a whole number of minutes').min(1).max(100_000);

// Input

export const ChallengeInput = z
  .object({
    territoryId: uuid,
    title: text(200),
    description: freeText(4000).default(''),
    sdgs: z.array(z.number().int().min(1).max(17)).max(17).default([]).describe('Sustainable Development Goal numbers, 1 to 17'),
    refinesId: uuid.nullish().describe('a challenge of a territory above this one'),
  })
  .strict();

export const ChallengeUpdate = ChallengeInput.omit({ territoryId: true });

export const NeedInput = z
  .object({
    id: uuid.optional().describe('an existing need to keep; absent for a new one'),
    skillId,
    neededMinutes: minutes,
    startDate: date.nullish(),
    endDate: date.nullish(),
  })
  .strict();

export const ProjectInput = z
  .object({
    territoryId: uuid,
    title: text(200),
    description: freeText(8000).default(''),
    kind: z.enum(PROJECT_KINDS),
    challengeIds: z.array(uuid).max(10).default([]),
    startDate: date,
    endDate: date,
    needs: z.array(NeedInput).max(30).default([]),
  })
  .strict();

export const StatusChangeInput = z.object({ status: z.enum(PROJECT_STATUSES), reason: freeText(1000).optional() }).strict();

export const JoinRequestInput = z.object({ needId: uuid, minutes, message: freeText(1000).default('') }).strict();

export const DecisionInput = z
  .object({
    title: text(200),
    description: freeText(4000).default(''),
    deadline: z.iso.datetime({ offset: true, error: 'must be an instant such as 2026-05-01T18:00:00Z' }),
  })
  .strict();

export const FeedbackInput = z.object({ rating: z.number().int().min(1).max(5), comment: freeText(2000).default('') }).strict();

export const ProgramInput = z
  .object({
    territoryId: uuid,
    year: z.number().int().min(2000).max(2100),
    projectIds: z.array(uuid).min(1, 'must name at least one approved project').max(500),
  })
  .strict();

// Output

export const Sdg = z.object({ number: z.number().int(), label: z.string() });

export const Challenge = z.object({
  id: z.uuid(),
  territoryId: z.uuid(),
  territoryName: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  sdgs: z.array(z.number().int()),
  refinesId: z.uuid().nullable(),
  version: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const Need = z.object({
  id: z.uuid(),
  skillId: z.string(),
  skillLabel: z.string(),
  neededMinutes: z.number().int(),
  filledMinutes: z.number().int(),
  openMinutes: z.number().int(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});

export const StatusChange = z.object({
  from: z.enum(PROJECT_STATUSES),
  to: z.enum(PROJECT_STATUSES),
  by: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
});

export const Viewer = z
  .object({
    role: z.enum(TEAM_ROLES).nullable(),
    mayEdit: z.boolean(),
    mayApprove: z.boolean(),
    pendingRequestId: z.uuid().nullable(),
    mayLeaveFeedback: z.boolean(),
  })
  .describe('what the caller is on the project and may do with it');

export const Project = z.object({
  id: z.uuid(),
  territoryId: z.uuid(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(PROJECT_KINDS),
  status: z.enum(PROJECT_STATUSES),
  coordinatorId: z.uuid(),
  coordinatorName: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  challengeIds: z.array(z.uuid()),
  needs: z.array(Need),
  neededMinutes: z.number().int(),
  filledMinutes: z.number().int(),
  refusalReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  history: z.array(StatusChange).describe('every status change, oldest first (on a single project only)'),
  viewer: Viewer.nullable(),
});

export const Member = z.object({
  personId: z.uuid(),
  personName: z.string(),
  role: z.enum(TEAM_ROLES),
  needId: z.uuid().nullable(),
  minutes: z.number().int(),
  since: z.string(),
  competenceLevel: z.number().int().nullable().describe('the member’s level in the need’s skill, for the board only'),
});

export const JoinRequest = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  needId: z.uuid().nullable(),
  minutes: z.number().int(),
  message: z.string(),
  status: z.enum(JOIN_REQUEST_STATUSES),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  competenceLevel: z.number().int().nullable(),
});

export const Decision = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  deadline: z.string(),
  proposedBy: z.uuid(),
  createdAt: z.string(),
  outcome: z.enum(OUTCOMES),
  votesFor: z.number().int(),
  votesAgainst: z.number().int(),
  votesAbstain: z.number().int(),
  boardSize: z.number().int().describe('co-managers (coordinator included): at the deadline once past, now before'),
  majority: z.number().int(),
  myVote: z.enum(VOTES).nullable(),
  votes: z
    .array(z.object({ personId: z.uuid(), personName: z.string(), vote: z.enum(VOTES), votedAt: z.string() }))
    .describe('for the board only'),
});

export const Feedback = z.object({
  personId: z.uuid(),
  personName: z.string(),
  role: z.enum(FEEDBACK_ROLES),
  rating: z.number().int(),
  comment: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const FeedbackList = z.object({ items: z.array(Feedback), ratingCount: z.number().int(), ratingSum: z.number().int() });

export const Suggestion = z.object({
  project: Project,
  need: Need,
  score: z.number().int().describe('0 to 100'),
  reasons: z.array(z.object({ code: z.string(), points: z.number().int(), params: z.record(z.string(), z.string()) })),
});

export const LocalProgram = z.object({
  id: z.uuid(),
  territoryId: z.uuid(),
  territoryName: z.string().nullable(),
  year: z.number().int(),
  status: z.enum(['draft']),
  version: z.number().int(),
  neededMinutes: z.number().int(),
  totals: z.array(
    z.object({
      challengeId: z.uuid().nullable(),
      challengeTitle: z.string().nullable(),
      neededMinutes: z.number().int(),
      projectCount: z.number().int(),
    }),
  ),
  projects: z.array(Project),
  draftedBy: z.string(),
  draftedAt: z.string(),
});
