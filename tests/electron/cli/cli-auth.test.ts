// `auth set / show / clear` and the saved AccessKey used by `list`, run in-process through
// runCli(argv, io) (a real subprocess where only a process will do: another D-Bus address, a
// terminal) against the real keychain (gnome-keyring over D-Bus) and a local server that verifies
// signatures. The keychain tests need a reachable, unlocked Secret Service and skip, saying why,
// without one; run them with
//   dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets \
//     >/dev/null; npx vitest run -c tests/vitest.config.ts tests/electron/cli'
// Each run uses its own keychain service name and data folder, removed afterwards.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { startDemoServer } from '../../../electron/demo-library/index';
import type { DemoServer } from '../../../electron/demo-library/index';
import { createSignatureVerifier } from '../../../electron/demo-library/verify-signature';
import { CredentialVault } from '../../../electron/services/secrets/credential-vault';
import { KeytarStore } from '../../../electron/services/secrets/keytar-store';
import { CREDENTIALS_ACCOUNT } from '../../../electron/services/secrets/secret-store';
import { SettingsStore } from '../../../electron/services/settings/settings-store';
import { probeSecretService } from '../services/secrets/secret-service';
import {
  CLI_SCRIPT,
  ROOT,
  TSX,
  baseEnv,
  cli,
  cliProcess,
  filesContaining,
  uniqueKeychainService,
} from './run-cli';
import type { CliOptions, Run } from './run-cli';

const ID = 'LTAI5tAbCdEfGh1234abcd';
const SECRET = 'kT9vQ2mZ7xW4pL8nR1sB6yC3dF5gH0';
const WRONG_SECRET = 'wR0ngS3cretV4lueXq8zP2mL5nB7vC';
const STS_ID = 'STS.NUgYrLnoC3n2kTmpKey9';
const STS_SECRET = 'stsS3cretQ1w2e3r4t5y6u7i8o9p0a';
const TOKEN = `CAIS${'Zx9+/='.repeat(60)}tokenEnd`;
const SECRETS = [SECRET, WRONG_SECRET, STS_SECRET, TOKEN, TOKEN.slice(0, 40)];
const WRAPPED_COMMAND =
  "dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets " +
  ">/dev/null; npx vitest run -c tests/vitest.config.ts tests/electron/cli'";

const probe = probeSecretService();
if (!probe.available) {
  console.warn(
    `[cli auth keychain tests] skipped: ${probe.reason}. For these tests: ${WRAPPED_COMMAND}`,
  );
}
const hasScript = spawnSync('sh', ['-c', 'command -v script']).status === 0;
if (probe.available && !hasScript) {
  console.warn('[cli auth terminal prompt test] skipped: `script` (util-linux) is not installed');
}

const service = uniqueKeychainService();
let server: DemoServer;
let dataDir: string;
let runs: Run[] = [];

beforeAll(async () => {
  server = await startDemoServer({
    mediaDir: inject('demoMediaDir'),
    catalogue: { generated: 30 },
    // No anonymous actions: a list that succeeds was signed with a known key.
    verifier: createSignatureVerifier({
      credentials: [
        { accessKeyId: ID, accessKeySecret: SECRET },
        { accessKeyId: STS_ID, accessKeySecret: STS_SECRET, securityToken: TOKEN },
      ],
    }),
  });
});
afterAll(() => server.close());

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ice-cli-auth-'));
  runs = [];
});
afterEach(async () => {
  // The secret never reaches the terminal, whatever the case did.
  for (const run of runs) {
    for (const secret of SECRETS) expect(run.stdout + run.stderr).not.toContain(secret);
  }
  for (const secret of SECRETS) expect(await filesContaining(dataDir, secret)).toEqual([]);
  await rm(dataDir, { recursive: true, force: true });
});

async function ice(
  args: string[],
  options: CliOptions = {},
  runner: typeof cli = cli,
): Promise<Run> {
  const run = await runner(args, {
    ...options,
    env: {
      ICE_MEDIA_LIBRARY_DATA_DIR: dataDir,
      ICE_MEDIA_LIBRARY_KEYCHAIN_SERVICE: service,
      ...options.env,
    },
  });
  runs.push(run);
  return run;
}

const setArgs = (...extra: string[]) => [
  'auth',
  'set',
  '--access-key-id',
  ID,
  '--endpoint',
  server.url,
  ...extra,
];

function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.skipIf(!probe.available)('ice auth with the system keychain', () => {
  const store = new KeytarStore({ service });
  const vault = new CredentialVault(store);

  afterEach(async () => {
    await store.delete(CREDENTIALS_ACCOUNT);
  });

  it('auth set reads the secret from stdin, tests it, and saves it where the app reads it', async () => {
    const set = await ice(setArgs(), { input: `  ${SECRET}  \n` });
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Saved AccessKey LTAI****abcd in the system keychain');
    expect(set.stdout).toContain(`service "${service}"`);
    expect(set.stdout).toContain('Connection test passed (30 media)');

    // The app's own vault over the same service finds the trimmed key, in the app's format.
    expect(await vault.load()).toEqual({ accessKeyId: ID, accessKeySecret: SECRET });
    const settings = new SettingsStore({ dataDir });
    await settings.load();
    expect(settings.current()).toMatchObject({
      endpoint: server.url,
      region: 'cn-shanghai',
      signatureMethod: 'v3',
      librarySource: 'account',
    });

    const show = await ice(['auth', 'show']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/AccessKey ID: +LTAI\*\*\*\*abcd\n/);
    expect(show.stdout).toMatch(new RegExp(`Endpoint: +${server.url}\\n`));
    expect(show.stdout).toMatch(/Signature: +v3/);
    expect(show.stdout).toContain(`Stored in:     system keychain (service "${service}"`);
    expect(show.stdout).not.toContain(ID);

    const json = await ice(['auth', 'show', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      configured: true,
      maskedAccessKeyId: 'LTAI****abcd',
      hasStsToken: false,
      region: 'cn-shanghai',
      endpoint: server.url,
      signatureMethod: 'v3',
      storage: 'keychain',
      keychainService: service,
      environmentCredentials: false,
    });
  }, 60_000);

  it('list, info and download without environment credentials use the saved key and endpoint', async () => {
    expect((await ice(setArgs('--signature', 'v1'), { input: `${SECRET}\n` })).code).toBe(0);

    const list = await ice(['list', '--json', '--page-size', '5']);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    const items = jsonLines(list.stdout);
    expect(items).toHaveLength(5);
    const info = await ice(['info', String(items[0]!.mediaId), '--json']);
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ mediaId: items[0]!.mediaId });
    const download = await ice(['download', String(items[0]!.mediaId), '--to', dataDir, '--json']);
    expect(download.code).toBe(0);

    // Environment variables win over the saved key: a wrong one there fails.
    const envWins = await ice(['list', '--endpoint', server.url], {
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG_SECRET },
    });
    expect(envWins.code).toBe(1);
    expect(envWins.stderr).toContain('AUTH_SIGNATURE_MISMATCH');
    const show = await ice(['auth', 'show'], {
      env: { ALIBABA_CLOUD_ACCESS_KEY_ID: ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: WRONG_SECRET },
    });
    expect(show.stdout).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID is set in this environment');
  }, 60_000);

  it('uses a key the app saved (same entry and settings file), with the saved endpoint', async () => {
    await vault.save({ accessKeyId: ID, accessKeySecret: SECRET });
    const settings = new SettingsStore({ dataDir });
    await settings.load();
    await settings.update({ endpoint: server.url, librarySource: 'account' });

    const list = await ice(['list', '--json', '--page-size', '2']);
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    expect(jsonLines(list.stdout)).toHaveLength(2);
  }, 60_000);

  it('--sts reads the token from the second line and keeps it with the key', async () => {
    const set = await ice(
      ['auth', 'set', '--access-key-id', STS_ID, '--sts', '--endpoint', server.url],
      { input: `${STS_SECRET}\n${TOKEN}\n` },
    );
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('(with STS token)');
    expect(await vault.load()).toEqual({
      accessKeyId: STS_ID,
      accessKeySecret: STS_SECRET,
      securityToken: TOKEN,
    });
    const show = await ice(['auth', 'show', '--json']);
    expect(JSON.parse(show.stdout)).toMatchObject({ hasStsToken: true });
    // The verifier insists on this exact token for this key.
    const list = await ice(['list', '--json', '--page-size', '1']);
    expect(list.code).toBe(0);
  }, 60_000);

  it('refuses input that would lose or mangle the key, storing nothing', async () => {
    const stsWithoutToken = await ice(
      ['auth', 'set', '--access-key-id', STS_ID, '--endpoint', server.url],
      { input: `${STS_SECRET}\n` },
    );
    expect(stsWithoutToken.code).toBe(1);
    expect(stsWithoutToken.stderr).toContain('INVALID_INPUT');
    expect(stsWithoutToken.stderr).toContain('security token');

    const tokenWithoutSts = await ice(setArgs(), { input: `${SECRET}\n${TOKEN}\n` });
    expect(tokenWithoutSts.code).toBe(1);
    expect(tokenWithoutSts.stderr).toContain('--sts');

    const empty = await ice(setArgs(), { input: '   \n' });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('Enter the AccessKey secret.');

    expect(await vault.load()).toBeNull();
  }, 60_000);

  it('a wrong secret fails the connection test: exit 1, and the saved key stays as it was', async () => {
    expect((await ice(setArgs(), { input: `${SECRET}\n` })).code).toBe(0);

    const wrong = await ice(setArgs('--region', 'cn-beijing'), { input: `${WRONG_SECRET}\n` });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('AUTH_SIGNATURE_MISMATCH');
    expect(wrong.stderr).toContain('nothing was saved');
    expect(await vault.load()).toEqual({ accessKeyId: ID, accessKeySecret: SECRET });
    const settings = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as {
      region: string;
    };
    expect(settings.region).toBe('cn-shanghai');

    // --no-test skips the call: the key is stored untested (and then fails where it is used).
    const untested = await ice(setArgs('--no-test'), { input: `${WRONG_SECRET}\n` });
    expect(untested.code).toBe(0);
    expect(untested.stdout).toContain('Not tested (--no-test)');
    expect((await vault.load())?.accessKeySecret).toBe(WRONG_SECRET);
    const list = await ice(['list']);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('AUTH_SIGNATURE_MISMATCH');
  }, 60_000);

  it('auth clear removes the entry, and says so when there is nothing to remove', async () => {
    expect((await ice(setArgs(), { input: `${SECRET}\n` })).code).toBe(0);

    const clear = await ice(['auth', 'clear']);
    expect(clear.code).toBe(0);
    expect(clear.stdout).toContain('Removed AccessKey LTAI****abcd from the system keychain');
    expect(await store.get(CREDENTIALS_ACCOUNT)).toBeNull();
    const settings = new SettingsStore({ dataDir });
    await settings.load();
    expect(settings.current().librarySource).toBe('demo');

    const again = await ice(['auth', 'clear', '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      removed: false,
      keychainService: service,
      account: CREDENTIALS_ACCOUNT,
    });
    const show = await ice(['auth', 'show']);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/AccessKey ID: +not configured/);
    expect(show.stdout).toMatch(/Stored in: +not configured/);

    // Without a key, info asks for one.
    const info = await ice(['info', 'media-1', '--endpoint', server.url]);
    expect(info.code).toBe(1);
    expect(info.stderr).toContain('AUTH_REQUIRED');
    expect(info.stderr).toContain('auth set');
  }, 60_000);

  it.skipIf(!hasScript)(
    'in a terminal, asks for the secret without echoing it',
    async () => {
      const run = await inTerminal(
        ['auth', 'set', '--access-key-id', STS_ID, '--sts', '--endpoint', server.url],
        [STS_SECRET, TOKEN],
      );
      runs.push(run);
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toContain('AccessKey secret (input hidden):');
      expect(run.stdout).toContain('STS security token (input hidden):');
      expect(run.stdout).toContain('Saved AccessKey');
      expect((await vault.load())?.securityToken).toBe(TOKEN);
    },
    60_000,
  );
});

describe('ice auth without a Secret Service', () => {
  const noKeychain = {
    DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ice-cli-test-bus',
    DISPLAY: undefined,
  };

  it('auth set fails fast with the keychain message and writes the secret nowhere', async () => {
    const set = await ice(setArgs(), { input: `${SECRET}\n`, env: noKeychain }, cliProcess);
    expect(set.code).toBe(1);
    expect(set.stderr).toContain('KEYCHAIN_UNAVAILABLE');
    expect(set.stderr).toMatch(/no keychain service \(Secret Service\)/);
    expect(set.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
    // Process start-up (tsx) included, which alone took 9 s beside a CPU hog on two cores. A
    // hang would wait for D-Bus (25 s) or the keychain's own limit (60 s): 20 s tells them apart.
    expect(set.elapsedMs).toBeLessThan(20_000);

    const show = await ice(['auth', 'show'], { env: noKeychain }, cliProcess);
    expect(show.code).toBe(1);
    expect(show.stderr).toContain('KEYCHAIN_UNAVAILABLE');

    // info needs a key and says how to give one; the settings file was never written.
    const info = await ice(
      ['info', 'media-1', '--endpoint', server.url],
      { env: noKeychain },
      cliProcess,
    );
    expect(info.code).toBe(1);
    expect(info.stderr).toContain('AUTH_REQUIRED');
  }, 60_000);
});

/**
 * Runs the CLI on a pseudo-terminal (util-linux `script`), typing each answer once its prompt
 * appears. What comes back is everything the terminal showed.
 */
function inTerminal(args: string[], answers: string[]): Promise<Run> {
  const command = [TSX, CLI_SCRIPT, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`);
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn('script', ['-qfec', command.join(' '), '/dev/null'], {
      cwd: ROOT,
      env: {
        ...baseEnv(),
        ICE_MEDIA_LIBRARY_DATA_DIR: dataDir,
        ICE_MEDIA_LIBRARY_KEYCHAIN_SERVICE: service,
      },
    });
    let shown = '';
    let answered = 0;
    const timer = setTimeout(() => {
      child.kill();
      fail(new Error(`the prompt did not finish; the terminal showed:\n${shown}`));
    }, 45_000);
    child.stdout.on('data', (chunk: Buffer) => {
      shown += chunk.toString('utf8');
      const prompts = shown.split('(input hidden): ').length - 1;
      if (prompts > answered && answered < answers.length) {
        child.stdin.write(`${answers[answered]}\r`);
        answered++;
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code: code ?? 1, stdout: shown, stderr: '', elapsedMs: Date.now() - started });
    });
  });
}
