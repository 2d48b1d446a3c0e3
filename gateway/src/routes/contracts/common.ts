// What the contracts routes share: the request's terms as protobuf and the names of their fields.
import type { z } from 'zod';
import { toProtoEnum } from '@e21/kit';
import type { Party, TermsInput } from '@e21/proto/e21/contracts/v1/contracts';
import type { TermsIn } from './schemas.js';

export const partyIn = (value: 'person' | 'employer' | 'office' | undefined): Party => toProtoEnum<Party>('PARTY', value ?? 'unspecified');

export function termsIn(terms: z.infer<typeof TermsIn>): TermsInput {
  return {
    periodStart: terms.periodStart,
    periodEnd: terms.periodEnd,
    yearlyMinutes: BigInt(terms.yearlyMinutes),
    competenceSkillIds: terms.competences,
    schedule: {
      weeklyAllowanceMinutes: BigInt(terms.schedule.weeklyAllowanceMinutes),
      blocks: terms.schedule.blocks.map((b) => ({ ...b, minutes: BigInt(b.minutes) })),
      blackouts: terms.schedule.blackouts,
    },
    preferredProjectIds: terms.preferredProjectIds,
  };
}

export const IDEMPOTENCY_NOTE = ' Send an Idempotency-Key header to make a retry safe.';

/** How the service names the terms' fields the client sends under other names. */
export const TERMS_FIELD_NAMES = { 'terms.competence_skill_ids': 'body.terms.competences' };
