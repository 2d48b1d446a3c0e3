// Entrypoint of the timesheets service process.
import { runMain } from '@e21/kit';
import { timesheetsEnv, timesheetsSpec } from './service.js';

await runMain(timesheetsSpec, timesheetsEnv);
