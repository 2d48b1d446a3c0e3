// The whole local stack as npm start runs it, used through headless Chromium as a person would.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signInOn, type Language } from '../support/browser.js';
import { freeStackPorts, startLocalStack, type LocalStack } from '@e21/deploy';
import { testSecrets } from '@e21/devinfra';

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'e21-e2e-'));
  stack = await startLocalStack({
    platformSecrets: testSecrets(),
    dataDir,
    demo: true,
    logLevel: 'warn',
    ports: await freeStackPorts(),
  });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

/** Signs in from the home page, in the browser's language (the login page follows it). */
const signIn = (page: Page, email: string, language: Language = 'en') => signInOn(page, stack, email, language);

it('signs a demo inhabitant in on the login page and shows their profile up to the EU', async () => {
  const page = await browser.newPage({ locale: 'en-GB' });
  await signIn(page, 'lucas@demo.e21.eu');
  const main = page.getByRole('main');
  await main.getByRole('heading', { name: 'Your profile' }).waitFor();
  await main.getByText('Lucas Martin').first().waitFor();
  await main.getByText('Employee', { exact: true }).waitFor();
  for (const territory of ['Marseille', 'Bouches-du-Rhône', "Provence-Alpes-Côte d'Azur", 'France', 'European Union']) {
    await main.getByText(territory, { exact: true }).first().waitFor();
  }
  await main.getByText('Calanques Solaire SARL').waitFor();
  await page.close();
});

it('edits the profile and keeps the change after a reload', async () => {
  const page = await browser.newPage({ locale: 'en-GB' });
  await signIn(page, 'lea@demo.e21.eu');
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Name').fill('Léa Fontaine-Vidal');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Profile saved').waitFor();
  await page.reload();
  await page.getByRole('main').getByText('Léa Fontaine-Vidal').first().waitFor();
  await page.close();
});

it('adds a competence found by searching, in French', async () => {
  const page = await browser.newPage({ locale: 'fr-FR' });
  await signIn(page, 'yanis@demo.e21.eu', 'fr');
  await page.goto(`${stack.url}/competences`);
  await page.getByLabel('Rechercher des compétences').fill('premiers secours');
  await page.getByRole('radio', { name: /^premiers secours \(/ }).check();
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await page.getByRole('button', { name: 'Retirer premiers secours', exact: true }).waitFor();
  const response = (await page.evaluate(async () => (await fetch('/v1/me/competences')).json())) as { items: { skillId: string }[] };
  expect(response.items.map((c) => c.skillId)).toContain('urn:e21:skill:first-aid');
  await page.close();
});

it('signs out', async () => {
  const page = await browser.newPage({ locale: 'fr-FR' });
  await signIn(page, 'jeanne@demo.e21.eu', 'fr');
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByRole('link', { name: 'Se connecter' }).waitFor();
  expect(await page.evaluate(async () => (await fetch('/v1/me')).status)).toBe(401);
  await page.close();
});

it('will not show the login page inside a frame of another site', async () => {
  const page = await browser.newPage({ locale: 'en-GB' });
  await page.goto(`${stack.url}/auth/login`);
  await page.getByLabel('Password').waitFor();
  const loginPage = page.url();
  // A page of no origin of ours frames it, as a clickjacking site would (its load waits for the frame's).
  await page.setContent(`<iframe src="${loginPage}" title="framed"></iframe>`, { waitUntil: 'load' });
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
  // Chromium refuses it (frame-ancestors 'none'): the frame shows its own error page, not the form.
  expect(frame.url()).not.toBe(loginPage);
  expect(await page.frameLocator('iframe').getByLabel('Password').count()).toBe(0);
  await page.close();
});

it('reports identity down while it is, and serves again once it restarts; a second replica shares the work', async () => {
  await stack.kill('identity');
  const down = await fetch(`${stack.url}/readyz`);
  expect(down.status).toBe(503);
  expect(((await down.json()) as { checks: Record<string, boolean> }).checks.identity).toBe(false);
  await stack.restart('identity');
  await stack.startReplica('identity', 2);
  expect((await fetch(`${stack.url}/readyz`)).status).toBe(200);
  const page = await browser.newPage({ locale: 'en-GB' });
  await signIn(page, 'lucas@demo.e21.eu');
  await page.getByRole('main').getByText('Calanques Solaire SARL').waitFor();
  await page.close();
}, 120_000);
