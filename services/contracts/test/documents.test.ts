// The signed contract as PDF and JSON, rendered from the stored version.
import { pdfText } from '@e21/devinfra';
import { DocumentFormat } from '@e21/proto/e21/contracts/v1/contracts';
import { as, commit, NO_PARTY, signedContract, SKILLS, startContracts, terms, YEAR, type ContractsUnderTest } from './support.js';
import { refusalOf } from '../../../tests/support/refusals.js';

let t: ContractsUnderTest;
let contractId: string;

beforeAll(async () => {
  t = await startContracts();
  await commit(t.client, t.world.organizations.calanques, 100_000);
  const { amina, claire, marc } = t.world.people;
  const proposal = terms({
    yearlyMinutes: 9_000n,
    competenceSkillIds: [SKILLS.firstAid, SKILLS.solar],
    schedule: {
      weeklyAllowanceMinutes: 120n,
      blocks: [{ startDate: `${YEAR}-03-04`, endDate: `${YEAR}-03-17`, minutes: 2_100n, label: 'kick-off' }],
      blackouts: [{ startDate: `${YEAR}-07-01`, endDate: `${YEAR}-08-31`, reason: 'high season' }],
    },
  });
  contractId = (await signedContract(t.client, { person: amina.id, employer: claire.id, office: marc.id }, proposal)).contract!.id;
});
afterAll(() => t.stop());

const render = (format: DocumentFormat, version = 0, by = t.world.people.amina.id) =>
  t.client.renderContractDocument({ contractId, version, format }, as(by));

it('renders the signed version as a PDF holding its terms, schedule, parties, acceptances and version', async () => {
  const document = await render(DocumentFormat.DOCUMENT_FORMAT_PDF);
  expect(document).toMatchObject({ contentType: 'application/pdf', version: 1, filename: `sar-contract-${contractId}-v1.pdf` });
  // Lines the PDF wraps come back as separate pieces: compare with single spaces.
  const text = (await pdfText(document.content)).replace(/\s+/g, ' ');
  const detail = await t.client.getContractDetail({ id: contractId }, as(t.world.people.amina.id));
  const expected = [
    'Societal Activity Right contract',
    'Amina Haddad',
    'Calanques Solaire',
    'Engagement 21 Marseille',
    `${YEAR}-01-01 — ${YEAR}-12-31`,
    '150 h 00 (9000 min)',
    'premiers secours / first aid',
    '2 h 00 (120 min)',
    'kick-off',
    '35 h 00 (2100 min)',
    'high season',
    `${YEAR}-07-01`,
    'Claire Dubois',
    'Marc Rossi',
    ...detail.versions[0]!.acceptances.map((a) => a.acceptedAt),
    detail.versions[0]!.signedAt,
    `Contract ${contractId} · version 1`,
  ];
  for (const piece of expected) expect({ piece, found: text.includes(piece) }).toEqual({ piece, found: true });
});

it('renders the same bytes every time for the same version', async () => {
  const [first, second] = [await render(DocumentFormat.DOCUMENT_FORMAT_PDF), await render(DocumentFormat.DOCUMENT_FORMAT_PDF)];
  expect(Buffer.compare(first.content, second.content)).toBe(0);
});

it('renders the same version as JSON', async () => {
  const json = JSON.parse((await render(DocumentFormat.DOCUMENT_FORMAT_JSON)).content.toString('utf8'));
  expect(json).toMatchObject({
    contractId,
    version: 1,
    kind: 'employee',
    parties: { person: { name: 'Amina Haddad' }, employer: { name: 'Calanques Solaire' }, office: { name: 'Engagement 21 Marseille' } },
    terms: {
      yearlyMinutes: 9_000,
      schedule: {
        weeklyAllowanceMinutes: 120,
        blackouts: [{ startDate: `${YEAR}-07-01`, endDate: `${YEAR}-08-31`, reason: 'high season' }],
      },
    },
  });
  expect(json.acceptances.map((a: { party: string }) => a.party).sort()).toEqual(['employer', 'office', 'person']);
});

it('keeps rendering the signed version while an amendment is negotiated, and refuses an unsigned version', async () => {
  await t.client.proposeTerms(
    { contractId, baseVersion: 1, terms: terms({ yearlyMinutes: 9_500n }), comment: '', party: NO_PARTY },
    as(t.world.people.claire.id),
  );
  expect((await render(DocumentFormat.DOCUMENT_FORMAT_PDF)).version).toBe(1);
  expect((await refusalOf(render(DocumentFormat.DOCUMENT_FORMAT_PDF, 2))).code).toBe('not_signed');
  expect((await refusalOf(render(DocumentFormat.DOCUMENT_FORMAT_PDF, 0, t.world.people.lucas.id))).kind).toBe('forbidden');
});
