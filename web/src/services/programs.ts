// Typed calls to the gateway's programs endpoints: challenges, projects, teams, boards, local programs.
// Hours travel as minutes; pages show hours.
import { api, idempotent, ifMatch } from '../api';
import type { Items, Page } from './identity';

export const PROJECT_KINDS = ['general_interest', 'individual_initiative', 'international_solidarity'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export const PROJECT_STATUSES = ['draft', 'proposed', 'approved', 'refused', 'active', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export type TeamRole = 'coordinator' | 'co_manager' | 'contributor';
export type Vote = 'for' | 'against' | 'abstain';
export const VOTES: readonly Vote[] = ['for', 'against', 'abstain'];
export type Outcome = 'open' | 'adopted' | 'rejected';

export interface Sdg {
  number: number;
  label: string;
}

export interface Challenge {
  id: string;
  territoryId: string;
  territoryName: string | null;
  title: string;
  description: string;
  sdgs: number[];
  refinesId: string | null;
  version: number;
}

export interface Need {
  id: string;
  skillId: string;
  skillLabel: string;
  neededMinutes: number;
  filledMinutes: number;
  openMinutes: number;
  startDate: string | null;
  endDate: string | null;
}

export interface StatusChange {
  from: ProjectStatus;
  to: ProjectStatus;
  by: string;
  at: string;
  reason: string | null;
}

export interface Viewer {
  role: TeamRole | null;
  mayEdit: boolean;
  mayApprove: boolean;
  pendingRequestId: string | null;
  mayLeaveFeedback: boolean;
}

export interface Project {
  id: string;
  territoryId: string;
  title: string;
  description: string;
  kind: ProjectKind;
  status: ProjectStatus;
  coordinatorId: string;
  coordinatorName: string | null;
  startDate: string;
  endDate: string;
  challengeIds: string[];
  needs: Need[];
  neededMinutes: number;
  filledMinutes: number;
  refusalReason: string | null;
  version: number;
  createdAt: string;
  history: StatusChange[];
  viewer: Viewer | null;
}

export interface NeedInput {
  id?: string;
  skillId: string;
  neededMinutes: number;
  startDate?: string | null;
  endDate?: string | null;
}

export interface ProjectInput {
  territoryId: string;
  title: string;
  description: string;
  kind: ProjectKind;
  challengeIds: string[];
  startDate: string;
  endDate: string;
  needs: NeedInput[];
}

export interface Member {
  personId: string;
  personName: string;
  role: TeamRole;
  needId: string | null;
  minutes: number;
  since: string;
  competenceLevel: number | null;
}

export interface JoinRequest {
  id: string;
  personId: string;
  personName: string;
  needId: string | null;
  minutes: number;
  message: string;
  status: 'pending' | 'accepted' | 'declined';
  createdAt: string;
  competenceLevel: number | null;
}

export interface Decision {
  id: string;
  title: string;
  description: string;
  deadline: string;
  outcome: Outcome;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  boardSize: number;
  majority: number;
  myVote: Vote | null;
  votes: { personId: string; personName: string; vote: Vote }[];
}

export interface Feedback {
  personId: string;
  personName: string;
  role: 'contributor' | 'beneficiary';
  rating: number;
  comment: string;
  updatedAt: string;
}

export interface Suggestion {
  project: Project;
  need: Need;
  score: number;
  reasons: { code: string; points: number; params: Record<string, string> }[];
}

export interface LocalProgram {
  id: string;
  territoryId: string;
  territoryName: string | null;
  year: number;
  status: 'draft';
  version: number;
  neededMinutes: number;
  totals: { challengeId: string | null; challengeTitle: string | null; neededMinutes: number; projectCount: number }[];
  projects: Project[];
  draftedAt: string;
}

export interface ProjectFilter {
  territoryId?: string;
  skillId?: string;
  challengeId?: string;
  kind?: ProjectKind | '';
  status?: ProjectStatus | '';
  q?: string;
  cursor?: string | null;
}

const id = encodeURIComponent;
const project = (projectId: string) => `/v1/projects/${id(projectId)}`;

export const listSdgs = () => api.get<Items<Sdg>>('/v1/sdgs');
export const listChallenges = (territoryId: string) => api.get<Items<Challenge>>('/v1/challenges', { query: { territoryId } });
export const defineChallenge = (body: {
  territoryId: string;
  title: string;
  description: string;
  sdgs: number[];
  refinesId: string | null;
}) => api.post<Challenge>('/v1/challenges', body);

export const searchProjects = (filter: ProjectFilter) => api.get<Page<Project>>('/v1/projects', { query: { ...filter, limit: 20 } });
export const getProject = (projectId: string) => api.get<Project>(project(projectId));
export const createProject = (body: ProjectInput) => api.post<Project>('/v1/projects', body);
export const updateProject = (projectId: string, v: number, body: ProjectInput) => api.put<Project>(project(projectId), body, ifMatch(v));
export const changeStatus = (projectId: string, v: number, status: ProjectStatus, reason?: string) =>
  api.post<Project>(`${project(projectId)}/status`, { status, ...(reason ? { reason } : {}) }, ifMatch(v));
export const listMyProjects = () => api.get<Items<Project>>('/v1/me/projects');
export const listSuggestions = () => api.get<Items<Suggestion>>('/v1/me/project-suggestions');
export const listApprovals = (territoryId: string) => api.get<Page<Project>>('/v1/project-approvals', { query: { territoryId } });

export const listMembers = (projectId: string) => api.get<Items<Member>>(`${project(projectId)}/members`);
/** The key makes a retried click (a lost answer) count once. */
export const askToJoin = (projectId: string, body: { needId: string; minutes: number; message: string }, key: string) =>
  api.post<JoinRequest>(`${project(projectId)}/join-requests`, body, idempotent(key));
export const listJoinRequests = (projectId: string) => api.get<Items<JoinRequest>>(`${project(projectId)}/join-requests`);
export const acceptRequest = (projectId: string, requestId: string) =>
  api.post<Member>(`${project(projectId)}/join-requests/${id(requestId)}/accept`);
export const declineRequest = (projectId: string, requestId: string, reason: string) =>
  api.post<JoinRequest>(`${project(projectId)}/join-requests/${id(requestId)}/decline`, { reason });
export const setMemberRole = (projectId: string, personId: string, role: 'co_manager' | 'contributor') =>
  api.put<Member>(`${project(projectId)}/members/${id(personId)}`, { role });
export const removeMember = (projectId: string, personId: string) => api.delete(`${project(projectId)}/members/${id(personId)}`);

export const listDecisions = (projectId: string) => api.get<Items<Decision>>(`${project(projectId)}/decisions`);
export const proposeDecision = (projectId: string, body: { title: string; description: string; deadline: string }) =>
  api.post<Decision>(`${project(projectId)}/decisions`, body);
export const castVote = (projectId: string, decisionId: string, vote: Vote) =>
  api.post<Decision>(`${project(projectId)}/decisions/${id(decisionId)}/votes`, { vote });
export const listFeedback = (projectId: string) =>
  api.get<Items<Feedback> & { ratingCount: number; ratingSum: number }>(`${project(projectId)}/feedback`);
export const leaveFeedback = (projectId: string, body: { rating: number; comment: string }) =>
  api.put<Feedback>(`${project(projectId)}/my-feedback`, body);

export const listPrograms = (territoryId: string) => api.get<Items<LocalProgram>>('/v1/programs', { query: { territoryId } });
export const getProgram = (programId: string) => api.get<LocalProgram>(`/v1/programs/${id(programId)}`);
export const listProgramCandidates = (territoryId: string, year: number) =>
  api.get<Items<Project>>('/v1/program-candidates', { query: { territoryId, year } });
export const draftProgram = (body: { territoryId: string; year: number; projectIds: string[] }, v?: number) =>
  api.post<LocalProgram>('/v1/programs', body, v ? ifMatch(v) : undefined);
