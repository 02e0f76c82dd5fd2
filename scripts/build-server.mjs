// Bundles the server and CLI (TypeScript) into dist/server/main.mjs with esbuild.
// npm packages stay external: they are installed next to it.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/cli/entry.ts'],
  outfile: 'dist/server/main.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
