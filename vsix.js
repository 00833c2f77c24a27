// `npm run package`: the one .vsix for the Visual Studio Marketplace and Open
// VSX. package.json's `files` decides what the npm package holds (the CLI) and
// .vscodeignore what the .vsix holds (the extension); vsce refuses a folder
// with both, so the extension is staged in .cache/vsix with the manifest
// minus `files`, and packaged there. `--out FILE` names the .vsix; `--no-build`
// packages the dist/ already built (tests).
const { execFileSync } = require('child_process');
const { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('fs');
const path = require('path');

const root = __dirname;
const stage = path.join(root, '.cache', 'vsix');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = path.resolve(outIndex > 0 ? process.argv[outIndex + 1] : path.join(root, `agent-xray-${manifest.version}.vsix`));

if (!process.argv.includes('--no-build')) execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], { cwd: root, stdio: 'inherit' });
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
// .vscodeignore then picks from these what ships; the rest of the repository never reaches the stage.
for (const p of ['dist', 'media', 'docs/rules', 'schemas', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore']) {
  if (existsSync(path.join(root, p))) cpSync(path.join(root, p), path.join(stage, p), { recursive: true, filter: (src) => !src.endsWith('.map') });
}
const { files, scripts, devDependencies, allowScripts, ...rest } = manifest;
writeFileSync(path.join(stage, 'package.json'), JSON.stringify(rest, null, 2) + '\n');
execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
