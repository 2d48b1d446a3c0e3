// The 17 UN Sustainable Development Goals, shipped as data (data/sdgs.json) with English and French labels.
import { readFile } from 'node:fs/promises';

export interface Sdg {
  number: number;
  labels: Record<string, string>;
}

// src/sdgs.ts and dist/sdgs.js both sit one level under services/programs.
const SDGS_URL = new URL('../data/sdgs.json', import.meta.url);

export async function loadSdgs(): Promise<Sdg[]> {
  const file = JSON.parse(await readFile(SDGS_URL, 'utf8')) as { goals: Sdg[] };
  return file.goals;
}
