// Consent and trust on the local stack, in headless Chromium (issue 11, findings 3 and 4). Claire's
// invitation waits on Yanis's profile: Calanques Solaire sees nothing of him until he accepts. The
// Café de la Plaine cannot take payments until Marc, officer of Marseille, verifies it from his
// queue; then payers see its legal identifier and the mark of Engagement 21's verification.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage, type Language } from '../support/browser.js';
import { freeStackPorts, startLocalStack, type LocalStack } from '@e21/deploy';
import { testSecrets } from '@e21/devinfra';

let stack: LocalStack;
let browser: Browser;

const person = (key: 'yanis' | 'claire' | 'marc' | 'bruno' | 'amina') => stack.demo!.people[key]!;
const signIn = (email: string, language: Language) => signedInPage(browser, stack, email, language);
const statusSays = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'e21-e2e-consent-'));
  stack = await startLocalStack({ dataDir, demo: true, logLevel: 'warn', ports: await freeStackPorts(), platformSecrets: testSecrets() });
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

it('shows Claire only the address she invited until Yanis accepts, then lists him among the members', async () => {
  const calanques = `${stack.url}/organization/${stack.demo!.organizations.calanquesSolaire}`;
  const claire = await signIn(person('claire').email, 'fr');
  await claire.goto(calanques);
  const members = claire.getByRole('region', { name: 'Membres' });
  await members.getByRole('row').filter({ hasText: 'Claire Dubois' }).waitFor();
  expect(await members.getByText('Yanis Petit').count()).toBe(0);
  const waiting = claire.getByRole('table', { name: 'En attente de réponse' });
  await waiting.getByRole('row').filter({ hasText: 'yanis@demo.e21.eu' }).filter({ hasText: 'CS-0063' }).waitFor();

  // Yanis finds the invitation on his profile and accepts it.
  const yanis = await signIn(person('yanis').email, 'fr');
  const invitations = yanis.getByRole('region', { name: 'Invitations' });
  await invitations.getByText('Claire Dubois vous invite à rejoindre Calanques Solaire SARL en tant que Membre.').waitFor();
  await invitations.getByRole('button', { name: 'Accepter — Calanques Solaire SARL' }).click();
  await statusSays(yanis, 'Vous avez rejoint Calanques Solaire SARL.');

  await claire.reload();
  await members.getByRole('row').filter({ hasText: 'Yanis Petit' }).filter({ hasText: 'CS-0063' }).waitFor();
  await claire.getByText('Aucune invitation n’attend de réponse.').waitFor();

  // Claire invites another address, and withdraws the invitation.
  await claire.getByLabel('Adresse e-mail').fill('nouvelle.recrue@example.org');
  await claire.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await statusSays(claire, 'Invitation envoyée à nouvelle.recrue@example.org.');
  await waiting.getByRole('button', { name: 'Retirer nouvelle.recrue@example.org' }).click();
  await statusSays(claire, 'L’invitation envoyée à nouvelle.recrue@example.org est retirée.');
});

it('keeps the Café de la Plaine’s till closed until Marc verifies it; payers then see its legal identifier and the verified mark', async () => {
  const bruno = await signIn(person('bruno').email, 'fr');
  await bruno.getByRole('navigation').getByRole('link', { name: 'Caisse' }).click();
  await bruno.getByTestId('till-not-verified').waitFor();

  const marc = await signIn(person('marc').email, 'fr');
  await marc.getByRole('navigation').getByRole('link', { name: 'Vérification des commerces' }).click();
  const row = marc.getByRole('row').filter({ hasText: 'Café de la Plaine' });
  await row.filter({ hasText: '903456789' }).waitFor();
  expect(await marc.getByRole('row').filter({ hasText: 'Boulangerie du Panier' }).count()).toBe(0);
  await row.getByRole('button', { name: 'Vérifier Café de la Plaine' }).click();
  await statusSays(marc, 'Café de la Plaine est vérifié');

  // The currency service learns it from identity's event: the till opens within moments.
  for (let attempt = 0; attempt < 30 && !(await bruno.getByLabel('Montant en ÉCU-BDR').count()); attempt++) {
    await bruno.waitForTimeout(500);
    await bruno.reload();
  }
  await bruno.getByLabel('Montant en ÉCU-BDR').fill('2,00');
  await bruno.getByLabel('Référence').fill('Café crème');
  await bruno.getByRole('button', { name: 'Afficher le QR code' }).click();
  const uri = (await bruno.locator('code.payment-uri').textContent())!;
  const requestId = /^e21pay:([0-9a-f-]{36})\?/.exec(uri)![1];

  const amina = await signIn(person('amina').email, 'fr');
  await amina.goto(`${stack.url}/pay/${requestId}`);
  await amina.getByTestId('merchant-verified').getByText('Vérifié par Engagement 21').waitFor();
  await amina.getByTestId('merchant-legal-id').getByText('903456789').waitFor();
  await amina.getByRole('button', { name: 'Payer 2,00 ÉCU-BDR' }).click();
  await statusSays(amina, 'Vous avez payé 2,00 ÉCU-BDR à Café de la Plaine.');
});
