// The README's first command, end to end: the real `npm start` pipeline (ensure the runtime ->
// electron-vite build -> electron-vite preview) in a copy of the project whose Electron installer
// is a stand-in, and the same pipeline with Electron's real installer failing to download.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installStandInInstaller, makeProjectCopy } from './project-copy';
import type { ProjectCopy } from './project-copy';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npmRun(script: 'start' | 'dev', cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(NPM, ['run', script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  // What the test runner or a developer's shell may have set would change the pipeline.
  for (const name of [
    'ELECTRON_OVERRIDE_DIST_PATH',
    'ELECTRON_EXEC_PATH',
    'ELECTRON_RUN_AS_NODE',
    'ELECTRON_MIRROR',
    'ELECTRON_RENDERER_URL',
    'NODE_OPTIONS',
    'VITEST',
    'VITEST_POOL_ID',
    'VITEST_WORKER_ID',
  ]) {
    delete env[name];
  }
  return { ...env, ...extra };
}

/** A loopback port with nothing listening: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const posixOnly = process.platform === 'win32' ? describe.skip : describe;
if (process.platform === 'win32') {
  console.warn('SKIP npm start path: the stand-in Electron runtime is a POSIX shell script.');
}

posixOnly('npm start with a stand-in Electron runtime', () => {
  let project: ProjectCopy;
  let log: string;
  const logLines = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);

  beforeAll(() => {
    project = makeProjectCopy();
    installStandInInstaller(project.electronDir);
    log = join(project.root, 'stand-in.log');
  });
  afterAll(() => project?.remove());

  it('runs the installer, builds, then launches the runtime on the built main entry', async () => {
    const run = await npmRun('start', project.root, cleanEnv({ ICE_STANDIN_LOG: log }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('runtime is not installed yet: downloading it once');
    expect(run.stdout).toMatch(/runtime is installed \(\d+\.\d s\)/);
    // The installer ran first; the runtime it wrote was then launched in the project folder,
    // with "." so Electron loads package.json's main.
    expect(logLines()).toEqual(['installer', `launch ${project.root} .`]);
    const main = (
      JSON.parse(readFileSync(join(project.root, 'package.json'), 'utf8')) as {
        main: string;
      }
    ).main;
    expect(main).toBe('out/main/index.js');
    expect(existsSync(join(project.root, main))).toBe(true);
    expect(existsSync(join(project.root, 'out/preload/index.cjs'))).toBe(true);
    expect(existsSync(join(project.root, 'out/renderer/index.html'))).toBe(true);
  }, 300_000);

  // The second start is `npm run dev`: both scripts run the same runtime check first, and a
  // second `npm start` would only repeat the build (15 s on a loaded machine) to prove the same.
  it('a second start (npm run dev) uses the same runtime without running the installer again', async () => {
    const run = await npmRun('dev', project.root, cleanEnv({ ICE_STANDIN_LOG: log }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('downloading');
    expect(run.stdout).toContain('dev server running for the electron renderer');
    expect(logLines()).toEqual([
      'installer',
      `launch ${project.root} .`,
      `launch ${project.root} .`,
    ]);
  }, 300_000);
});

describe('npm start where Electron cannot be downloaded', () => {
  let project: ProjectCopy;
  beforeAll(() => {
    project = makeProjectCopy();
  });
  afterAll(() => project?.remove());

  it("stops at once with plain words and a non-zero exit, using Electron's real installer", async () => {
    const mirror = `http://127.0.0.1:${await closedPort()}/`;
    const cache = join(project.root, 'electron-cache'); // empty: nothing cached to fall back on
    const run = await npmRun(
      'start',
      project.root,
      cleanEnv({ ELECTRON_MIRROR: mirror, electron_config_cache: cache }),
    );
    console.log(`failing start took ${run.ms} ms`);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      'ICE Media Library cannot start: the Electron runtime is missing and downloading it failed.',
    );
    expect(run.stderr).toContain(`from the mirror in ELECTRON_MIRROR (${mirror})`);
    expect(run.stderr).toContain('no connection could be made');
    expect(run.stderr).toContain('ELECTRON_MIRROR=');
    expect(run.stderr).toContain('npm run dev:browser');
    // No stack trace: no "    at fn (file:line)" frames, no raw error class dump.
    expect(run.stderr).not.toMatch(/^\s+at\s/m);
    expect(run.stderr).not.toContain('TypeError');
    // It never reached the build.
    expect(existsSync(join(project.root, 'out'))).toBe(false);
    expect(existsSync(join(project.electronDir, 'path.txt'))).toBe(false);
    // "In under a few seconds": a generous bound for a loaded 2-core machine.
    expect(run.ms).toBeLessThan(20_000);
  }, 60_000);

  it('names the HTTP answer of a mirror that lacks this version', async () => {
    const server = createHttpServer((_req, res) => res.writeHead(404).end('no such release'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const run = await npmRun(
        'dev',
        project.root,
        cleanEnv({
          ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
          electron_config_cache: join(project.root, 'electron-cache'),
        }),
      );
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain('the server answered HTTP 404 (Not Found)');
      expect(run.stderr).not.toMatch(/^\s+at\s/m);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 60_000);
});
