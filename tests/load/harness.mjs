// Runs a k6 script's setup and a few iterations in Node, with stand-ins for the k6 modules, so the
// scenario logic is tested where no k6 binary can be installed. Run it in its own process (the
// stand-in for k6/http blocks like k6 does): node tests/load/harness.mjs <script.js> [iterations]
// with the script's variables in the environment; prints { options, checks } as JSON.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const shim = (name) => fileURLToPath(new URL(`./shim/${name}.mjs`, import.meta.url));
const [script, iterations = '3'] = process.argv.slice(2);

const source = (await readFile(fileURLToPath(new URL(`./k6/${script}`, import.meta.url)), 'utf8'))
  .replace(/from 'k6\/http'/g, `from '${shim('http')}'`)
  .replace(/from 'k6\/encoding'/g, `from '${shim('encoding')}'`)
  .replace(/from 'k6'/g, `from '${shim('k6')}'`);
const file = join(await mkdtemp(join(tmpdir(), 'e21-k6-')), script.replace(/\.js$/, '.mjs'));
globalThis.__ENV = process.env;
await writeFile(file, source);
const module = await import(file);
const { results } = await import(shim('k6'));
const data = module.setup?.();
for (let i = 0; i < Number(iterations); i++) module.default(data);
process.stdout.write(JSON.stringify({ options: module.options, checks: results }));
