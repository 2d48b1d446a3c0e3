// The committed TypeScript is exactly what the .proto files generate.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const protoRoot = fileURLToPath(new URL('..', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

it('matches the committed generated code, file for file', () => {
  const fresh = mkdtempSync(join(tmpdir(), 'e21-proto-'));
  execFileSync(process.execPath, [join(protoRoot, 'scripts/generate.mjs'), fresh], { stdio: 'pipe' });
  const committed = join(protoRoot, 'src/gen');
  const list = (root: string) =>
    files(root)
      .map((path) => relative(root, path))
      .sort();
  expect(list(fresh)).toEqual(list(committed));
  for (const file of list(committed)) {
    expect({ file, content: readFileSync(join(fresh, file), 'utf8') }).toEqual({
      file,
      content: readFileSync(join(committed, file), 'utf8'),
    });
  }
});
