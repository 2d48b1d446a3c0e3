// Generates TypeScript from every .proto file with protoc and ts-proto.
// Usage: node scripts/generate.mjs [outDir]  (default: src/gen, the committed copy)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
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
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
try {
  execFileSync(
    'protoc',
    [
      `--plugin=protoc-gen-ts_proto=${plugin}`,
      `--ts_proto_out=${outDir}`,
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
console.log(`generated ${files.length} proto files into ${relative(process.cwd(), outDir) || '.'}`);
