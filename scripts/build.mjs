// Bundles the extension, the language server, the emulator and the command-line tool with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production] [extension|server|emulator|cli ...]
import * as esbuild from 'esbuild';
import { chmodSync, existsSync, readFileSync } from 'node:fs';

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
// A bundle run as a program (its banner is a #! line) is made executable, so ./dist/cli.js runs as is.
const executable = (out) => ({
  name: 'executable',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length === 0 && existsSync(out)) chmodSync(out, 0o755);
    });
  },
});
const bundles = [
  // As a require() (not a native import()), which every extension host loads the same way.
  { name: 'extension', entry: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'], plugins: [lazyApiClient], supported: { 'dynamic-import': false } },
  { name: 'extension', entry: 'core/src/api/client.ts', out: 'dist/api.js', external: [] },
  { name: 'server', entry: 'server/src/server.ts', out: 'dist/server.js', external: [] },
  { name: 'emulator', entry: 'emulator/src/main.ts', out: 'dist/emulator.js', external: [] },
  // One file, run as `npx polytomic-connections` (package.json "bin"); it finds schemas/ above dist/ as the server does.
  {
    name: 'cli',
    entry: 'cli/src/bin.ts',
    out: 'dist/cli.js',
    external: [],
    plugins: [executable('dist/cli.js')],
    banner: { js: '#!/usr/bin/env node' },
    define: { __POLYTOMIC_CLI_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version) },
  },
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
      banner: b.banner,
      define: b.define,
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
