// `npm start` and `npm run dev` run this before electron-vite: it installs Electron's runtime
// when it is missing (see electron-runtime.ts) and exits non-zero, in plain words, when it cannot.

import { ensureElectronRuntime } from './electron-runtime';

const runtime = await ensureElectronRuntime({ interactive: process.stdout.isTTY === true });
process.exitCode = runtime.ok ? 0 : 1;
