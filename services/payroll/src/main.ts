// Entrypoint of the payroll service process.
import { runMain } from '@e21/kit';
import { payrollEnv, payrollSpec } from './service.js';

await runMain(payrollSpec, payrollEnv);
