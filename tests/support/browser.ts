// Headless Chromium for the end-to-end tests, and signing a demo person in on the login page.
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import type { LocalStack } from '@e21/deploy';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const launchBrowser = (): Promise<Browser> => chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });

export type Language = 'en' | 'fr';

const SIGN_IN = {
  en: { link: 'Sign in', email: 'Email', password: 'Password' },
  fr: { link: 'Se connecter', email: 'Adresse e-mail', password: 'Mot de passe' },
};

/** Signs in from the home page, in the page's language (the login page follows it), and lands on the profile. */
export async function signInOn(page: Page, stack: LocalStack, email: string, language: Language): Promise<void> {
  const text = SIGN_IN[language];
  await page.goto(stack.url);
  await page.getByRole('link', { name: text.link }).click();
  await page.getByLabel(text.email).fill(email);
  await page.getByLabel(text.password).fill(stack.demo!.password);
  await page.getByRole('button', { name: text.link }).click();
  await page.waitForURL(`${stack.url}/profile`);
}

/**
 * A page of its own (cookies apart) in this language, signed in as this demo person. In UTC, so
 * that dates typed in date fields are the instants the test computes.
 */
export async function signedInPage(
  browser: Browser,
  stack: LocalStack,
  email: string,
  language: Language,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const page = await browser.newPage({ locale: language === 'fr' ? 'fr-FR' : 'en-GB', timezoneId: 'UTC', ...options });
  await signInOn(page, stack, email, language);
  return page;
}
