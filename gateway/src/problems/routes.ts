// Where each problem `type` URI leads: /v1/problems/<code> describes the problem type (status,
// meaning, what to do, in English and French), as an HTML page when a browser asks, JSON otherwise;
// /v1/problems lists them all.
import type { Request } from 'express';
import { z } from 'zod';
import { Refused } from '@e21/kit';
import { defineRoute } from '../http/route.js';
import { clientString, emptyQuery } from '../routes/common.js';
import { PROBLEM_TYPES, problemType, type Language, type ProblemType } from './catalog.js';

const Text = z.object({ title: z.string(), meaning: z.string(), action: z.string().describe('what to do') });
const ProblemTypeOut = z.object({
  code: z.string(),
  type: z.string().describe('the URI problem+json answers carry in `type`'),
  status: z.number().int().describe('the HTTP status it comes with (the first, when several)'),
  statuses: z.array(z.number().int()),
  en: Text,
  fr: Text,
});

const out = (problem: ProblemType) => ({
  code: problem.code,
  type: problem.type,
  status: problem.statuses[0]!,
  statuses: problem.statuses,
  en: problem.en,
  fr: problem.fr,
});

const wantsHtml = (req: Request) => req.accepts(['json', 'html']) === 'html';

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const LABELS: Record<Language, { status: string; meaning: string; action: string; all: string; heading: string; intro: string }> = {
  en: {
    status: 'HTTP status',
    meaning: 'What it means',
    action: 'What to do',
    all: 'All problem types',
    heading: 'Problem types of the Engagement 21 API',
    intro: 'Every error of the API is application/problem+json whose type is one of these pages.',
  },
  fr: {
    status: 'Statut HTTP',
    meaning: 'Ce que cela signifie',
    action: 'Que faire',
    all: 'Tous les types de problème',
    heading: 'Types de problème de l’API Engagement 21',
    intro: 'Chaque erreur de l’API est en application/problem+json, de type l’une de ces pages.',
  },
};

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:48rem;margin:auto;padding:1rem;color:#1d2a1f}code{background:#f4f6f4;padding:0 .2rem}dt{font-weight:700;margin-top:.5rem}section{border-top:1px solid #ccc;margin-top:1rem}';

function document(language: Language, title: string, body: string): string {
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** One problem type, in the reader's language first and then in the other. */
function problemPage(problem: ProblemType, language: Language): string {
  const order: Language[] = language === 'fr' ? ['fr', 'en'] : ['en', 'fr'];
  const sections = order
    .map((lang) => {
      const text = problem[lang];
      const labels = LABELS[lang];
      return `<section lang="${lang}"><h2>${escape(text.title)}</h2><dl><dt>${labels.status}</dt><dd>${problem.statuses.join(', ')}</dd><dt>${labels.meaning}</dt><dd>${escape(text.meaning)}</dd><dt>${labels.action}</dt><dd>${escape(text.action)}</dd></dl></section>`;
    })
    .join('');
  return document(
    language,
    problem[language].title,
    `<h1><code>${escape(problem.code)}</code></h1>${sections}<p><a href="/v1/problems">${LABELS[language].all}</a></p>`,
  );
}

function listPage(language: Language): string {
  const labels = LABELS[language];
  const rows = [...PROBLEM_TYPES.values()]
    .map(
      (problem) =>
        `<li><a href="${escape(problem.type)}"><code>${escape(problem.code)}</code></a> (${problem.statuses.join(', ')}): ${escape(problem[language].title)}</li>`,
    )
    .join('');
  return document(language, labels.heading, `<h1>${labels.heading}</h1><p>${labels.intro}</p><ul>${rows}</ul>`);
}

const html = (data: string) => ({ file: { contentType: 'text/html; charset=utf-8', data } });

export function problemRoutes() {
  return [
    defineRoute({
      method: 'get',
      path: '/v1/problems',
      summary: 'Every problem type the API answers with: its status, what it means and what to do (HTML for a browser, JSON otherwise)',
      tag: 'problems',
      access: 'public',
      query: emptyQuery,
      response: { status: 200, schema: z.object({ items: z.array(ProblemTypeOut) }), description: 'The problem types, by code' },
      async handler({ req, language }) {
        if (wantsHtml(req)) return html(listPage(language));
        return { body: { items: [...PROBLEM_TYPES.values()].map(out) } };
      },
    }),

    defineRoute({
      method: 'get',
      path: '/v1/problems/:code',
      summary: 'One problem type: where the `type` of a problem+json answer leads',
      tag: 'problems',
      access: 'public',
      refusals: ['not_found'],
      params: z.object({ code: clientString().max(100) }).strict(),
      query: emptyQuery,
      response: { status: 200, schema: ProblemTypeOut, description: 'The problem type' },
      async handler({ req, params, language }) {
        const problem = problemType(params.code);
        if (!problem) throw new Refused('not_found', 'not_found', `No problem type ${params.code}: GET /v1/problems lists them`);
        if (wantsHtml(req)) return html(problemPage(problem, language));
        return { body: out(problem) };
      },
    }),
  ];
}
