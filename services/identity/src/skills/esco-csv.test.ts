import { escoSkillsToRecords, parseCsv } from './esco-csv.js';
import { validateTaxonomy } from './taxonomy.js';

const ESCO = 'http://data.europa.eu/esco/skill/';
const CARING = `${ESCO}S3`;
const HEALTH = `${ESCO}S3.1`;
const FIRST_AID = `${ESCO}c4a6e5f2-0001-4e7b-9a6b-000000000001`;
const CPR = `${ESCO}c4a6e5f2-0002-4e7b-9a6b-000000000002`;
const BANDAGING = `${ESCO}c4a6e5f2-0003-4e7b-9a6b-000000000003`;
const OBSOLETE = `${ESCO}c4a6e5f2-0004-4e7b-9a6b-000000000004`;

const SKILLS_HEADER =
  'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description';

const skillsEn = [
  SKILLS_HEADER,
  `KnowledgeSkillCompetence,${FIRST_AID},skill/competence,cross-sector,provide first aid,"give first aid\nadminister first aid",,released,2023-01-01,,,${ESCO}S,"Give urgent care, such as CPR, to a sick or injured person."`,
  `KnowledgeSkillCompetence,${CPR},skill/competence,cross-sector,perform cardiopulmonary resuscitation,CPR,,released,2023-01-01,,,${ESCO}S,"Perform chest compressions on a person in cardiac arrest."`,
  `KnowledgeSkillCompetence,${BANDAGING},skill/competence,sector-specific,apply bandages,,,released,2023-01-01,,,${ESCO}S,Dress wounds with bandages.`,
  `KnowledgeSkillCompetence,${OBSOLETE},skill/competence,sector-specific,bleed patients,,,obsolete,2019-01-01,,,${ESCO}S,An outdated practice.`,
].join('\r\n');

const skillsFr = [
  SKILLS_HEADER,
  `KnowledgeSkillCompetence,${FIRST_AID},skill/competence,cross-sector,administrer les premiers secours,,,released,2023-01-01,,,${ESCO}S,"Prodiguer des soins urgents, comme la RCP, à une personne malade ou blessée."`,
  `KnowledgeSkillCompetence,${CPR},skill/competence,cross-sector,pratiquer la réanimation cardio-pulmonaire,RCP,,released,2023-01-01,,,${ESCO}S,Pratiquer des compressions thoraciques.`,
  `KnowledgeSkillCompetence,${BANDAGING},skill/competence,sector-specific,poser des bandages,,,released,2023-01-01,,,${ESCO}S,Panser des plaies.`,
].join('\n');

const GROUPS_HEADER =
  'conceptType,conceptUri,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,inScheme,description,code';

const skillGroupsEn = [
  GROUPS_HEADER,
  `SkillGroup,${CARING},assisting and caring,,,released,2022-01-01,,${ESCO}S,,S3`,
  `SkillGroup,${HEALTH},providing health care or medical treatments,,,released,2022-01-01,,${ESCO}S,,S3.1`,
].join('\n');

const skillGroupsFr = [
  GROUPS_HEADER,
  `SkillGroup,${CARING},assistance et soins,,,released,2022-01-01,,${ESCO}S,,S3`,
  `SkillGroup,${HEALTH},fournir des soins de santé ou des traitements médicaux,,,released,2022-01-01,,${ESCO}S,,S3.1`,
].join('\n');

const broaderRelations = [
  'conceptType,conceptUri,conceptLabel,broaderType,broaderUri,broaderLabel',
  `SkillGroup,${HEALTH},providing health care or medical treatments,SkillGroup,${CARING},assisting and caring`,
  `KnowledgeSkillCompetence,${CPR},perform cardiopulmonary resuscitation,KnowledgeSkillCompetence,${FIRST_AID},provide first aid`,
  `KnowledgeSkillCompetence,${CPR},perform cardiopulmonary resuscitation,SkillGroup,${CARING},assisting and caring`,
  `KnowledgeSkillCompetence,${FIRST_AID},provide first aid,SkillGroup,${HEALTH},providing health care or medical treatments`,
  `KnowledgeSkillCompetence,${BANDAGING},apply bandages,KnowledgeSkillCompetence,${FIRST_AID},provide first aid`,
  `KnowledgeSkillCompetence,${OBSOLETE},bleed patients,SkillGroup,${HEALTH},providing health care or medical treatments`,
].join('\n');

function importFixture() {
  return escoSkillsToRecords({
    skills: parseCsv(skillsEn),
    skillsByLanguage: { fr: parseCsv(skillsFr) },
    broaderRelations: parseCsv(broaderRelations),
    skillGroups: parseCsv(skillGroupsEn),
    skillGroupsByLanguage: { fr: parseCsv(skillGroupsFr) },
  });
}

describe('parseCsv', () => {
  it('keys each data row by the header row', () => {
    expect(parseCsv('a,b,c\n1,2,3\n4,,6\n')).toEqual([
      { a: '1', b: '2', c: '3' },
      { a: '4', b: '', c: '6' },
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('label,note\n"first aid, basic","say ""help""\nthen act\r\ncalmly"\n')).toEqual([
      { label: 'first aid, basic', note: 'say "help"\nthen act\r\ncalmly' },
    ]);
  });

  it('strips a UTF-8 byte order mark from the first header', () => {
    expect(Object.keys(parseCsv('\uFEFFconceptType,conceptUri\nSkillGroup,x\n')[0] ?? {})).toEqual(['conceptType', 'conceptUri']);
  });

  it('ends records at CRLF as well as LF, with or without a final line break', () => {
    expect(parseCsv('a,b\r\n1,2\r\n3,4')).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  it('ignores blank lines and fills missing trailing fields with empty strings', () => {
    expect(parseCsv('a,b,c\n\n1,\n2\n')).toEqual([
      { a: '1', b: '', c: '' },
      { a: '2', b: '', c: '' },
    ]);
  });

  it('returns no rows for an empty text', () => {
    expect(parseCsv('')).toEqual([]);
  });
});

describe('escoSkillsToRecords', () => {
  it('maps skills and skill groups to records with English and French labels and descriptions', () => {
    const firstAid = importFixture().find((record) => record.id === FIRST_AID);
    expect(firstAid).toEqual({
      id: FIRST_AID,
      kind: 'skill',
      labels: { en: 'provide first aid', fr: 'administrer les premiers secours' },
      broaderId: HEALTH,
      description: {
        en: 'Give urgent care, such as CPR, to a sick or injured person.',
        fr: 'Prodiguer des soins urgents, comme la RCP, à une personne malade ou blessée.',
      },
      source: 'esco',
    });
    expect(importFixture().find((record) => record.id === HEALTH)).toMatchObject({
      kind: 'group',
      labels: { en: 'providing health care or medical treatments', fr: 'fournir des soins de santé ou des traitements médicaux' },
      broaderId: CARING,
    });
  });

  it('leaves out concepts that are not released', () => {
    const ids = importFixture().map((record) => record.id);
    expect(ids).not.toContain(OBSOLETE);
    expect(ids.sort()).toEqual([FIRST_AID, CPR, BANDAGING, CARING, HEALTH].sort());
  });

  it('takes the first broader that is a group, even when a skill is listed before it', () => {
    expect(importFixture().find((record) => record.id === CPR)?.broaderId).toBe(CARING);
  });

  it('gives a skill whose only broader is a skill the nearest group above that skill', () => {
    expect(importFixture().find((record) => record.id === BANDAGING)?.broaderId).toBe(HEALTH);
  });

  it('puts groups without a broader relation at the top', () => {
    expect(importFixture().find((record) => record.id === CARING)?.broaderId).toBeNull();
  });

  it('falls back to the first broader when no group is above it', () => {
    const [record] = escoSkillsToRecords({
      skills: parseCsv(skillsEn).filter((row) => row.conceptUri === BANDAGING),
      broaderRelations: parseCsv(broaderRelations).filter((row) => row.conceptUri === BANDAGING),
    });
    expect(record?.broaderId).toBe(FIRST_AID);
  });

  it('labels only in English when no translated file is given', () => {
    const records = escoSkillsToRecords({ skills: parseCsv(skillsEn) });
    expect(records.map((record) => record.labels)).toContainEqual({ en: 'apply bandages' });
  });

  it('keeps every row when the file has no status column', () => {
    const rows = parseCsv(`conceptType,conceptUri,preferredLabel\nKnowledgeSkillCompetence,${OBSOLETE},bleed patients\n`);
    expect(escoSkillsToRecords({ skills: rows }).map((record) => record.id)).toEqual([OBSOLETE]);
  });

  it('produces a taxonomy that passes validation', () => {
    expect(validateTaxonomy(importFixture())).toEqual([]);
  });
});
