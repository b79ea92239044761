// Helpers for the keytar integration tests: run keychain-child.ts in its own process, and find
// out (for real, by storing and reading back a value) whether this process can reach a working
// Secret Service.

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export const CHILD_SCRIPT = fileURLToPath(new URL('./keychain-child.ts', import.meta.url));

export const WRAPPED_COMMAND =
  "dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets " +
  ">/dev/null; npx vitest run -c tests/vitest.config.ts tests/electron/services/secrets'";

export type ChildOutput =
  { ok: true; result: unknown } | { ok: false; code: string; message: string };

export interface ChildRun {
  output: ChildOutput | null;
  elapsedMs: number;
  stderr: string;
  exitCode: number | null;
}

/** A keychain service name no real app or other test run uses. */
export function uniqueServiceName(): string {
  return `ICE Media Library (test ${process.pid}-${randomBytes(4).toString('hex')})`;
}

/** Runs `command args...` where the last args are the child script, op and JSON arguments. */
export function runChild(
  op: string,
  args: object,
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; wrapper?: string[] } = {},
): ChildRun {
  const node = [process.execPath, '--import', 'tsx', CHILD_SCRIPT, op, JSON.stringify(args)];
  const [command, ...rest] = [...(options.wrapper ?? []), ...node];
  const started = Date.now();
  const child = spawnSync(command!, rest, {
    env: options.env ?? process.env,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
    cwd: fileURLToPath(new URL('../../../..', import.meta.url)),
  });
  const elapsedMs = Date.now() - started;
  const line = child.stdout
    ?.split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  let output: ChildOutput | null = null;
  if (line) output = JSON.parse(line) as ChildOutput;
  return { output, elapsedMs, stderr: child.stderr ?? '', exitCode: child.status };
}

export type SecretServiceProbe = { available: true } | { available: false; reason: string };

export function probeSecretService(): SecretServiceProbe {
  const run = runChild('probe', { service: uniqueServiceName() }, { timeoutMs: 20_000 });
  if (run.output?.ok) return { available: true };
  if (run.output?.code === 'KEYCHAIN_UNAVAILABLE') {
    return {
      available: false,
      reason: `no Secret Service on this machine: run under dbus-run-session, e.g. ${WRAPPED_COMMAND} (see tests/run-all.mjs)`,
    };
  }
  if (run.output?.code === 'KEYCHAIN_LOCKED') {
    return {
      available: false,
      reason: `the Secret Service's default collection is locked: unlock it or run ${WRAPPED_COMMAND}`,
    };
  }
  const detail = run.output ? run.output.message : run.stderr.trim().split('\n').pop();
  return { available: false, reason: `the Secret Service probe failed: ${detail ?? 'no output'}` };
}

/** Whether a program is on PATH (for the tests that start their own private Secret Service). */
export function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}
