// Bundles the extension, the language server and the emulator with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production] [extension|server|emulator ...]
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
// The API client (and undici, half of the extension's code) is a bundle of its own, loaded on the first API call:
// activation then compiles and runs only what it needs. The extension's `import('<...>/core/src/api/client.js')` is pointed at it.
const lazyApiClient = {
  name: 'lazy-api-client',
  setup(build) {
    build.onResolve({ filter: /\/core\/src\/api\/client(\.js)?$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './api.js', external: true } : undefined));
  },
};
const bundles = [
  // As a require() (not a native import()), which every extension host loads the same way.
  { name: 'extension', entry: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'], plugins: [lazyApiClient], supported: { 'dynamic-import': false } },
  { name: 'extension', entry: 'core/src/api/client.ts', out: 'dist/api.js', external: [] },
  { name: 'server', entry: 'server/src/server.ts', out: 'dist/server.js', external: [] },
  { name: 'emulator', entry: 'emulator/src/main.ts', out: 'dist/emulator.js', external: [] },
].filter((b) => only.length === 0 || only.includes(b.name));

const contexts = [];
for (const b of bundles) {
  if (!existsSync(b.entry)) continue;
  contexts.push(
    await esbuild.context({
      entryPoints: [b.entry],
      outfile: b.out,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      // jsonc-parser's UMD main loads its parts through a dynamic require that a bundle cannot follow; its ESM build bundles.
      mainFields: ['module', 'main'],
      external: b.external,
      plugins: b.plugins ?? [],
      supported: b.supported,
      sourcemap: production ? false : 'linked',
      minify: production,
      logLevel: 'warning',
    }),
  );
}

if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  for (const c of contexts) {
    await c.rebuild();
    await c.dispose();
  }
}
