// A throwaway copy of this project for running the real `npm start` pipeline against a stand-in
// Electron runtime. The sources and package.json are copied; node_modules holds symlinks to this
// checkout's packages except `electron` (a real copy, so its installer can be replaced and its
// path.txt written without touching the checkout) and `electron-vite` (copied so that it resolves
// `electron` from the copy: Node resolves a symlinked package from its real path). `.bin` is
// copied too: its relative links then point at the copy's packages.

import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

const COPIED_FILES = [
  'package.json',
  'electron.vite.config.ts',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
];
const COPIED_FOLDERS = ['electron', 'renderer', 'shared'];
const COPIED_PACKAGES = new Set(['electron', 'electron-vite', '.bin']);

export interface ProjectCopy {
  root: string;
  electronDir: string;
  remove(): void;
}

export function makeProjectCopy(): ProjectCopy {
  const root = mkdtempSync(join(tmpdir(), 'ice-start-path-'));
  for (const file of COPIED_FILES) cpSync(join(REPO_ROOT, file), join(root, file));
  for (const folder of COPIED_FOLDERS) {
    cpSync(join(REPO_ROOT, folder), join(root, folder), { recursive: true });
  }
  const modules = join(root, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(REPO_ROOT, 'node_modules'))) {
    const from = join(REPO_ROOT, 'node_modules', name);
    if (COPIED_PACKAGES.has(name)) {
      cpSync(from, join(modules, name), { recursive: true, verbatimSymlinks: true });
    } else {
      symlinkSync(from, join(modules, name), 'junction');
    }
  }
  const electronDir = join(modules, 'electron');
  // A copy made on a machine that has the runtime must start without it.
  for (const installed of ['dist', 'path.txt']) {
    rmSync(join(electronDir, installed), { recursive: true, force: true });
  }
  return { root, electronDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Replaces Electron's installer with one that "downloads" a stand-in runtime: a shell script
 * that logs its working folder and arguments. Both append to `logFile`, so the log shows the
 * order: "installer" once per installer run, then "launch <cwd> <args>" per start.
 */
export function installStandInInstaller(electronDir: string): void {
  writeFileSync(
    join(electronDir, 'install.js'),
    `const fs = require('fs');
const path = require('path');
const log = process.env.ICE_STANDIN_LOG;
fs.appendFileSync(log, 'installer\\n');
// Some bytes in the system temp folder, as the real download would write.
fs.writeFileSync(path.join(require('os').tmpdir(), 'electron-stand-in.zip'), Buffer.alloc(4096));
fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(
  path.join(__dirname, 'dist', 'electron'),
  '#!/bin/sh\\nprintf "launch %s %s\\\\n" "$PWD" "$*" >> "$ICE_STANDIN_LOG"\\n',
  { mode: 0o755 },
);
fs.writeFileSync(path.join(__dirname, 'dist', 'version'), require('./package.json').version);
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');
`,
  );
}
