// The large demo's hours through the timesheets gRPC API: each person logs their entries, oldest
// first; their project's coordinator approves or rejects them as the plan says (the rest wait in
// the validation queue); then each office closes its past months, oldest first, carrying last
// month's waiting entries. Approvals feed contracts, currency and payroll through their events.
import { TimesheetsServiceService } from '@e21/proto/e21/timesheets/v1/timesheets';
import { as, clientOf, inParallel, type Targets } from '../world.js';
import type { LargePlan, LoadedIds, PlannedEntry } from './plan.js';

const REJECTION = 'Il n’y avait pas de chantier ce jour-là : pouvez-vous vérifier la date ?';

export async function loadHours(targets: Targets, plan: LargePlan, loaded: LoadedIds, width: number): Promise<void> {
  const timesheets = clientOf(TimesheetsServiceService, targets, 'timesheets', 60_000);
  const byPerson = new Map<number, PlannedEntry[]>();
  for (const entry of plan.entries) byPerson.set(entry.person, [...(byPerson.get(entry.person) ?? []), entry]);
  try {
    await inParallel([...byPerson.values()], width, async (entries) => {
      const personId = loaded.people[entries[0]!.person]!;
      const decided: Record<'approved' | 'rejected', { entryId: string; version: number }[]> = { approved: [], rejected: [] };
      for (const entry of entries) {
        const submitted = await timesheets.submitEntry(
          {
            entry: {
              contractId: loaded.contracts[entry.contract]!,
              projectId: loaded.projects[entry.project]!.id,
              date: entry.date,
              minutes: BigInt(entry.minutes),
              competenceId: entry.competence,
              note: entry.note,
            },
            idempotencyKey: `large-demo-${entry.date}-${entry.minutes}`,
          },
          as(personId),
        );
        if (entry.fate !== 'pending') decided[entry.fate].push({ entryId: submitted.id, version: submitted.version });
      }
      // One project per person: its coordinator decides all of their entries at once.
      const coordinator = as(loaded.people[plan.projects[entries[0]!.project]!.coordinator]!);
      if (decided.approved.length) await timesheets.approveEntries({ entries: decided.approved, reason: '' }, coordinator);
      if (decided.rejected.length) await timesheets.rejectEntries({ entries: decided.rejected, reason: REJECTION }, coordinator);
    });

    const byLocality = new Map<number, LargePlan['closes']>();
    for (const close of plan.closes) byLocality.set(close.locality, [...(byLocality.get(close.locality) ?? []), close]);
    await inParallel([...byLocality.values()], width, async (closes) => {
      for (const close of closes) {
        await timesheets.closePeriod(
          { territoryId: plan.localities[close.locality]!.id, month: close.month, carryPending: close.carryPending },
          as(loaded.people[close.officer]!),
        );
      }
    });
  } finally {
    timesheets.close();
  }
}
