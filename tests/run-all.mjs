#!/usr/bin/env node
// `npm test`: every suite, with one summary at the end.
//   lint + format | typecheck + build | demo media (lanes at once: each tool is single-threaded,
//   so on two cores they take about the time of the longest lane) -> unit/integration (vitest, inside a real
//   Secret Service when gnome-keyring is installed) -> end-to-end in Chromium (browser preview)
//   -> Electron app suite (skips loudly where the Electron runtime is absent).
// Prints a closing line "N passed, N failed" counted from the runners' JSON reports.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'ice-test-reports-'));
const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;
/** The failed tests' names and the start of their errors, repeated under the summary: CI shows only the end of the log. */
const failures = [];

function firstLines(text) {
  // eslint-disable-next-line no-control-regex
  const plain = String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const lines = plain.split('\n').filter((line) => line.trim() !== '' && !/^\s+at /.test(line));
  return lines
    .slice(0, 4)
    .map((line) => line.trim().slice(0, 200))
    .join('\n      ');
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function step(name, command, args, options = {}) {
  console.log(`\n━━ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const run = spawnSync(command, args, { stdio: 'inherit', ...options });
  const ok = run.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

/**
 * Runs several lanes at once, each a list of [name, command, args] run in order; a lane's output
 * is held and printed whole when the lane ends, so the log reads like the sequential one.
 * Resolves to one boolean per step.
 */
async function lanes(...lanesToRun) {
  const runLane = async (lane) => {
    const oks = [];
    let output = '';
    for (const [name, command, args] of lane) {
      output += `\n━━ ${name}: ${[command, ...args].join(' ')}\n`;
      const started = Date.now();
      const ok = await new Promise((resolve) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.once('error', (error) => {
          output += `${error.message}\n`;
          resolve(false);
        });
        child.once('close', (code) => resolve(code === 0));
      });
      results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
      oks.push(ok);
    }
    process.stdout.write(output);
    return oks;
  };
  return (await Promise.all(lanesToRun.map(runLane))).flat();
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

function countVitest(path) {
  const report = readJson(path);
  if (!report) return false;
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status !== 'failed') continue;
      failures.push({
        name: `${relative(process.cwd(), file.name)} › ${test.fullName}`,
        error: firstLines(test.failureMessages?.[0]),
      });
    }
    if (
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((t) => t.status === 'failed')
    ) {
      failures.push({ name: relative(process.cwd(), file.name), error: firstLines(file.message) });
    }
  }
  return true;
}

function countPlaywright(path, testDir) {
  const report = readJson(path);
  if (!report?.stats) return false;
  passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  failed += report.stats.unexpected ?? 0;
  skipped += report.stats.skipped ?? 0;
  const visit = (suite, titles) => {
    const suiteTitles = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const last = test.results?.at(-1);
        failures.push({
          name: `${testDir}/${spec.file}:${spec.line} › ${[...suiteTitles.slice(1), spec.title].join(' › ')}`,
          error: firstLines(last?.error?.message ?? last?.errors?.[0]?.message ?? last?.status),
        });
      }
    }
    for (const child of suite.suites ?? []) visit(child, suiteTitles);
  };
  for (const suite of report.suites ?? []) visit(suite, []);
  for (const error of report.errors ?? [])
    failures.push({ name: 'playwright', error: firstLines(error.message) });
  return true;
}

const [eslintOk, formatOk, buildOk, nodeTypesOk, webTypesOk, mediaOk] = await lanes(
  [
    ['lint', 'eslint', ['.']],
    ['format', 'prettier', ['--check', '.']],
  ],
  [
    ['build', 'electron-vite', ['build']],
    ['typecheck (node)', 'tsc', ['-p', 'tsconfig.node.json']],
    ['typecheck (web)', 'tsc', ['-p', 'tsconfig.web.json']],
  ],
  [['demo media for the tests', 'tsx', ['tests/support/prepare-demo-media.ts']]],
);
const lintOk = eslintOk && formatOk;
const typesOk = nodeTypesOk && webTypesOk;

// The keychain tests (unit and end-to-end) need a Secret Service: run those steps inside a
// private D-Bus session with an unlocked gnome-keyring when the machine has one. A fresh keyring
// folder each time: a login keyring left from elsewhere, with another password, would stay locked.
const keyringAvailable = hasCommand('dbus-run-session') && hasCommand('gnome-keyring-daemon');
if (!keyringAvailable) {
  console.log(
    '\nNOTE: dbus-run-session or gnome-keyring-daemon is missing, so the tests against the real' +
      ' keychain will skip (install dbus-x11 gnome-keyring, as .ci/run does).',
  );
}

function stepWithKeyring(name, command, args, env = {}) {
  if (!keyringAvailable) return step(name, command, args, { env: { ...process.env, ...env } });
  const keyringHome = mkdtempSync(join(tmpdir(), 'ice-test-keyring-'));
  const inner = `printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec ${command} "$@"`;
  try {
    return step(
      `${name} (D-Bus session with gnome-keyring)`,
      'dbus-run-session',
      ['--', 'sh', '-c', inner, 'sh', ...args],
      {
        env: { ...process.env, ...env, XDG_DATA_HOME: keyringHome },
      },
    );
  } finally {
    rmSync(keyringHome, { recursive: true, force: true });
  }
}

const vitestJson = join(reports, 'vitest.json');
const unitOk = stepWithKeyring('unit + integration', 'vitest', [
  'run',
  '-c',
  'tests/vitest.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
if (!countVitest(vitestJson)) failed += unitOk ? 0 : 1;

// End to end in Debian's Chromium against the browser preview (needs the build above).
const e2eJson = join(reports, 'e2e.json');
let e2eOk = false;
if (!buildOk) {
  console.log('\nSKIP end-to-end: the build failed, so there is no renderer to test.');
  failed += 1;
} else {
  e2eOk = stepWithKeyring(
    'end-to-end (Chromium, browser preview)',
    'playwright',
    ['test', '-c', 'tests/e2e/playwright.config.ts', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
  );
  if (!countPlaywright(e2eJson, 'tests/e2e')) failed += e2eOk ? 0 : 1;
}

// The real Electron app: runs only where the runtime exists; otherwise its suite says why.
const electronJson = join(reports, 'electron.json');
let electronOk = true;
if (existsSync('tests/electron-app/playwright.config.ts') && buildOk) {
  electronOk = step(
    'Electron app (Playwright _electron)',
    'playwright',
    ['test', '-c', 'tests/electron-app/playwright.config.ts', '--reporter=list,json'],
    {
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: electronJson },
    },
  );
  if (!countPlaywright(electronJson, 'tests/electron-app')) failed += electronOk ? 0 : 1;
}

rmSync(reports, { recursive: true, force: true });
const allOk = lintOk && typesOk && buildOk && mediaOk && unitOk && e2eOk && electronOk;

console.log('\n━━ Summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
if (failures.length > 0) {
  console.log('\nfailed:');
  for (const f of failures) console.log(`  ✘ ${f.name}\n      ${f.error}`);
}
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(allOk && failed === 0 ? 0 : 1);
