// The payroll demo: the timesheets demo closed Marseille's last month, so its forms are issued by
// the payroll service itself (never here); the currency demo then paid the hours that waited for a
// currency, which issues their second version with the pay. The demo waits for both, so that
// Amina, Jeanne and Léa find their forms, and saves Calanques Solaire's French column layout as Claire
// (French headers and competence groups, one column per group whatever each employee's language).
import type { ServiceClient } from '@e21/kit';
import { ExportSeparator, PayrollServiceService, RunStatus } from '@e21/proto/e21/payroll/v1/payroll';
import { as, clientOf, SYSTEM, waitUntil, type DemoWorld, type Targets } from './world.js';

type PayrollClient = ServiceClient<typeof PayrollServiceService>;

/** How long the demo waits for the issuing runs of the closed month. */
const ISSUING_WAIT_MS = 60_000;

/** Waits until the territory's month has a run and none is running (the close's, then late pay's); false if it never settles. */
function issued(payroll: PayrollClient, territoryId: string, month: string): Promise<boolean> {
  let settledSince = 0;
  return waitUntil(async () => {
    const { runs } = await payroll.listRuns({ territoryId, month, limit: 0 }, SYSTEM);
    const settled = runs.length > 0 && runs.every((r) => r.status === RunStatus.RUN_STATUS_COMPLETED);
    if (!settled) settledSince = 0;
    // Late payments start their runs a couple of seconds after the credits: settled means settled for a while.
    return settled && (settledSince ||= Date.now()) < Date.now() - 4000;
  }, ISSUING_WAIT_MS);
}

/** `now` is the demo's today. */
export async function seedPayrollDemo(targets: Targets, demo: DemoWorld, now = new Date()): Promise<void> {
  const payroll = clientOf(PayrollServiceService, targets, 'payroll');
  const { people, organizations, territories } = demo;
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  try {
    if (!(await issued(payroll, territories.marseille, lastMonth)))
      console.warn(`payroll demo: the forms of ${lastMonth} in Marseille were not all issued within ${ISSUING_WAIT_MS / 1000} s`);
    await payroll.setExportLayout(
      {
        organizationId: organizations.calanquesSolaire,
        layout: {
          columns: [
            { key: 'employee_reference', header: 'Matricule' },
            { key: 'person_name', header: 'Nom' },
            { key: 'sar_hours', header: 'Heures DAS' },
            { key: 'competence_groups', header: 'Heures ' },
            { key: 'currency_credited', header: 'Écus crédités' },
            { key: 'form_id', header: 'Formulaire' },
          ],
          separator: ExportSeparator.EXPORT_SEPARATOR_SEMICOLON,
          decimalComma: true,
          // Chosen, although French is already its default (a company in France): the groups' columns are French whoever the employee.
          language: 'fr',
        },
        expectedVersion: 0,
      },
      as(people.claire.id),
    );
  } finally {
    payroll.close();
  }
}
