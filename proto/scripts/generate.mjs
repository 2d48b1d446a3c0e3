// Generates TypeScript from every .proto file with protoc and ts-proto.
// Usage: node scripts/generate.mjs [outDir]  (default: src/gen, the committed copy)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const protoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(protoRoot, 'src/gen'));
const plugin = resolve(protoRoot, '..', 'node_modules/.bin/protoc-gen-ts_proto');

export const tsProtoOptions = [
  'outputServices=grpc-js',
  'esModuleInterop=true',
  'forceLong=bigint',
  'useDate=string',
  'stringEnums=true',
  'useOptionals=messages',
  'importSuffix=.js',
  'env=node',
  'outputJsonMethods=true',
  'useExactTypes=false',
];

function protoFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return protoFiles(path);
    return name.endsWith('.proto') ? [relative(protoRoot, path)] : [];
  });
}

const files = ['e21', 'grpc'].flatMap((top) => protoFiles(join(protoRoot, top))).sort();
// Generated into a fresh folder, then copied over file by file: the output folder is never half-empty.
const staging = mkdtempSync(join(tmpdir(), 'e21-proto-'));
try {
  execFileSync(
    'protoc',
    [
      `--plugin=protoc-gen-ts_proto=${plugin}`,
      `--ts_proto_out=${staging}`,
      `--ts_proto_opt=${tsProtoOptions.join(',')}`,
      `--proto_path=${protoRoot}`,
      ...files,
    ],
    { stdio: 'inherit' },
  );
} catch (error) {
  if (error.code === 'ENOENT') {
    console.error('protoc is missing: install it with "apt-get install -y protobuf-compiler"');
    process.exit(1);
  }
  throw error;
}
syncFolder(staging, outDir);
rmSync(staging, { recursive: true, force: true });
console.log(`generated ${files.length} proto files into ${relative(process.cwd(), outDir) || '.'}`);

/** Makes `target` hold exactly the files of `source`, writing only those that changed. */
function syncFolder(source, target) {
  const wanted = new Set(listFiles(source));
  for (const file of wanted) {
    const content = readFileSync(join(source, file));
    const destination = join(target, file);
    if (existsSync(destination) && readFileSync(destination).equals(content)) continue;
    mkdirSync(dirname(destination), { recursive: true });
    writeFileSync(destination, content);
  }
  if (!existsSync(target)) return;
  for (const file of listFiles(target)) if (!wanted.has(file)) rmSync(join(target, file));
}

function listFiles(root, dir = root) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path)];
  });
}
