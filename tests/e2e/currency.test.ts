// The local currency's story on the local stack, in headless Chromium as the people would live it:
// Lucas's hours are approved by his project's coordinator, his wallet shows the credit; the
// boulangerie's till shows a QR payment request, Lucas pays it; both balances and histories follow;
// the boulangerie redeems the takings and the treasury officer of Bouches-du-Rhône approves.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signedInPage, type Language } from '../support/browser.js';
import { createClient, personCaller, toProtoEnum } from '@e21/kit';
import { freeStackPorts, startLocalStack, type LocalStack } from '@e21/deploy';
import { testSecrets } from '@e21/devinfra';
import { ContractsServiceService, Party, type ContractStatus } from '@e21/proto/e21/contracts/v1/contracts';

const SOLAR = 'urn:e21:skill:solar-panel-installation';

let stack: LocalStack;
let browser: Browser;

const person = (key: 'lucas' | 'amina' | 'isabelle' | 'odile' | 'claire' | 'marc') => stack.demo!.people[key]!;
const frenchDate = (date: string) =>
  new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
/** The number a page shows for an amount, e.g. 1234.5 -> "1 234,50" in French. */
const shown = (minor: number, language: 'en' | 'fr') =>
  new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(minor / 100);

beforeAll(async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'e21-e2e-currency-'));
  stack = await startLocalStack({ dataDir, demo: true, logLevel: 'warn', ports: await freeStackPorts(), platformSecrets: testSecrets() });
  browser = await launchBrowser();
  // Lucas's contract, which the demo leaves waiting, is accepted by his employer and his office.
  const contracts = createClient(ContractsServiceService, `127.0.0.1:${stack.ports.grpc.contracts}`, { from: 'test', deadlineMs: 15_000 });
  try {
    const { items } = await contracts.listNegotiationInbox(
      { party: Party.PARTY_UNSPECIFIED, status: toProtoEnum<ContractStatus>('CONTRACT_STATUS', 'negotiating'), limit: 10, cursor: '' },
      { caller: personCaller(person('lucas').id) },
    );
    const contractId = items.find((i) => i.contract?.personId === person('lucas').id)!.contract!.id;
    for (const by of [person('claire').id, person('marc').id])
      await contracts.acceptVersion({ contractId, version: 1, comment: '', party: Party.PARTY_UNSPECIFIED }, { caller: personCaller(by) });
  } finally {
    contracts.close();
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

const signIn = (email: string, language: Language) => signedInPage(browser, stack, email, language);

const statusSays = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text }).first().waitFor();

/** Reloads the page until the element shows the text (credits and payments arrive asynchronously). */
async function untilShown(page: Page, testId: string, text: string): Promise<void> {
  for (let attempt = 0; attempt < 30; attempt++) {
    if (
      (
        await page
          .getByTestId(testId)
          .first()
          .textContent()
          .catch(() => '')
      )?.includes(text)
    )
      return;
    await page.waitForTimeout(500);
    await page.reload();
  }
  await page.getByTestId(testId).getByText(text).waitFor({ timeout: 1000 });
}

it('pays approved hours into the wallet, a QR payment request at the till, and redeems it with the treasury’s approval', async () => {
  const today = new Date().toISOString().slice(0, 10);

  // Lucas (English interface) logs an hour on the solar roofs of the schools.
  const lucas = await signIn(person('lucas').email, 'en');
  await lucas.getByRole('navigation').getByRole('link', { name: 'My hours' }).click();
  await lucas.getByRole('heading', { level: 1, name: 'My hours' }).waitFor();
  await lucas.getByLabel('Date', { exact: true }).fill(today);
  await lucas.getByLabel('Project').selectOption({ label: 'Toits solaires des écoles du 3e' });
  await lucas.getByLabel('Competence used').selectOption(SOLAR);
  await lucas.getByLabel('Hours', { exact: true }).fill('1');
  await lucas.getByRole('button', { name: 'Log these hours' }).click();
  await statusSays(lucas, 'waiting for validation');

  // Amina, who coordinates the project, approves them.
  const amina = await signIn(person('amina').email, 'fr');
  await amina.getByRole('navigation').getByRole('link', { name: 'Validation' }).click();
  await amina.getByRole('button', { name: `Valider les heures de Lucas Martin du ${frenchDate(today)}` }).click();
  await statusSays(amina, 'sont validées');

  // Lucas's wallet shows the credit: an hour at 10.00 ÉCU-BDR.
  await lucas.getByRole('navigation').getByRole('link', { name: 'Wallet' }).click();
  await lucas.getByRole('heading', { level: 1, name: 'My wallet' }).waitFor();
  await untilShown(lucas, 'wallet-balance', '10.00 ÉCU-BDR');
  const history = lucas.getByRole('table', { name: 'History of the ÉCU-BDR account' });
  await history.getByRole('row').filter({ hasText: 'Approved hours of' }).filter({ hasText: '+10.00 ÉCU-BDR' }).waitFor();

  // Isabelle shows a payment request for 4.50 at the boulangerie's till: a QR code of its payment URI.
  const isabelle = await signIn(person('isabelle').email, 'fr');
  await isabelle.getByRole('navigation').getByRole('link', { name: 'Caisse' }).click();
  const tillBefore = await isabelle.getByTestId('till-balance').textContent();
  await isabelle.getByLabel('Montant en ÉCU-BDR').fill('4,50');
  await isabelle.getByLabel('Référence').fill('Baguette et croissants');
  await isabelle.getByRole('button', { name: 'Afficher le QR code' }).click();
  const qr = isabelle.getByRole('img', { name: 'QR code pour payer 4,50 ÉCU-BDR à Boulangerie du Panier' });
  await qr.waitFor();
  // The image is the SVG the gateway serves: it decodes to a square code.
  const size = await qr.evaluate(async (element) => {
    const img = element as unknown as { decode(): Promise<void>; naturalWidth: number; naturalHeight: number };
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  });
  expect(size[0]).toBeGreaterThan(0);
  expect(size[0]).toBe(size[1]);
  const uri = (await isabelle.locator('code.payment-uri').textContent())!;
  expect(uri).toMatch(/^e21pay:[0-9a-f-]{36}\?amount=4\.50&currency=%C3%89CU-BDR$/);

  // Lucas opens it from his wallet with what the QR code says, and pays.
  await lucas.getByLabel('Payment code or link').fill(uri);
  await lucas.getByRole('button', { name: 'Open the request' }).click();
  await lucas.waitForURL(/\/pay\/[0-9a-f-]{36}$/);
  await lucas.getByText('Boulangerie du Panier').waitFor();
  await lucas.getByTestId('request-amount').getByText('4.50 ÉCU-BDR').waitFor();
  await lucas.getByRole('button', { name: 'Pay 4.50 ÉCU-BDR' }).click();
  await statusSays(lucas, 'You paid 4.50 ÉCU-BDR to Boulangerie du Panier.');
  await lucas.getByTestId('request-status').getByText('Paid').waitFor();

  // The till sees the payment arrive; both balances and histories follow.
  await isabelle.getByTestId('shown-request-status').getByText('Payée par Lucas Martin').waitFor({ timeout: 15_000 });
  await statusSays(isabelle, '4,50 ÉCU-BDR reçus de Lucas Martin.');
  const minorOf = (text: string | null) => Number(text!.replace(/[^\d]/g, ''));
  const tillAfter = minorOf(tillBefore) + 450;
  await isabelle
    .getByTestId('till-balance')
    .getByText(`${shown(tillAfter, 'fr')} ÉCU-BDR`)
    .waitFor();
  await isabelle
    .getByRole('region', { name: 'Demandes de paiement et paiements reçus' })
    .getByRole('row')
    .filter({ hasText: 'Baguette et croissants' })
    .filter({ hasText: 'Lucas Martin' })
    .waitFor();
  await lucas.goto(`${stack.url}/wallet`);
  await lucas.getByTestId('wallet-balance').getByText('5.50 ÉCU-BDR').waitFor();
  await history
    .getByRole('row')
    .filter({ hasText: 'Paid to Boulangerie du Panier' })
    .filter({ hasText: '-4.50 ÉCU-BDR' })
    .filter({ hasText: '5.50 ÉCU-BDR' })
    .waitFor();

  // Isabelle asks to redeem the 4.50; Odile, treasury officer of Bouches-du-Rhône, approves it.
  await isabelle.getByLabel('Montant à reconvertir en ÉCU-BDR').fill('4,50');
  await isabelle.getByRole('button', { name: 'Demander la reconversion' }).click();
  await statusSays(isabelle, 'Reconversion de 4,50 ÉCU-BDR demandée');
  const odile = await signIn(person('odile').email, 'fr');
  await odile.getByRole('navigation').getByRole('link', { name: 'Trésorerie' }).click();
  await odile.getByTestId('ledger-health').getByText('Le grand livre est équilibré').waitFor();
  const circulationBefore = minorOf(await odile.getByTestId('in-circulation').textContent());
  const card = odile.getByRole('listitem').filter({ hasText: '4,50 ÉCU-BDR demandés' });
  await card.getByLabel('Référence du virement en euros').fill('VIR-2030-0042');
  await card.getByRole('button', { name: 'Approuver' }).click();
  await statusSays(odile, 'La reconversion de Boulangerie du Panier (4,50 ÉCU-BDR) est approuvée');
  await odile
    .getByTestId('in-circulation')
    .getByText(`${shown(circulationBefore - 450, 'fr')} ÉCU-BDR`)
    .waitFor();
  await odile.getByTestId('ledger-health').getByText('Le grand livre est équilibré').waitFor();

  // The till shows the redemption approved with its payout and the balance back where it was.
  await isabelle.reload();
  await isabelle
    .getByRole('table', { name: 'Reconversions' })
    .getByRole('row')
    .filter({ hasText: 'VIR-2030-0042' })
    .filter({ hasText: 'Approuvée' })
    .waitFor();
  await isabelle.getByTestId('till-balance').getByText(tillBefore!.trim()).waitFor();
  for (const page of [lucas, amina, isabelle, odile]) await page.close();
}, 240_000);
