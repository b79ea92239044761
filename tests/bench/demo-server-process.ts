// Runs the demo server in its own process for the benchmark, so the measured process holds
// only the client (its RSS and CPU are what the figures are about).
// argv[2]: JSON { generated?, latencyMs?, bigFileBytes?, verifyWith?: credentials[], mediaDir? }
// Prints one JSON line { url, port } when ready. On stdin, the line "cpu" answers with this
// process's CPU time so far ({ cpuMs }); end of stdin closes the server and exits.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { startDemoServer } from '../../electron/demo-library/index';
import { createSignatureVerifier } from '../../electron/demo-library/verify-signature';
import type { VerifierCredential } from '../../electron/demo-library/verify-signature';

interface ChildOptions {
  generated?: number;
  latencyMs?: number;
  bigFileBytes?: number;
  verifyWith?: VerifierCredential[];
  mediaDir?: string;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const server = await startDemoServer({
  mediaDir: options.mediaDir ?? (await mkdtemp(join(tmpdir(), 'ice-bench-media-'))),
  ...(options.generated ? { catalogue: { generated: options.generated } } : {}),
  ...(options.verifyWith
    ? { verifier: createSignatureVerifier({ credentials: options.verifyWith }) }
    : {}),
  ...(options.latencyMs ? { faults: { latencyMs: options.latencyMs } } : {}),
  ...(options.bigFileBytes ? { bigFileBytes: options.bigFileBytes } : {}),
});
process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port })}\n`);
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line.trim() !== 'cpu') return;
  const usage = process.cpuUsage();
  process.stdout.write(`${JSON.stringify({ cpuMs: (usage.user + usage.system) / 1000 })}\n`);
});
commands.on('close', () => {
  void server.close().then(() => process.exit(0));
});
