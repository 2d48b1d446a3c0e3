// The catalog of problem types: every `type` a problem+json answer can carry (/v1/problems/<code>),
// with its status, what it means and what to do, in English and French. The codes are the kit's
// refusal kinds, the gateway's own, and every refusal code the services' rules return;
// problems/catalog.test.ts scans the sources so that a new code cannot go undocumented.
import { httpStatusOfKind, type RefusalKind } from '@e21/kit';
import { contractsProblems } from './contracts.js';
import { currencyProblems } from './currency.js';
import { gatewayProblems } from './gateway.js';
import { identityProblems } from './identity.js';
import { payrollProblems } from './payroll.js';
import { programsProblems } from './programs.js';
import { timesheetsProblems } from './timesheets.js';

export type Language = 'en' | 'fr';

/** Title, meaning and what to do; "what to do" defaults to the one of the kind. */
export type ProblemText = [title: string, meaning: string, action?: string];

export interface ProblemEntry {
  /** The refusal kind(s) the code is sent with: each decides an HTTP status. */
  kind?: RefusalKind | RefusalKind[];
  /** For the gateway's own answers that no refusal kind stands for (413, 415, 500). */
  status?: number;
  en: ProblemText;
  fr: ProblemText;
}

export interface ProblemType {
  code: string;
  /** Where it resolves: /v1/problems/<code>. */
  type: string;
  kinds: RefusalKind[];
  statuses: number[];
  en: { title: string; meaning: string; action: string };
  fr: { title: string; meaning: string; action: string };
}

export const PROBLEM_BASE = '/v1/problems/';

/** What to do about a refusal of each kind, unless its entry says something more precise. */
const KIND_ACTIONS: Record<RefusalKind, Record<Language, string>> = {
  invalid: {
    en: 'Correct what the problem names (its `errors` list each field) and send the request again.',
    fr: 'Corrigez ce que le problème nomme (sa liste `errors` donne chaque champ) et renvoyez la requête.',
  },
  unauthenticated: {
    en: 'Sign in, or send a valid bearer token, and try again.',
    fr: 'Connectez-vous, ou envoyez un jeton d’accès valide, et réessayez.',
  },
  forbidden: {
    en: 'Act on what is yours, or ask someone who holds the role this needs (an officer, an HR manager, the project’s board).',
    fr: 'Agissez sur ce qui vous revient, ou demandez à une personne qui a le rôle requis (agent, responsable RH, bureau du projet).',
  },
  not_found: {
    en: 'Check the id. Something you may not see is answered the same way as something that does not exist.',
    fr: 'Vérifiez l’identifiant. Ce que vous n’avez pas le droit de voir reçoit la même réponse que ce qui n’existe pas.',
  },
  conflict: {
    en: 'Read the resource again: its current state says what can be done now.',
    fr: 'Relisez la ressource : son état actuel dit ce qui est possible maintenant.',
  },
  already_exists: {
    en: 'Use the one that exists, or change what must be unique.',
    fr: 'Utilisez celui qui existe, ou changez ce qui doit être unique.',
  },
  stale: {
    en: 'Read the resource again, take its new ETag, check the other change, and redo yours with that ETag in If-Match.',
    fr: 'Relisez la ressource, prenez son nouvel ETag, vérifiez l’autre modification et refaites la vôtre avec cet ETag dans If-Match.',
  },
  rate_limited: { en: 'Wait a minute, then try again more slowly.', fr: 'Attendez une minute, puis réessayez plus lentement.' },
  unavailable: {
    en: 'Try again shortly. If it lasts, tell the platform’s operators, quoting the request id.',
    fr: 'Réessayez dans un instant. Si cela dure, prévenez les exploitants de la plateforme en citant l’identifiant de la requête.',
  },
};

function build(code: string, entry: ProblemEntry): ProblemType {
  const kinds = entry.kind === undefined ? [] : Array.isArray(entry.kind) ? entry.kind : [entry.kind];
  const statuses = entry.status !== undefined ? [entry.status] : [...new Set(kinds.map((kind) => httpStatusOfKind[kind]))];
  const text = (language: Language) => {
    const [title, meaning, action] = entry[language];
    return { title, meaning, action: action ?? (kinds[0] ? KIND_ACTIONS[kinds[0]][language] : KIND_ACTIONS.unavailable[language]) };
  };
  return { code, type: `${PROBLEM_BASE}${code}`, kinds, statuses, en: text('en'), fr: text('fr') };
}

const areas: Record<string, ProblemEntry>[] = [
  gatewayProblems,
  identityProblems,
  programsProblems,
  contractsProblems,
  timesheetsProblems,
  currencyProblems,
  payrollProblems,
];

/** Every problem type by code. A code shared by several services is documented once. */
export const PROBLEM_TYPES: ReadonlyMap<string, ProblemType> = new Map(
  areas
    .flatMap((area) => Object.entries(area))
    .map(([code, entry]) => [code, build(code, entry)] as const)
    .sort(([a], [b]) => a.localeCompare(b)),
);

export const problemType = (code: string): ProblemType | undefined => PROBLEM_TYPES.get(code);
