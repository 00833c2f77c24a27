// Builds dist/: one esbuild context per entry point; --production minifies, --watch rebuilds.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = [
  { entryPoints: ['src/cli/index.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js' },
  { entryPoints: ['bench/corpus.ts'], outfile: 'dist/corpus.js' },
  { entryPoints: ['src/engine/scan.ts'], outfile: 'dist/engine.js' },
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  { entryPoints: ['src/extension/worker.ts'], outfile: 'dist/worker.js' },
  { entryPoints: ['src/scanner/engineWorker.ts'], outfile: 'dist/engineWorker.js' },
];

async function main() {
  const contexts = await Promise.all(entries.map((e) => esbuild.context({
    ...e,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    // jsonc-parser's default (UMD) build requires its parts at run time; its ESM build bundles.
    mainFields: ['module', 'main'],
    external: ['vscode'],
    logLevel: 'warning',
  })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
