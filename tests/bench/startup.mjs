// Time from start to ready of the local stack (what npm start runs after its build step):
// cold = a new data directory (initdb, migrations, demo data); warm = the same directory again.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePorts, newDataDir, timedStart } from './support.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rounds = Number(process.env.ROUNDS ?? 3);
const results = { cold: [], warm: [] };

for (let round = 0; round < rounds; round++) {
  const dataDir = await newDataDir();
  const ports = await freePorts();
  const cold = await timedStart(dataDir, ports);
  results.cold.push(cold.seconds);
  await cold.stack.stop();
  const warm = await timedStart(dataDir, ports);
  results.warm.push(warm.seconds);
  await warm.stack.stop();
}

const buildStarted = performance.now();
spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'ignore' });
const buildSeconds = (performance.now() - buildStarted) / 1000;

const summary = (values) => `median ${median(values).toFixed(2)} s (runs: ${values.map((v) => v.toFixed(2)).join(', ')})`;
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
console.log(`cold start to ready: ${summary(results.cold)}`);
console.log(`warm start to ready: ${summary(results.warm)}`);
console.log(`npm start's build step with nothing changed: ${buildSeconds.toFixed(2)} s`);
