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
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
