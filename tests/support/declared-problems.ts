// Runs with every integration test file: records each problem a gateway route answers during the
// file's tests and fails the file if one is not declared in that route's OpenAPI responses
// (gateway/src/http/refusals.ts). The authorization and bad-input tables, and every other gateway
// test, so keep each route's list of refusals true.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/** The gateway's channel (PROBLEM_CHANNEL in gateway/src/http/refusals.ts). */
const CHANNEL = 'e21.gateway.problem';

interface AnsweredProblem {
  method: string;
  path: string;
  status: number;
  code: string;
  declared: boolean;
}

const undeclared = new Set<string>();
const record = (message: unknown) => {
  const problem = message as AnsweredProblem;
  if (!problem.declared) {
    undeclared.add(
      `${problem.method} ${problem.path} answered ${problem.status} /v1/problems/${problem.code}: add '${problem.code}' to the route's refusals (or its catalog entry's kind)`,
    );
  }
};

beforeAll(() => subscribe(CHANNEL, record));

afterAll(() => {
  unsubscribe(CHANNEL, record);
  expect([...undeclared].sort()).toEqual([]);
});
