import { isRefusal, type RefusalValue } from '@e21/kit';
import { checkEdit, planNeeds, validateProjectFields, type Need, type Project, type ProjectFields } from './projects.js';

const fields = (overrides: Partial<ProjectFields> = {}): ProjectFields => ({
  territoryId: 'a2100000-0000-4000-8000-000000000006',
  title: 'Repair café du Panier',
  description: 'Fix things instead of throwing them away.',
  kind: 'general_interest',
  challengeIds: [],
  startDate: '2026-04-01',
  endDate: '2026-12-31',
  needs: [{ skillId: 'urn:e21:skill:small-appliance-repair', neededMinutes: 1200 }],
  ...overrides,
});

function refused(result: unknown): RefusalValue {
  if (!isRefusal(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

const fieldsNamed = (result: unknown) => (refused(result).fields ?? []).map((p) => p.field);

describe('validateProjectFields', () => {
  it('trims title and description and accepts a valid project', () => {
    const result = validateProjectFields(fields({ title: '  Repair café  ' }));
    expect(isRefusal(result)).toBe(false);
    expect((result as ProjectFields).title).toBe('Repair café');
  });

  it('keeps the title to one line of visible characters, in NFC; the description may span lines but holds no control character', () => {
    for (const title of ['Repair\ncafé', 'Repair\u0000café', 'Repair\u200Bcafé', '\u202Eéfac riaper'])
      expect(fieldsNamed(validateProjectFields(fields({ title })))).toEqual(['title']);
    expect((validateProjectFields(fields({ title: 'Repair cafe\u0301' })) as ProjectFields).title).toBe('Repair caf\u00E9');
    expect(isRefusal(validateProjectFields(fields({ description: 'Line one\nline two' })))).toBe(false);
  });

  it('refuses dates that are not real YYYY-MM-DD dates, and an end before the start', () => {
    expect(fieldsNamed(validateProjectFields(fields({ startDate: '2026-02-30' })))).toEqual(['start_date']);
    expect(fieldsNamed(validateProjectFields(fields({ endDate: '31/12/2026' })))).toEqual(['end_date']);
    expect(fieldsNamed(validateProjectFields(fields({ endDate: '2026-03-31' })))).toEqual(['end_date']);
  });

  it('refuses a period of more than five years', () => {
    expect(fieldsNamed(validateProjectFields(fields({ endDate: '2031-12-31' })))).toEqual(['end_date']);
  });

  it('counts needs in whole minutes, from 1 to 100000', () => {
    for (const neededMinutes of [0, -60, 90.5, 100_001]) {
      expect(fieldsNamed(validateProjectFields(fields({ needs: [{ skillId: 'urn:e21:skill:carpentry', neededMinutes }] })))).toEqual([
        'needs.0.needed_minutes',
      ]);
    }
  });

  it('keeps a need’s own dates within the project’s period', () => {
    const early = fields({ needs: [{ skillId: 'urn:e21:skill:carpentry', neededMinutes: 60, startDate: '2026-03-01' }] });
    expect(fieldsNamed(validateProjectFields(early))).toEqual(['needs.0.start_date']);
  });

  it('refuses an unknown kind and challenge ids that are not ids', () => {
    expect(fieldsNamed(validateProjectFields(fields({ kind: 'party' as never })))).toEqual(['kind']);
    expect(fieldsNamed(validateProjectFields(fields({ challengeIds: ['heat'] })))).toEqual(['challenge_ids']);
  });
});

const project = (status: Project['status']): Project => ({
  id: 'p1',
  ...fields(),
  status,
  coordinatorId: 'ada',
  needs: [],
  refusalReason: '',
  approved: null,
  version: 1,
  createdAt: new Date(),
  updatedAt: new Date(),
});

describe('editing a project', () => {
  it('edits drafts, approved and active projects; not one under review or finished', () => {
    for (const status of ['draft', 'approved', 'active'] as const) expect(checkEdit(project(status), fields())).toBeUndefined();
    for (const status of ['proposed', 'refused', 'completed', 'cancelled'] as const)
      expect(checkEdit(project(status), fields())?.code).toBe('not_editable');
  });

  it('fixes territory and kind once the project leaves the draft, since they decide who approves it', () => {
    expect(checkEdit(project('draft'), fields({ kind: 'international_solidarity' }))).toBeUndefined();
    expect(checkEdit(project('approved'), fields({ kind: 'international_solidarity' }))?.code).toBe('fixed_after_draft');
    expect(checkEdit(project('active'), fields({ territoryId: 'a2100000-0000-4000-8000-000000000007' }))?.fields).toEqual([
      { field: 'territory_id', message: 'can only change while the project is a draft' },
    ]);
  });
});

describe('planNeeds', () => {
  const current: Need[] = [
    { id: 'n1', skillId: 'urn:e21:skill:carpentry', neededMinutes: 600, startDate: null, endDate: null },
    { id: 'n2', skillId: 'urn:e21:skill:plumbing', neededMinutes: 300, startDate: null, endDate: null },
  ];
  let counter = 0;
  const newId = () => `new-${++counter}`;

  it('keeps named needs, adds new ones and removes the missing ones', () => {
    const plan = planNeeds(
      current,
      [
        { id: 'n1', skillId: 'urn:e21:skill:carpentry', neededMinutes: 900 },
        { skillId: 'urn:e21:skill:painting', neededMinutes: 120 },
      ],
      new Map(),
      newId,
    );
    expect(isRefusal(plan)).toBe(false);
    expect(plan).toMatchObject({ keep: [{ id: 'n1', neededMinutes: 900 }], add: [{ skillId: 'urn:e21:skill:painting' }], remove: ['n2'] });
  });

  it('neither removes a need someone fills nor makes it smaller than the minutes pledged', () => {
    const filled = new Map([['n2', 240]]);
    expect(refused(planNeeds(current, [current[0]!], filled, newId)).code).toBe('needs_in_use');
    expect(fieldsNamed(planNeeds(current, [current[0]!, { ...current[1]!, neededMinutes: 200 }], filled, newId))).toEqual([
      'needs.1.needed_minutes',
    ]);
    expect(isRefusal(planNeeds(current, [current[0]!, { ...current[1]!, neededMinutes: 240 }], filled, newId))).toBe(false);
  });

  it('refuses an id that is not one of the project’s needs as bad input', () => {
    const unknown = planNeeds(current, [{ id: 'n9', skillId: 'urn:e21:skill:carpentry', neededMinutes: 60 }], new Map(), newId);
    expect(refused(unknown)).toMatchObject({ kind: 'invalid', code: 'unknown_need' });
    expect(fieldsNamed(unknown)).toEqual(['needs.0.id']);
  });
});
