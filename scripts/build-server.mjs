// Bundles the server and CLI (TypeScript) into dist/server/main.mjs with esbuild.
// npm packages stay external: they are installed next to it.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: start from an empty directory so old chunks do not pile up.
rmSync('dist/server', { recursive: true, force: true });

// The MMU and parse workers are entries of their own: worker threads load a file.
await build({
  entryPoints: { main: 'server/cli/entry.ts', 'mmu-worker': 'server/model/mmu/mmu-worker.ts', 'parse-worker': 'server/trace/pipeline/parse-worker.ts' },
  outdir: 'dist/server',
  outExtension: { '.js': '.mjs' },
  // Chunks: the commands that need no server load no Fastify.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // npm packages are bundled too (their CommonJS code gets a real `require` from the banner):
  // Fastify, @fastify/static and their dependencies then load from one file each, without
  // resolving ~150 modules: the app chunk's import took 78-83 ms and 10 MB of RSS instead of
  // 113-141 ms and 16 MB.
  // `open` stays outside: it runs the xdg-open script it ships next to its own file. So do the
  // packages Fastify requires only when asked to: its schema compilers (server/api/app.ts gives
  // its own, so Ajv and fast-json-stringify never load) and light-my-request (inject, for tests):
  // the app chunk is then 1.16 MB instead of 1.88, which V8 compiles on every start.
  external: ['open', '@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler', 'light-my-request'],
  banner: { js: "import { createRequire as __gtvCreateRequire } from 'node:module'; const require = __gtvCreateRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
