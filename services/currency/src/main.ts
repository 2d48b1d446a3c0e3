// Entrypoint of the currency service process.
import { runMain } from '@e21/kit';
import { currencyEnv, currencySpec } from './service.js';

await runMain(currencySpec, currencyEnv);
