// Entrypoint of the contracts service process.
import { runMain } from '@e21/kit';
import { contractsEnv, contractsSpec } from './service.js';

await runMain(contractsSpec, contractsEnv);
