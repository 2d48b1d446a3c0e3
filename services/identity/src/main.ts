// Entrypoint of the identity service process.
import { runMain } from '@e21/kit';
import { identityEnv, identitySpec } from './service.js';

await runMain(identitySpec, identityEnv);
