// Starts tests/bench/demo-server-process.ts as a child process and waits for its address.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface BenchServer {
  url: string;
  port: number;
  /** CPU time (user + system) the server process has used so far. */
  cpuMs(): Promise<number>;
  close(): Promise<void>;
}

export async function startBenchServer(options: Record<string, unknown>): Promise<BenchServer> {
  const child: ChildProcess = spawn(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    [join(ROOT, 'tests', 'bench', 'demo-server-process.ts'), JSON.stringify(options)],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const address = await new Promise<{ url: string; port: number }>((done, fail) => {
    lines.once('line', (line) => done(JSON.parse(line) as { url: string; port: number }));
    child.once('exit', (code) => fail(new Error(`demo server process exited (${code})`)));
  });
  return {
    ...address,
    cpuMs: () =>
      new Promise<number>((done) => {
        lines.once('line', (line) => done((JSON.parse(line) as { cpuMs: number }).cpuMs));
        child.stdin!.write('cpu\n');
      }),
    close: () =>
      new Promise<void>((done) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(timer);
          done();
        });
        child.stdin!.end();
      }),
  };
}
