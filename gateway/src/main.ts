// Entrypoint of the gateway process.
import { exitOnConfigError, loadConfig, shutdownTelemetry } from '@e21/kit';
import { gatewayEnv, type GatewayConfig } from './config.js';
import { startGateway } from './gateway.js';

let config: GatewayConfig;
try {
  config = loadConfig(gatewayEnv);
} catch (error) {
  exitOnConfigError(error);
}
const gateway = await startGateway(config);
const shutdown = (signal: string) => {
  gateway.logger.info({ signal }, 'shutdown requested');
  void gateway
    .stop()
    .then(() => shutdownTelemetry())
    .then(() => process.exit(0));
};
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
