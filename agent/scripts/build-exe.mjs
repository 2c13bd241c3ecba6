// Builds the agent as one executable file: the agent bundled into one CommonJS script, injected
// into a copy of this Node binary as a single executable application (node --experimental-sea-config
// and postject). Nothing is downloaded: the Node binary is the one running this script.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'postject';

const agentDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(agentDir, 'dist-exe');
const bundle = path.join(outDir, 'steward-agent.cjs');
const blob = path.join(outDir, 'steward-agent.blob');
const executable = path.join(outDir, process.platform === 'win32' ? 'steward-agent.exe' : 'steward-agent');

/** The sentinel Node looks for to know it carries an application (see Node's single-executable documentation). */
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

/** Resolves zod's locale list to the English locale alone (see zod-english-only.mjs). */
const englishOnly = {
  name: 'zod-english-only',
  setup(builder) {
    builder.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      (args.importer.includes(`${path.sep}zod${path.sep}`) ? { path: path.join(agentDir, 'scripts/zod-english-only.mjs') } : undefined));
  },
};

await build({
  entryPoints: [path.join(agentDir, 'src/cli.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: bundle,
  // The agent imports the wire schemas alone (@steward/shared/protocol), read from their sources.
  conditions: ['steward-source'],
  // systeminformation serves only platforms without collectors of their own (macOS, BSD), and is
  // loaded only there; an executable built elsewhere cannot run there anyway.
  external: process.platform === 'darwin' || process.platform === 'freebsd' ? [] : ['systeminformation'],
  plugins: [englishOnly],
  // ws would try its optional native helpers, which an executable cannot carry; it does without them.
  define: { 'process.env.WS_NO_BUFFER_UTIL': '"1"', 'process.env.WS_NO_UTF_8_VALIDATE': '"1"' },
  legalComments: 'none',
  minify: true,
  logLevel: 'warning',
});

writeFileSync(path.join(outDir, 'sea-config.json'), JSON.stringify({
  main: bundle,
  output: blob,
  disableExperimentalSEAWarning: true,
  useCodeCache: true,
}));
execFileSync(process.execPath, ['--experimental-sea-config', path.join(outDir, 'sea-config.json')], { stdio: 'inherit' });

copyFileSync(process.execPath, executable);
if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', executable]);
await inject(executable, 'NODE_SEA_BLOB', readFileSync(blob), {
  sentinelFuse: FUSE,
  machoSegmentName: process.platform === 'darwin' ? 'NODE_SEA' : undefined,
});
if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', executable]);

rmSync(blob);
console.log(`${path.relative(process.cwd(), executable)}: ${(statSync(executable).size / 1048576).toFixed(1)} MB`);
