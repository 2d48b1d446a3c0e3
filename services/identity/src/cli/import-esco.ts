// Imports the ESCO skills pillar (CSV files downloaded from the ESCO portal) into identity's skills.
// Usage: DATABASE_URL=... node dist/cli/import-esco.js --skills skills_en.csv [--skills-fr skills_fr.csv]
//        [--broader broaderRelationsSkillPillar_en.csv] [--groups skillGroups_en.csv] [--groups-fr skillGroups_fr.csv]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createPool, exitOnConfigError, loadConfig, withTransaction } from '@e21/kit';
import { escoSkillsToRecords, parseCsv } from '../skills/esco-csv.js';
import { upsertSkills } from '../store/index.js';

const { values } = parseArgs({
  options: {
    skills: { type: 'string' },
    'skills-fr': { type: 'string' },
    broader: { type: 'string' },
    groups: { type: 'string' },
    'groups-fr': { type: 'string' },
  },
});

if (!values.skills) {
  console.error(
    'usage: import-esco --skills skills_en.csv [--skills-fr skills_fr.csv] [--broader broaderRelationsSkillPillar_en.csv] [--groups skillGroups_en.csv] [--groups-fr skillGroups_fr.csv]',
  );
  process.exit(2);
}

let config;
try {
  config = loadConfig({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//)
      .describe("PostgreSQL URL of identity's database"),
  });
} catch (error) {
  exitOnConfigError(error);
}

const csv = async (path: string | undefined) => (path ? parseCsv(await readFile(path, 'utf8')) : undefined);
const records = escoSkillsToRecords({
  skills: (await csv(values.skills))!,
  ...(values['skills-fr'] ? { skillsByLanguage: { fr: (await csv(values['skills-fr']))! } } : {}),
  ...(values.broader ? { broaderRelations: await csv(values.broader) } : {}),
  ...(values.groups ? { skillGroups: await csv(values.groups) } : {}),
  ...(values['groups-fr'] ? { skillGroupsByLanguage: { fr: (await csv(values['groups-fr']))! } } : {}),
});

const pool = createPool(config.DATABASE_URL);
await withTransaction(pool, (tx) => upsertSkills(tx, records));
await pool.end();
const skills = records.filter((r) => r.kind === 'skill').length;
console.log(`imported ${skills} ESCO skills and ${records.length - skills} groups`);
