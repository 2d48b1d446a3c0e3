// The co-management board through the gRPC API: decisions voted by the co-managers, and feedback for them.
import { sleep } from '@e21/kit';
import { DecisionOutcome, FeedbackRole, Vote } from '@e21/proto/e21/programs/v1/programs';
import { as, person, projectIn, projectRequest, startPrograms, teamRole, type ProgramsUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';
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

/** An active project with a coordinator, `coManagers` co-managers and one contributor. */
async function boardOf(coManagers: number) {
  const coordinator = await person(world.identityClient, territories.marseille);
  const project = await projectIn(world.client, 'active', { coordinator, officer }, projectRequest(territories.marseille));
  const join = async (role: string) => {
    const who = await person(world.identityClient, territories.marseille);
    const request = await world.client.requestToJoin(
      { projectId: project.id, needId: project.needs[0]!.id, minutes: 30, message: '', idempotencyKey: '' },
      as(who),
    );
    await world.client.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(coordinator));
    if (role === 'co_manager')
      await world.client.setMemberRole({ projectId: project.id, personId: who, role: teamRole('co_manager') }, as(coordinator));
    return who;
  };
  const managers: string[] = [];
  for (let i = 0; i < coManagers; i++) managers.push(await join('co_manager'));
  const contributor = await join('contributor');
  return { project, coordinator, managers, contributor };
}

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const vote = (projectId: string, decisionId: string, who: string, value: Vote) =>
  world.client.castVote({ projectId, decisionId, vote: value }, as(who));

describe('board decisions', () => {
  it('adopts a decision voted for by a majority of the co-managers, counted at the deadline', async () => {
    const { project, coordinator, managers } = await boardOf(2);
    const decision = await world.client.proposeDecision(
      { projectId: project.id, title: 'Buy a second composter', description: '', deadline: inSeconds(2) },
      as(coordinator),
    );
    expect(decision).toMatchObject({ outcome: DecisionOutcome.DECISION_OUTCOME_OPEN, boardSize: 3, majority: 2 });
    await vote(project.id, decision.id, coordinator, Vote.VOTE_FOR);
    const afterTwo = await vote(project.id, decision.id, managers[0]!, Vote.VOTE_FOR);
    expect(afterTwo).toMatchObject({ outcome: DecisionOutcome.DECISION_OUTCOME_OPEN, votesFor: 2 });
    await sleep(2100);
    const [closed] = (await world.client.listDecisions({ projectId: project.id }, as(managers[1]!))).decisions;
    expect(closed).toMatchObject({ outcome: DecisionOutcome.DECISION_OUTCOME_ADOPTED, votesFor: 2, boardSize: 3 });
    expect(closed!.votes.map((v) => v.personId).sort()).toEqual([coordinator, managers[0]!].sort());
  });

  it('counts the majority over the co-managers on the board at the deadline: one joining before it raises the bar', async () => {
    const { project, coordinator, managers, contributor } = await boardOf(1);
    const decision = await world.client.proposeDecision(
      { projectId: project.id, title: 'Open on Sundays', description: '', deadline: inSeconds(2) },
      as(coordinator),
    );
    await vote(project.id, decision.id, coordinator, Vote.VOTE_FOR);
    await vote(project.id, decision.id, managers[0]!, Vote.VOTE_FOR);
    // two of two so far; two more co-managers before the deadline make it two of four
    await world.client.setMemberRole({ projectId: project.id, personId: contributor, role: teamRole('co_manager') }, as(coordinator));
    const another = await person(world.identityClient, territories.marseille);
    const request = await world.client.requestToJoin(
      { projectId: project.id, needId: project.needs[0]!.id, minutes: 30, message: '', idempotencyKey: '' },
      as(another),
    );
    await world.client.acceptJoinRequest({ projectId: project.id, requestId: request.id, reason: '' }, as(coordinator));
    await world.client.setMemberRole({ projectId: project.id, personId: another, role: teamRole('co_manager') }, as(coordinator));
    await sleep(2100);
    const [closed] = (await world.client.listDecisions({ projectId: project.id }, as(coordinator))).decisions;
    expect(closed).toMatchObject({ outcome: DecisionOutcome.DECISION_OUTCOME_REJECTED, votesFor: 2, boardSize: 4, majority: 3 });
  });

  it('lets a co-manager vote once', async () => {
    const { project, coordinator, managers } = await boardOf(1);
    const decision = await world.client.proposeDecision(
      { projectId: project.id, title: 'Paint the shed', description: '', deadline: inSeconds(60) },
      as(coordinator),
    );
    await vote(project.id, decision.id, managers[0]!, Vote.VOTE_AGAINST);
    expect(await refusalOf(vote(project.id, decision.id, managers[0]!, Vote.VOTE_FOR))).toMatchObject({
      kind: 'conflict',
      code: 'already_voted',
    });
    const [seen] = (await world.client.listDecisions({ projectId: project.id }, as(coordinator))).decisions;
    expect(seen).toMatchObject({ votesFor: 0, votesAgainst: 1 });
  });

  it('does not let a contributor or an outsider vote or propose', async () => {
    const { project, coordinator, contributor } = await boardOf(0);
    const decision = await world.client.proposeDecision(
      { projectId: project.id, title: 'Move the beehives', description: '', deadline: inSeconds(60) },
      as(coordinator),
    );
    expect(await refusalOf(vote(project.id, decision.id, contributor, Vote.VOTE_FOR))).toMatchObject({
      kind: 'forbidden',
      code: 'not_a_co_manager',
    });
    const outsider = await person(world.identityClient, territories.marseille);
    expect((await refusalOf(vote(project.id, decision.id, outsider, Vote.VOTE_FOR))).kind).toBe('forbidden');
    expect(
      (
        await refusalOf(
          world.client.proposeDecision({ projectId: project.id, title: 'x', description: '', deadline: inSeconds(60) }, as(contributor)),
        )
      ).kind,
    ).toBe('forbidden');
    const [seen] = (await world.client.listDecisions({ projectId: project.id }, as(contributor))).decisions;
    expect(seen).toMatchObject({ votesFor: 0, votes: [] });
  });

  it('takes no vote after the deadline', async () => {
    const { project, coordinator } = await boardOf(0);
    const decision = await world.client.proposeDecision(
      { projectId: project.id, title: 'Quick one', description: '', deadline: inSeconds(1) },
      as(coordinator),
    );
    await sleep(1100);
    expect((await refusalOf(vote(project.id, decision.id, coordinator, Vote.VOTE_FOR))).code).toBe('decision_closed');
  });
});

describe('feedback', () => {
  it('takes a rating and comment from contributors and beneficiaries, visible to the board only', async () => {
    const { project, coordinator, managers, contributor } = await boardOf(1);
    const neighbour = await person(world.identityClient, territories.marseille);
    expect(await world.client.leaveFeedback({ projectId: project.id, rating: 4, comment: 'Good tomatoes' }, as(contributor))).toMatchObject(
      { role: FeedbackRole.FEEDBACK_ROLE_CONTRIBUTOR, rating: 4 },
    );
    expect((await world.client.leaveFeedback({ projectId: project.id, rating: 5, comment: 'Lovely garden' }, as(neighbour))).role).toBe(
      FeedbackRole.FEEDBACK_ROLE_BENEFICIARY,
    );
    // leaving it again replaces it
    await world.client.leaveFeedback({ projectId: project.id, rating: 3, comment: 'Too few benches' }, as(neighbour));
    const seen = await world.client.listFeedback({ projectId: project.id }, as(managers[0]!));
    expect({ count: seen.ratingCount, sum: seen.ratingSum }).toEqual({ count: 2, sum: 7 });
    expect((await refusalOf(world.client.listFeedback({ projectId: project.id }, as(contributor)))).kind).toBe('forbidden');
    expect((await refusalOf(world.client.leaveFeedback({ projectId: project.id, rating: 5, comment: '' }, as(coordinator)))).code).toBe(
      'board_cannot_rate',
    );
  });
});
