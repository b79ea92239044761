// Runs the CLI for tests, with a minimal environment, stdin piped in (and closed) and its own data
// folder and keychain service name, so a test never reads or changes a developer's real settings
// or keychain entry.
//   cli()         in-process through runCli(argv, io), the entry point main.ts wraps: fast, so
//                 the many cases of the CLI's behaviour use it.
//   cliProcess()  a real subprocess (tsx electron/cli/main.ts): the few smoke tests of what only
//                 a process has (exit status, stdio, the environment keytar sees).

import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../electron/cli/main';

export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
export const CLI_SCRIPT = 'electron/cli/main.ts';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  elapsedMs: number;
}

export interface CliOptions {
  /** Extra variables; `undefined` removes one inherited from the base environment. */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed (always closed, so nothing waits for input). */
  input?: string;
  timeoutMs?: number;
}

/** A keychain service name that no app build or other test run uses. */
export function uniqueKeychainService(): string {
  return `ICE Media Library (cli test ${process.pid}-${randomBytes(4).toString('hex')})`;
}

/** The variables every run gets: PATH and HOME, plus the D-Bus session so keytar can reach it. */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
  };
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'DISPLAY']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

function environment(options: CliOptions): Record<string, string> {
  const env: Record<string, string> = baseEnv();
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Variables that only a new process can change (the keychain binding reads them itself). */
const PROCESS_ONLY = ['DBUS_SESSION_BUS_ADDRESS', 'XDG_RUNTIME_DIR', 'DISPLAY'];

/** The CLI in this process, as main.ts runs it, with stdout and stderr captured. */
export async function cli(args: string[], options: CliOptions = {}): Promise<Run> {
  const processOnly = Object.keys(options.env ?? {}).filter((name) => PROCESS_ONLY.includes(name));
  if (processOnly.length > 0) {
    throw new Error(
      `${processOnly.join(', ')} take effect only in a new process: use cliProcess().`,
    );
  }
  const stdout: string[] = [];
  const stderr: string[] = [];
  const started = Date.now();
  const code = await runCli(args, {
    out: (line) => stdout.push(`${line}\n`),
    err: (line) => stderr.push(`${line}\n`),
    env: environment(options),
    secrets: {
      stream: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
      prompt: new PassThrough(),
    },
  });
  return {
    code,
    stdout: stdout.join(''),
    stderr: stderr.join(''),
    elapsedMs: Date.now() - started,
  };
}

/** The CLI as a user runs it: a real subprocess. */
export function cliProcess(args: string[], options: CliOptions = {}): Promise<Run> {
  const env = environment(options);
  const started = Date.now();
  return new Promise((done) => {
    const child = execFile(
      TSX,
      [CLI_SCRIPT, ...args],
      { cwd: ROOT, env, timeout: options.timeoutMs ?? 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr, elapsedMs: Date.now() - started });
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}

/** Files under `dir` (recursively; none when it does not exist) whose content includes `needle`. */
export async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  const hits: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path, 'utf8')).includes(needle)) hits.push(path);
  }
  return hits;
}
