// A SAR contract negotiated in the browser on the local stack: the employee proposes, the HR
// manager counter-proposes a schedule with a blackout, the employee and the office accept.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage } from '../support/browser.js';
import { freeStackPorts, startLocalStack, type LocalStack } from '@e21/deploy';
import { testSecrets } from '@e21/devinfra';

const YEAR = new Date().getUTCFullYear();

let stack: LocalStack;
let browser: Browser;

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'e21-e2e-contracts-'));
  stack = await startLocalStack({ dataDir, demo: true, logLevel: 'warn', ports: await freeStackPorts(), platformSecrets: testSecrets() });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

/** Signs a demo person in, in French (their language), and lands on their profile. */
const signIn = (email: string) => signedInPage(browser, stack, email, 'fr');

const status = (page: Page) => page.getByTestId('contract-status');

it('negotiates a contract: the employee proposes, the HR manager counters with a blackout, the employee and the office accept', async () => {
  // Karim, employee of Ville d'Aubagne, proposes 110 hours, 2 hours a week.
  const karim = await signIn('karim@demo.e21.eu');
  await karim.getByRole('navigation').getByRole('link', { name: 'Contrats' }).click();
  await karim.getByRole('link', { name: 'Proposer un contrat' }).click();
  await karim.getByLabel('Heures dans l’année').fill('110');
  await karim.getByLabel('Heures par semaine').fill('2');
  await karim.getByLabel('Commentaire', { exact: true }).fill('Deux heures par semaine pour les jardins');
  await karim.getByRole('button', { name: 'Proposer ces conditions' }).click();
  await karim.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);
  const contractUrl = karim.url();
  await status(karim).getByText('En négociation').waitFor();

  // Sophie, HR manager of Ville d'Aubagne, finds it waiting for her and protects July and August.
  const sophie = await signIn('sophie@demo.e21.eu');
  await sophie.goto(`${stack.url}/contracts`);
  const waiting = sophie.getByRole('region', { name: 'En attente de votre réponse' });
  await waiting.getByRole('link', { name: 'Karim Benali' }).click();
  await sophie.getByRole('button', { name: 'Contre-proposer' }).click();
  await sophie.getByRole('button', { name: 'Ajouter une période protégée' }).click();
  await sophie.getByLabel('Début de la période protégée 1').fill(`${YEAR}-07-01`);
  await sophie.getByLabel('Fin de la période protégée 1').fill(`${YEAR}-08-31`);
  await sophie.getByLabel('Motif de la période protégée 1').fill('Haute saison');
  await sophie.getByRole('button', { name: 'Proposer ces conditions' }).click();
  await sophie.getByText('Vos conditions sont proposées dans une nouvelle version.').waitFor();
  const versions = sophie.getByRole('table').filter({ has: sophie.getByRole('columnheader', { name: /^Version 2/ }) });
  await versions.getByRole('cell', { name: /Haute saison/ }).waitFor();

  // Karim accepts version 2; the office has not yet.
  await karim.goto(contractUrl);
  await karim.getByRole('button', { name: 'Accepter la version 2' }).click();
  await karim.getByText('Version acceptée.').waitFor();
  await status(karim).getByText('En négociation').waitFor();

  // Nadia, officer of Aubagne, accepts for the office: the contract is signed.
  const nadia = await signIn('nadia@demo.e21.eu');
  await nadia.goto(`${stack.url}/contracts`);
  await nadia.getByRole('region', { name: 'En attente de votre réponse' }).getByRole('link', { name: 'Karim Benali' }).click();
  await nadia.getByRole('button', { name: 'Accepter la version 2' }).click();
  await status(nadia).getByText('Signé').waitFor();

  // Signed on all three parties' pages, with the signed contract as a document.
  for (const page of [karim, sophie, nadia]) {
    await page.goto(contractUrl);
    await status(page).getByText('Signé').waitFor();
    await page.getByRole('link', { name: 'Version 2 en PDF' }).waitFor();
  }
  const pdf = await karim.evaluate(
    async (href) => {
      const response = await fetch(href);
      return { status: response.status, type: response.headers.get('content-type') };
    },
    `${contractUrl.replace('/contracts/', '/v1/contracts/')}/document?format=pdf`,
  );
  expect(pdf).toEqual({ status: 200, type: 'application/pdf' });
  for (const page of [karim, sophie, nadia]) await page.close();
});

it('shows the employer’s commitment with the demo contracts it allocates', async () => {
  const claire = await signIn('claire@demo.e21.eu');
  await claire.getByRole('navigation').getByRole('link', { name: 'Engagements' }).click();
  const perEmployee = claire.getByRole('region', { name: 'Par salarié·e' });
  await perEmployee.getByRole('link', { name: 'Amina Haddad' }).waitFor();
  await claire.getByText('Engagées').waitFor();
  await claire.getByText('640 h', { exact: true }).waitFor();
  await claire.close();
});
