// Makes sure Electron's runtime is on disk before electron-vite needs it.
//
// Since Electron 42 the `electron` package has no install script: the binary is downloaded the
// first time its index.js or its installer (`install.js`, also `npx install-electron`) runs.
// electron-vite 6 does neither: it reads node_modules/electron/path.txt itself and throws
// "Electron uninstall" when the file is missing. So `npm start` and `npm run dev` run Electron's
// own installer first (it does nothing when the binary is there), show progress while it
// downloads, and turn a failure into plain words instead of a stack trace.
//
// The check here is the installer's own `isInstalled()`, so "installed" means exactly what
// Electron means by it. The Playwright `_electron` suite uses the same check and the same words.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export type ElectronRuntime =
  | { ok: true; executablePath: string; version: string }
  | { ok: false; reason: string; version: string | null };

/** The executable inside dist/, as Electron's installer names it per platform. */
export function platformExecutable(platform: string = process.platform): string {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    default:
      return 'electron';
  }
}

/** node_modules/electron of this checkout, found without loading it (its index.js downloads). */
export function electronPackageDir(from: string = import.meta.url): string | null {
  try {
    return dirname(createRequire(from).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function packageVersion(packageDir: string): string | null {
  const text = readText(join(packageDir, 'package.json'));
  if (text === null) return null;
  try {
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : null;
  } catch {
    return null;
  }
}

export interface FindOptions {
  /** node_modules/electron; found from this file by default. */
  packageDir?: string | null;
  env?: NodeJS.ProcessEnv;
  platform?: string;
}

/** Mirrors install.js's isInstalled(): the right version, path.txt, and the executable. */
export function findElectronRuntime(options: FindOptions = {}): ElectronRuntime {
  const env = options.env ?? process.env;
  const packageDir = options.packageDir === undefined ? electronPackageDir() : options.packageDir;
  if (packageDir === null) {
    return { ok: false, version: null, reason: 'the electron npm package is not installed' };
  }
  const version = packageVersion(packageDir);
  if (version === null) {
    return { ok: false, version, reason: `${packageDir}/package.json cannot be read` };
  }
  const expected = platformExecutable(env['ELECTRON_INSTALL_PLATFORM'] ?? options.platform);
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override) {
    const executablePath = join(override, expected);
    return existsSync(executablePath)
      ? { ok: true, version, executablePath }
      : {
          ok: false,
          version,
          reason: `ELECTRON_OVERRIDE_DIST_PATH names ${executablePath}, which does not exist`,
        };
  }
  const installedVersion = readText(join(packageDir, 'dist', 'version'))
    ?.trim()
    .replace(/^v/, '');
  const pathText = readText(join(packageDir, 'path.txt'));
  if (installedVersion !== version || pathText !== expected) {
    return {
      ok: false,
      version,
      reason:
        pathText === null
          ? `Electron ${version}'s runtime has not been downloaded yet (no ${join(packageDir, 'path.txt')})`
          : `the downloaded runtime does not match Electron ${version} for this platform`,
    };
  }
  const executablePath = join(packageDir, 'dist', pathText);
  return existsSync(executablePath)
    ? { ok: true, version, executablePath }
    : { ok: false, version, reason: `${executablePath} does not exist` };
}

/** Where the installer downloads from, in words. */
export function downloadSource(env: NodeJS.ProcessEnv = process.env): string {
  const mirror = env['ELECTRON_MIRROR'] ?? env['npm_config_electron_mirror'];
  return mirror ? `the mirror in ELECTRON_MIRROR (${mirror})` : "Electron's releases on GitHub";
}

/** What to do about a missing runtime: the same words for `npm start` and the test suites. */
export function runtimeAdvice(): string {
  return [
    "The Electron runtime is downloaded once, on the first `npm start`, from Electron's releases",
    'on GitHub, or from a mirror named in ELECTRON_MIRROR. Where GitHub is slow or blocked (as it',
    'often is in mainland China), use a mirror:',
    '    ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
    'Behind a proxy, also set ELECTRON_GET_USE_PROXY=true and HTTPS_PROXY.',
    'Meanwhile `npm run dev:browser` shows the same app in Chromium.',
  ].join('\n');
}

/** The installer's failure, in a phrase, from its stderr (which ends in a stack trace). */
export function describeInstallerFailure(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim());
  const errorLine = lines.find((line) => /^[A-Za-z]*Error\b.*?:/.test(line));
  const message = errorLine?.replace(/^[A-Za-z]*Error\b[^:]*:\s*/, '') ?? '';
  const http = /Response code (\d{3})(?: \(([^)]*)\))?/.exec(message);
  if (http) {
    return `the server answered HTTP ${http[1]}${http[2] ? ` (${http[2]})` : ''}`;
  }
  if (/fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network/i.test(message)) {
    return 'no connection could be made (no network, a blocked host, or a proxy in the way)';
  }
  if (/checksum/i.test(message)) return 'the downloaded file failed its checksum';
  if (/ENOSPC/.test(message)) return 'the disk is full';
  if (/EACCES|EPERM/.test(message))
    return 'permission was denied writing into node_modules/electron';
  if (message !== '') return message.slice(0, 300);
  const last = lines.filter((line) => line !== '' && !line.startsWith('at ')).pop();
  return last ? last.slice(0, 300) : 'the installer stopped without saying why';
}

function folderBytes(dir: string): number {
  let total = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    try {
      if (entry.isDirectory()) total += folderBytes(path);
      else if (entry.isFile()) total += statSync(path).size;
    } catch {
      // A file the installer just moved or removed.
    }
  }
  return total;
}

const megabytes = (bytes: number): string => `${(bytes / 1_000_000).toFixed(1)} MB`;

export interface EnsureOptions extends FindOptions {
  /** Progress and outcome lines (stdout). */
  out?: (text: string) => void;
  /** The failure in plain words (stderr). */
  err?: (text: string) => void;
  /** True when `out` is a terminal: progress rewrites one line instead of adding lines. */
  interactive?: boolean;
  /** How often progress is printed, in ms. */
  progressEveryMs?: number;
}

/**
 * Runs Electron's installer when the runtime is missing. Resolves to the runtime, or to a
 * failure after printing what failed and what to do.
 */
export async function ensureElectronRuntime(options: EnsureOptions = {}): Promise<ElectronRuntime> {
  const env = options.env ?? process.env;
  const out = options.out ?? ((text: string) => process.stdout.write(text));
  const err = options.err ?? ((text: string) => process.stderr.write(text));
  const packageDir = options.packageDir === undefined ? electronPackageDir() : options.packageDir;
  const found = findElectronRuntime({ ...options, packageDir, env });
  if (found.ok || packageDir === null || found.version === null) {
    if (!found.ok)
      err(`\nICE Media Library cannot start: ${found.reason}.\nRun \`npm install\` first.\n`);
    return found;
  }

  const version = found.version;
  const started = Date.now();
  out(
    `Electron ${version}'s runtime is not installed yet: downloading it once from ${downloadSource(env)}…\n`,
  );

  // The installer downloads into the system temp folder; a private one lets us watch it grow.
  const watchDir = mkdtempSync(join(tmpdir(), 'ice-electron-install-'));
  const child = spawn(process.execPath, [join(packageDir, 'install.js')], {
    cwd: packageDir,
    env: { ...env, TMPDIR: watchDir, TEMP: watchDir, TMP: watchDir, ELECTRON_GET_NO_PROGRESS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 64 * 1024) stderr += chunk;
  });
  child.stdout.resume();

  const interactive = options.interactive ?? false;
  let lastLine = '';
  const progress = setInterval(
    () => {
      const seconds = Math.round((Date.now() - started) / 1000);
      const line = `  downloading Electron ${version}: ${megabytes(folderBytes(watchDir))} so far, ${seconds} s`;
      if (line === lastLine) return;
      lastLine = line;
      out(interactive ? `\r${line}` : `${line}\n`);
    },
    options.progressEveryMs ?? (interactive ? 500 : 5000),
  );

  const exit = await new Promise<{ code: number | null; error: Error | null }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, error }));
    child.once('close', (code) => resolve({ code, error: null }));
  });
  clearInterval(progress);
  if (interactive && lastLine !== '') out('\n');
  rmSync(watchDir, { recursive: true, force: true });

  const after = findElectronRuntime({ ...options, packageDir, env });
  if (exit.code === 0 && after.ok) {
    out(
      `Electron ${version}'s runtime is installed (${((Date.now() - started) / 1000).toFixed(1)} s).\n`,
    );
    return after;
  }
  const what =
    exit.error !== null
      ? `the installer could not be started (${exit.error.message})`
      : exit.code === 0
        ? `the installer finished, but ${after.ok ? '' : after.reason}`
        : describeInstallerFailure(stderr);
  err(
    `\nICE Media Library cannot start: the Electron runtime is missing and downloading it failed.\n` +
      `  What failed: downloading Electron ${version} from ${downloadSource(env)}: ${what}.\n\n` +
      `${runtimeAdvice()}\n`,
  );
  return { ok: false, version, reason: what };
}
