// The catalog documents every code a refusal can carry: the sources of the services, the kit and the
// gateway are scanned for refusals, and each code found must have its entry, with the same kind.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { httpStatusOfKind, type RefusalKind } from '@e21/kit';
import { PROBLEM_TYPES } from './catalog.js';
import { contractsProblems } from './contracts.js';
import { currencyProblems } from './currency.js';
import { gatewayProblems } from './gateway.js';
import { identityProblems } from './identity.js';
import { payrollProblems } from './payroll.js';
import { programsProblems } from './programs.js';
import { timesheetsProblems } from './timesheets.js';

interface Found {
  code: string;
  kind: RefusalKind | undefined;
  where: string;
}

const ARG = String.raw`(?:'[^']*'|\x60[^\x60]*\x60|"[^"]*"|[\w.?!]+)`;

/** Every refusal code written in a source file, with its kind when the call says it. */
function refusalsIn(file: string, source: string): Found[] {
  const found: Found[] = [];
  const add = (code: string, kind: string | undefined) => found.push({ code, kind: kind as RefusalKind | undefined, where: file });
  // refusal('conflict', 'code', ...), new Refused('invalid', 'code', ...)
  for (const m of source.matchAll(/(?:refusal|new Refused)\(\s*'(\w+)',\s*'(\w+)'/g)) add(m[2]!, m[1]);
  // The kit's notFound('project', id) -> project_not_found, unknownReference(field, 'skill', id) -> unknown_skill
  for (const m of source.matchAll(/\bnotFound\(\s*'(\w+)'/g)) add(`${m[1]}_not_found`, 'not_found');
  for (const m of source.matchAll(new RegExp(String.raw`\bunknownReference\(\s*${ARG},\s*'(\w+)'`, 'g'))) add(`unknown_${m[1]}`, 'invalid');
  // invalid(field, message[, code]), validation_failed without a code
  for (const m of source.matchAll(new RegExp(String.raw`\binvalid\(\s*${ARG},\s*${ARG}(?:,\s*'(\w+)')?\s*\)`, 'g')))
    add(m[1] ?? 'validation_failed', 'invalid');
  // A local helper that takes the code: const conflict = (code: string, ...) => refusal('conflict', code, ...)
  for (const helper of source.matchAll(
    /(?:const|function)\s+(\w+)\s*=?\s*\((\w+): string[^)]*\)[^{=]*(?:=>|\{[^}]*?return)\s*(?:refusal|new Refused)\(\s*'(\w+)',\s*\2\b/g,
  )) {
    for (const m of source.matchAll(new RegExp(String.raw`\b${helper[1]}\(\s*'(\w+)'`, 'g'))) add(m[1]!, helper[3]);
  }
  // The gateway's own answers: sendProblem(res, { code: 'not_found', ... })
  for (const m of source.matchAll(/\bcode: '(\w+)', status: (\d+)/g)) add(m[1]!, undefined);
  return found;
}

const root = fileURLToPath(new URL('../../..', import.meta.url));
const sources = execSync("git ls-files 'services/*/src/**.ts' 'packages/kit/src/**.ts' 'gateway/src/**.ts'", {
  encoding: 'utf8',
  cwd: root,
})
  .trim()
  .split('\n')
  .filter((file) => !file.endsWith('.test.ts') && !file.includes('/problems/'));
const refusals = sources.flatMap((file) => refusalsIn(file, readFileSync(`${root}/${file}`, 'utf8')));

describe('the catalog of problem types', () => {
  it('finds the refusals of the sources (the scan itself works)', () => {
    const codes = new Set(refusals.map((r) => r.code));
    for (const code of [
      'stale_version',
      'needs_in_use',
      'over_12_hours_a_day',
      'project_not_found',
      'unknown_skill',
      'invalid_id',
      'control_characters',
      'payload_too_large',
    ])
      expect(codes).toContain(code);
    expect(codes.size).toBeGreaterThan(150);
  });

  it('documents every code a service, the kit or the gateway refuses with: add the missing ones to gateway/src/problems/<area>.ts', () => {
    const missing = [
      ...new Set(refusals.filter((r) => !PROBLEM_TYPES.has(r.code)).map((r) => `${r.code} (${r.kind ?? 'status'}, ${r.where})`)),
    ];
    expect(missing).toEqual([]);
  });

  it('gives each code the kind (so the status) its refusals are sent with', () => {
    const wrong = refusals
      .filter((r) => r.kind && !PROBLEM_TYPES.get(r.code)?.kinds.includes(r.kind))
      .map((r) => `${r.code}: ${r.kind} in ${r.where}`);
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('documents each code once, in one area', () => {
    const areas = [
      gatewayProblems,
      identityProblems,
      programsProblems,
      contractsProblems,
      timesheetsProblems,
      currencyProblems,
      payrollProblems,
    ];
    const codes = areas.flatMap((area) => Object.keys(area));
    expect(codes.filter((code, index) => codes.indexOf(code) !== index)).toEqual([]);
  });

  it('has, for every code, its status, and a title, meaning and what to do in English and French', () => {
    for (const problem of PROBLEM_TYPES.values()) {
      expect(problem.statuses.length).toBeGreaterThan(0);
      expect(problem.type).toBe(`/v1/problems/${problem.code}`);
      for (const text of [problem.en, problem.fr]) {
        expect(text.title.length).toBeGreaterThan(3);
        expect(text.meaning.length).toBeGreaterThan(10);
        expect(text.action.length).toBeGreaterThan(10);
      }
    }
  });

  it('covers every refusal kind as a code of its own, as services send them when a refusal carries no code', () => {
    for (const kind of Object.keys(httpStatusOfKind).filter((k) => k !== 'unavailable')) expect(PROBLEM_TYPES.has(kind)).toBe(true);
    expect(PROBLEM_TYPES.get('service_unavailable')?.statuses).toEqual([503]);
  });
});
