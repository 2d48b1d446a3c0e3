// The ESCO import command, run as a user would, against identity's real database.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startIdentity, SYSTEM, type IdentityUnderTest } from './support.js';

let identity: IdentityUnderTest;

beforeAll(async () => {
  identity = await startIdentity();
});
afterAll(() => identity.stop());

it('imports released ESCO skills with their French labels, and they become searchable in French', () => {
  const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/esco/${name}`, import.meta.url));
  const output = execFileSync(
    process.execPath,
    [
      fileURLToPath(new URL('../dist/cli/import-esco.js', import.meta.url)),
      '--skills',
      fixture('skills_en.csv'),
      '--skills-fr',
      fixture('skills_fr.csv'),
    ],
    { env: { ...process.env, DATABASE_URL: identity.databaseUrl }, encoding: 'utf8' },
  );
  expect(output).toContain('imported 2 ESCO skills');
  return identity.client.searchSkills({ query: 'personnel musical', language: 'fr', limit: 5, cursor: '' }, SYSTEM).then((found) => {
    expect(found.skills[0]).toMatchObject({
      id: 'http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab',
      label: 'gérer le personnel musical',
    });
  });
});

it('finds the shipped skills in either language, with or without accents', async () => {
  const french = await identity.client.searchSkills({ query: 'premiers secours', language: 'en', limit: 5, cursor: '' }, SYSTEM);
  expect(french.skills[0]).toMatchObject({ id: 'urn:e21:skill:first-aid', label: 'first aid' });
  const unaccented = await identity.client.searchSkills({ query: 'mediation scientifique', language: 'fr', limit: 5, cursor: '' }, SYSTEM);
  expect(unaccented.skills[0]?.label).toBe('médiation scientifique');
});
