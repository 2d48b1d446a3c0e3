// One project: what it is and where it stands, its needs (filled and open hours), its team, the
// requests to join, the board's decisions, feedback and history; each part with what the person may
// do, as a component of its own.
import { html } from 'lit-html';
import { t, type MessageKey } from '../../i18n';
import type { Params } from '../../i18n/format';
import type { Page, PageFactory } from '../../router';
import { getTerritory } from '../../services/identity';
import {
  getProject,
  listChallenges,
  listDecisions,
  listFeedback,
  listJoinRequests,
  listMembers,
  type Decision,
  type Feedback,
  type JoinRequest,
  type Member,
  type Project,
} from '../../services/programs';
import type { Update } from '../../ui/component';
import { statusLine, type StatusLine } from '../../ui/feedback';
import { focusLater } from '../../ui/focus';
import { resource } from '../../ui/resource';
import { projectDecisions } from './project-decisions';
import { projectFeedback } from './project-feedback';
import { projectMoves } from './project-moves';
import { details, history, needs } from './project-record';
import { joinRequest, projectTeam } from './project-team';
import { isBoard } from './shared';

export interface ProjectView {
  project: Project;
  territoryName: string;
  challengeTitles: Map<string, string>;
  members: Member[];
  decisions: Decision[];
  /** The board's reading only. */
  requests: JoinRequest[] | null;
  feedback: { items: Feedback[]; ratingCount: number; ratingSum: number } | null;
}

/** What the project page gives its components. */
export interface ProjectContext {
  update: Update;
  status: StatusLine;
  /** After a change: reads the whole project again (filled hours, team and votes move together) and says what changed. */
  changed(key: MessageKey, params?: Params): Promise<void>;
}

export const projectPage: PageFactory = ({ params, update }) => {
  const projectId = params.id ?? '';
  const view = resource(read, update);
  const status = statusLine();
  const context: ProjectContext = {
    update,
    status,
    async changed(key, params) {
      await view.reload();
      status.say(key, params);
      focusLater('#project-status');
    },
  };
  const moves = projectMoves(context);
  const join = joinRequest(context);
  const team = projectTeam(context);
  const decisions = projectDecisions(context);
  const feedback = projectFeedback(context);

  async function read(): Promise<ProjectView> {
    const project = await getProject(projectId);
    const board = isBoard(project);
    const [territory, challenges, members, decisions, requests, ratings] = await Promise.all([
      getTerritory(project.territoryId).then(
        (x) => x.name,
        () => project.territoryId,
      ),
      listChallenges(project.territoryId).then(
        (r) => r.items,
        () => [],
      ),
      listMembers(projectId),
      listDecisions(projectId),
      board ? listJoinRequests(projectId) : Promise.resolve(null),
      board ? listFeedback(projectId) : Promise.resolve(null),
    ]);
    return {
      project,
      territoryName: territory,
      challengeTitles: new Map(challenges.map((c) => [c.id, c.title])),
      members: members.items,
      decisions: decisions.items,
      requests: requests?.items ?? null,
      feedback: ratings,
    };
  }

  const page: Page = {
    title: () => view.data?.project.title ?? t('project.title'),
    load: (signal) => view.load(signal),
    view: () =>
      view.view(
        (v) => html`
          <p><a href="/projects">${t('project.back')}</a></p>
          <div id="project-status" tabindex="-1">${status.view()}</div>
          ${details(v.project, v.territoryName, v.challengeTitles)} ${moves.view(v.project)} ${needs(v.project, join.view(v.project))}
          ${team.view(v)} ${decisions.view(v)} ${feedback.view(v)} ${history(v.project)}
        `,
      ),
  };
  return page;
};
