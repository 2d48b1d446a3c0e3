// Every integration and end-to-end test file calls services as the "test" workload of the run's secrets.
import { registerTestCredentials } from '@e21/devinfra';

registerTestCredentials();
