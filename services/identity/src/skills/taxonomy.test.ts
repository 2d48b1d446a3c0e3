import type { SkillRecord } from '../domain/skills.js';
import { loadShippedTaxonomy, validateTaxonomy } from './taxonomy.js';

function group(code: string, broaderCode: string | null = null): SkillRecord {
  return {
    id: `urn:e21:skill-group:${code}`,
    kind: 'group',
    labels: { en: `group ${code}`, fr: `groupe ${code}` },
    broaderId: broaderCode === null ? null : `urn:e21:skill-group:${broaderCode}`,
    description: {},
    source: 'e21',
  };
}

function skill(slug: string, broaderId: string | null = 'urn:e21:skill-group:S3'): SkillRecord {
  return {
    id: `urn:e21:skill:${slug}`,
    kind: 'skill',
    labels: { en: slug.replaceAll('-', ' '), fr: `fr ${slug}` },
    broaderId,
    description: {},
    source: 'e21',
  };
}

describe('the shipped taxonomy', () => {
  it('has at least 150 skills, each with an English and a French label and a broader group', async () => {
    const records = await loadShippedTaxonomy();
    const groupIds = new Set(records.filter((record) => record.kind === 'group').map((record) => record.id));
    const skills = records.filter((record) => record.kind === 'skill');

    expect(skills.length).toBeGreaterThanOrEqual(150);
    for (const record of skills) {
      expect(record.labels.en?.trim()).toBeTruthy();
      expect(record.labels.fr?.trim()).toBeTruthy();
      expect(groupIds.has(record.broaderId ?? '')).toBe(true);
    }
  });

  it('passes validation', async () => {
    expect(validateTaxonomy(await loadShippedTaxonomy())).toEqual([]);
  });

  it('describes every skill in English and French and marks every concept as e21', async () => {
    const records = await loadShippedTaxonomy();
    for (const record of records) expect(record.source).toBe('e21');
    for (const record of records.filter((r) => r.kind === 'skill')) {
      expect(record.description.en?.trim()).toBeTruthy();
      expect(record.description.fr?.trim()).toBeTruthy();
    }
  });

  it('never gives two concepts the same English label', async () => {
    const labels = (await loadShippedTaxonomy()).map((record) => record.labels.en?.toLowerCase());
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('has the top groups of the ESCO skills hierarchy at the top', async () => {
    const tops = (await loadShippedTaxonomy()).filter((record) => record.broaderId === null).map((record) => record.id);
    expect(tops.sort()).toEqual(['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7', 'S8', 'T'].map((code) => `urn:e21:skill-group:${code}`));
  });
});

describe('validateTaxonomy', () => {
  const sound = [group('S3'), group('S3.2', 'S3'), skill('first-aid', 'urn:e21:skill-group:S3.2')];

  it('accepts a sound taxonomy', () => {
    expect(validateTaxonomy(sound)).toEqual([]);
  });

  it('reports a duplicate id once', () => {
    expect(validateTaxonomy([...sound, skill('first-aid')])).toEqual(['urn:e21:skill:first-aid: duplicate id (2 concepts)']);
  });

  it('reports ids that do not match the pattern of their source and kind', () => {
    const problems = validateTaxonomy([
      group('S3'),
      { ...skill('x'), id: 'urn:e21:skill:First Aid' },
      { ...skill('y'), id: 'urn:e21:skill-group:S9' },
      { ...skill('z'), id: 'urn:e21:skill:childcare', source: 'esco' },
      { ...skill('w'), id: 'http://data.europa.eu/esco/skill/0a1b2c3d-1111-2222-3333-444455556666', source: 'esco' },
    ]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^urn:e21:skill:First Aid: id does not match the e21 skill pattern/);
    expect(problems[1]).toMatch(/^urn:e21:skill-group:S9: id does not match the e21 skill pattern/);
    expect(problems[2]).toMatch(/^urn:e21:skill:childcare: id does not match the esco skill pattern/);
  });

  it('reports a missing or blank English or French label', () => {
    const problems = validateTaxonomy([
      group('S3'),
      { ...skill('no-french'), labels: { en: 'no french' } },
      { ...skill('blank-english'), labels: { en: ' ', fr: 'anglais vide' } },
    ]);
    expect(problems).toEqual(['urn:e21:skill:no-french: missing fr label', 'urn:e21:skill:blank-english: missing en label']);
  });

  it('reports a broader concept that does not exist', () => {
    expect(validateTaxonomy([group('S3'), skill('orphan', 'urn:e21:skill-group:S42')])).toEqual([
      'urn:e21:skill:orphan: broader urn:e21:skill-group:S42 is not a known concept',
    ]);
  });

  it('reports a broader concept that is a skill rather than a group', () => {
    expect(validateTaxonomy([...sound, skill('cpr', 'urn:e21:skill:first-aid')])).toEqual([
      'urn:e21:skill:cpr: broader urn:e21:skill:first-aid is a skill, not a group',
    ]);
  });

  it('reports each cycle in the hierarchy once, and not the concepts hanging below it', () => {
    const problems = validateTaxonomy([
      group('S1', 'S1.2'),
      group('S1.1', 'S1'),
      group('S1.2', 'S1.1'),
      group('T', 'T'),
      skill('public-speaking', 'urn:e21:skill-group:S1.1'),
    ]);
    expect(problems).toEqual([
      'urn:e21:skill-group:S1: cycle in the hierarchy urn:e21:skill-group:S1 > urn:e21:skill-group:S1.2 > urn:e21:skill-group:S1.1 > urn:e21:skill-group:S1',
      'urn:e21:skill-group:T: cycle in the hierarchy urn:e21:skill-group:T > urn:e21:skill-group:T',
    ]);
  });
});
