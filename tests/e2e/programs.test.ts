// The programs story on the local stack, through headless Chromium as the people would live it: an
// inhabitant proposes a project, an officer approves it, another inhabitant asks to join and is
// accepted, and the project's board takes a decision.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage, type Language } from '../support/browser.js';
import { freeStackPorts, startLocalStack, type LocalStack } from '@e21/deploy';
import { testSecrets } from '@e21/devinfra';

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'e21-e2e-programs-'));
  stack = await startLocalStack({ dataDir, demo: true, logLevel: 'warn', ports: await freeStackPorts(), platformSecrets: testSecrets() });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

const signedIn = (email: string, language: Language) => signedInPage(browser, stack, email, language);

const TITLE = 'Bike repair for students';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function statusSays(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole('status').filter({ hasText: text }).first().waitFor();
}

it('takes a project from proposal to a board decision', async () => {
  // Léa, a student in Aubagne, proposes a project.
  const lea = await signedIn('lea@demo.e21.eu', 'en');
  await lea.getByRole('link', { name: 'Projects', exact: true }).click();
  await lea.getByRole('link', { name: 'Propose a project' }).click();
  await lea.getByLabel('Title').fill(TITLE);
  await lea.getByLabel('Description').fill('Fix the bikes given to students, every Saturday morning.');
  await lea.getByLabel('Territory').selectOption({ label: "Aubagne › Bouches-du-Rhône › Provence-Alpes-Côte d'Azur › France" });
  await lea.getByLabel('Start date').fill(day(1));
  await lea.getByLabel('End date').fill(day(90));
  await lea.getByLabel('Search a competence').fill('bicycle repair');
  await lea.getByLabel('Competence needed').locator('option', { hasText: 'bicycle repair' }).first().waitFor({ state: 'attached' });
  await lea.getByLabel('Competence needed').selectOption({ label: 'bicycle repair' });
  await lea.getByLabel('Hours').fill('40');
  await lea.getByRole('button', { name: 'Save as draft' }).click();
  await lea.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  const projectUrl = lea.url();
  await lea.getByRole('button', { name: 'Propose for approval' }).click();
  await statusSays(lea, 'The project is now Proposed.');

  // Nadia, officer of Aubagne (her interface is in French), finds it in her queue and approves it.
  const nadia = await signedIn('nadia@demo.e21.eu', 'fr');
  await nadia.goto(`${stack.url}/approvals`);
  await nadia.getByRole('link', { name: TITLE }).click();
  await nadia.getByRole('button', { name: 'Approuver' }).click();
  await statusSays(nadia, 'Le projet est désormais : Approuvé.');

  // Lucas, an inhabitant of Marseille, offers ten hours of bicycle repair.
  const lucas = await signedIn('lucas@demo.e21.eu', 'en');
  await lucas.goto(projectUrl);
  await lucas.getByLabel('Hours you offer').fill('10');
  await lucas.getByLabel('Message to the board (optional)').fill('I fix my own bike every week.');
  await lucas.getByRole('button', { name: 'Ask to join' }).click();
  await statusSays(lucas, 'Your request was sent to the board.');

  // Léa accepts him, makes him co-manager, and puts a decision to the board.
  await lea.reload();
  await lea.getByRole('button', { name: 'Accept Lucas Martin' }).click();
  await statusSays(lea, 'Lucas Martin joined the team.');
  await lea.getByRole('button', { name: 'Make co-manager Lucas Martin' }).click();
  await statusSays(lea, 'The role of Lucas Martin was changed.');
  const deadline = new Date(Date.now() + 30_000);
  await lea.getByLabel('Decision', { exact: true }).fill('Buy a second repair stand');
  await lea.getByLabel('Votes close on').fill(deadline.toISOString().slice(0, 19));
  await lea.getByRole('button', { name: 'Put to the vote' }).click();
  await statusSays(lea, 'The decision was put to the board.');
  await lea.getByRole('group', { name: 'Your vote on Buy a second repair stand' }).getByRole('button', { name: 'For' }).click();
  await statusSays(lea, 'Your vote was counted.');

  // Lucas, now on the board, votes too.
  await lucas.reload();
  await lucas.getByRole('group', { name: 'Your vote on Buy a second repair stand' }).getByRole('button', { name: 'For' }).click();
  await statusSays(lucas, 'Your vote was counted.');

  // Once the deadline passes, the decision shows its outcome: two co-managers of two voted for it.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline.getTime() - Date.now() + 500)));
  await lea.reload();
  const decision = lea.locator('[data-decision]').filter({ hasText: 'Buy a second repair stand' });
  await decision.getByText('Adopted', { exact: true }).waitFor();
  await decision.getByText('2 for, 0 against, 0 abstaining — 2 co-managers, 2 needed.').waitFor();

  // What the pages showed is what the API holds.
  const projectId = projectUrl.split('/').pop()!;
  const stored = await lea.evaluate(async (id) => {
    const read = async <T>(path: string): Promise<T> => (await fetch(path)).json() as Promise<T>;
    const project = await read<{ status: string; filledMinutes: number; history: { to: string }[] }>(`/v1/projects/${id}`);
    const members = await read<{ items: { personName: string; role: string }[] }>(`/v1/projects/${id}/members`);
    return {
      status: project.status,
      history: project.history.map((h) => h.to),
      filled: project.filledMinutes,
      team: members.items.map((m) => `${m.personName}: ${m.role}`),
    };
  }, projectId);
  expect(stored).toEqual({
    status: 'approved',
    history: ['proposed', 'approved'],
    filled: 600,
    team: ['Léa Fontaine: coordinator', 'Lucas Martin: co_manager'],
  });
  for (const page of [lea, nadia, lucas]) await page.close();
}, 180_000);
