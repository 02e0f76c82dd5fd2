// Bundles the server and CLI (TypeScript) into dist/server/main.mjs with esbuild.
// npm packages stay external: they are installed next to it.
import { build } from 'esbuild';

// The MMU worker is its own entry: worker threads load a file.
await build({
  entryPoints: { main: 'server/cli/entry.ts', 'mmu-worker': 'server/model/mmu/mmu-worker.ts' },
  outdir: 'dist/server',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
