// Entrypoint of the programs service process.
import { runMain } from '@e21/kit';
import { programsEnv, programsSpec } from './service.js';

await runMain(programsSpec, programsEnv);
