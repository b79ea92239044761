// keytar against a real Secret Service (gnome-keyring). The round-trip tests need this process to
// reach an unlocked Secret Service and skip, saying why, when it cannot: run them with
//   dbus-run-session -- sh -c 'printf pw | gnome-keyring-daemon --unlock --components=secrets \
//     >/dev/null; npx vitest run -c tests/vitest.config.ts tests/electron/services/secrets'
// The "no Secret Service" and "locked keychain" tests run in child processes (libsecret binds to
// one D-Bus session per process); the locked one starts its own private, throwaway gnome-keyring.

import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AccountService } from '../../../../electron/services/account/account-service';
import type { IceClientConfig } from '../../../../electron/services/account/account-form';
import { CredentialVault } from '../../../../electron/services/secrets/credential-vault';
import { KeytarStore } from '../../../../electron/services/secrets/keytar-store';
import { SettingsStore } from '../../../../electron/services/settings/settings-store';
import type { IceLibraryApi } from '../../../../electron/services/ice/ice-api';
import { hasProgram, probeSecretService, runChild, uniqueServiceName } from './secret-service';

const ID = 'LTAI5tAbCdEfGh1234abcd';
const SECRET = 'kT9vQ2mZ7xW4pL8nR1sB6yC3dF5gH0';
const TOKEN = `CAIS${'Zx9+/='.repeat(300)}`;

const probe = probeSecretService();
if (!probe.available) console.warn(`[keytar integration] skipped: ${probe.reason}`);

const PRIVATE_KEYRING_PROGRAMS = ['dbus-run-session', 'gnome-keyring-daemon', 'gdbus'];
const missingPrograms = PRIVATE_KEYRING_PROGRAMS.filter((p) => !hasProgram(p));
if (missingPrograms.length > 0) {
  console.warn(
    `[keytar locked-keychain test] skipped: ${missingPrograms.join(', ')} not installed ` +
      '(apt-get install gnome-keyring dbus-x11 libglib2.0-bin)',
  );
}

/** Files under `dir` (if it exists) whose content includes `needle`. */
async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if ((await readFile(path, 'utf8')).includes(needle)) hits.push(path);
  }
  return hits;
}

describe.skipIf(!probe.available)('KeytarStore with a real Secret Service', () => {
  const service = uniqueServiceName();
  const store = new KeytarStore({ service });
  const used = new Set<string>();
  const account = (name: string): string => {
    used.add(name);
    return name;
  };

  afterEach(async () => {
    for (const name of used) await store.delete(name);
    used.clear();
  });

  it('saves, reads back, replaces and deletes a value', async () => {
    const a = account('round-trip');
    expect(await store.get(a)).toBeNull();
    await store.set(a, 'first value');
    expect(await store.get(a)).toBe('first value');
    await store.set(a, 'second value');
    expect(await store.get(a)).toBe('second value');
    expect(await store.delete(a)).toBe(true);
    expect(await store.get(a)).toBeNull();
    expect(await store.delete(a)).toBe(false);
  });

  it('keeps unicode exactly', async () => {
    const a = account('unicode');
    const value = '密钥 ключ 🔑 ü\u00e9\u0301 \u200b end';
    await store.set(a, value);
    expect(await store.get(a)).toBe(value);
  });

  it('keeps a large value (an STS token record of ~20 KB) exactly', async () => {
    const a = account('large');
    const value = JSON.stringify({ accessKeyId: ID, securityToken: 'CAIS' + 'a1+/'.repeat(5_000) });
    await store.set(a, value);
    expect(await store.get(a)).toBe(value);
  });

  it('keeps services apart (development and packaged builds do not share an entry)', async () => {
    const a = account('shared-name');
    const other = new KeytarStore({ service: `${service} other` });
    await store.set(a, 'mine');
    await other.set(a, 'theirs');
    try {
      expect(await store.get(a)).toBe('mine');
      expect(await other.get(a)).toBe('theirs');
    } finally {
      await other.delete(a);
    }
  });

  it('leaves no probe item behind when confirming that nothing is stored', async () => {
    expect(await store.get(account('never-set'))).toBeNull();
    const plain = new KeytarStore({ service, confirmAbsence: false });
    expect(await plain.get('keychain-probe')).toBeNull();
  });

  it('stores credentials through the vault as one entry', async () => {
    const vault = new CredentialVault(store, account('vault-entry'));
    await vault.save({ accessKeyId: ID, accessKeySecret: SECRET, securityToken: TOKEN });
    expect(await new CredentialVault(store, 'vault-entry').load()).toEqual({
      accessKeyId: ID,
      accessKeySecret: SECRET,
      securityToken: TOKEN,
    });
  });

  describe('a full save / test / clear cycle', () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'ice-account-keychain-'));
    });
    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it('keeps the secret in the keychain only, and clear removes it', async () => {
      const settings = new SettingsStore({ dataDir });
      await settings.load();
      const configs: IceClientConfig[] = [];
      const createClient = (config: IceClientConfig): IceLibraryApi => {
        configs.push(config);
        return {
          listPublicMediaBasicInfos: async () => ({
            items: [],
            totalCount: 42,
            nextToken: null,
            pageNo: 1,
            pageSize: 1,
            requestId: 'req-1',
          }),
          listAllPublicMediaTags: async () => [],
          getPublicMediaInfo: async () => {
            throw new Error('not used');
          },
        };
      };
      const vault = new CredentialVault(store, account('account-cycle'));
      const accounts = new AccountService({ keychain: vault, settings, createClient });
      const form = {
        accessKeyId: ID,
        accessKeySecret: SECRET,
        securityToken: TOKEN,
        region: 'cn-hangzhou',
        endpoint: '',
        signatureMethod: 'v3',
      };

      expect(await accounts.testConnection(form)).toMatchObject({ ok: true, totalCount: 42 });
      const { status: saved } = await accounts.save(form);
      expect(saved).toMatchObject({
        configured: true,
        storage: 'keychain',
        keychainAvailable: true,
        maskedAccessKeyId: 'LTAI****abcd',
        hasStsToken: true,
      });
      // A new service (as after a restart) finds the key in the keychain.
      const restarted = new AccountService({
        keychain: new CredentialVault(new KeytarStore({ service }), 'account-cycle'),
        settings,
        createClient,
      });
      expect((await restarted.status()).storage).toBe('keychain');
      expect(await restarted.createConfiguredClient()).not.toBeNull();
      expect(configs.at(-1)?.credentials?.accessKeySecret).toBe(SECRET);

      expect(await accounts.clear()).toMatchObject({ configured: false, storage: 'none' });
      expect(await store.get('account-cycle')).toBeNull();
      expect(await filesContaining(dataDir, SECRET)).toEqual([]);
      expect(await filesContaining(dataDir, TOKEN.slice(0, 40))).toEqual([]);
    });
  });
});

describe('KeytarStore without a Secret Service', () => {
  const cases: Array<[string, NodeJS.ProcessEnv]> = [
    [
      'a D-Bus address pointing to a missing socket',
      { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ice-test-bus' },
    ],
    [
      'no D-Bus session and no display',
      { DBUS_SESSION_BUS_ADDRESS: undefined, DISPLAY: undefined },
    ],
  ];

  it.each(cases)(
    'fails fast with KEYCHAIN_UNAVAILABLE given %s, and writes nothing',
    async (_, overrides) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'ice-no-keychain-'));
      try {
        const env = { ...process.env, ...overrides };
        for (const [key, value] of Object.entries(overrides))
          if (value === undefined) delete env[key];
        const run = runChild(
          'account-save',
          {
            service: uniqueServiceName(),
            dataDir,
            form: {
              accessKeyId: ID,
              accessKeySecret: SECRET,
              region: 'cn-shanghai',
              signatureMethod: 'v3',
            },
          },
          { env, timeoutMs: 20_000 },
        );
        expect(run.output, run.stderr).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE' });
        if (run.output?.ok === false) {
          expect(run.output.message).toMatch(/no keychain service \(Secret Service\)/);
          expect(run.output.message).not.toContain(SECRET);
        }
        // Process start-up and tsx included; a hang would hit the 20 s limit instead.
        expect(run.elapsedMs).toBeLessThan(10_000);
        expect(run.stderr).not.toContain(SECRET);
        expect(await filesContaining(dataDir, SECRET)).toEqual([]);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});

describe.skipIf(missingPrograms.length > 0)('KeytarStore with a locked keychain', () => {
  it('reports KEYCHAIN_LOCKED for reads, writes, deletes and saves, and writes the secret nowhere', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ice-locked-keychain-'));
    try {
      const dataDir = join(root, 'app');
      // A private session bus and keyring: the caller's keychain is never touched or locked.
      const env = {
        ...process.env,
        XDG_DATA_HOME: join(root, 'xdg-data'),
        XDG_RUNTIME_DIR: join(root, 'run'),
        XDG_CACHE_HOME: join(root, 'cache'),
        XDG_CONFIG_HOME: join(root, 'config'),
      };
      await mkdir(env.XDG_RUNTIME_DIR, { mode: 0o700 });
      const run = runChild(
        'locked-scenario',
        {
          service: uniqueServiceName(),
          value: SECRET,
          dataDir,
          form: {
            accessKeyId: ID,
            accessKeySecret: SECRET,
            region: 'cn-shanghai',
            signatureMethod: 'v3',
          },
        },
        {
          env,
          timeoutMs: 30_000,
          wrapper: [
            'dbus-run-session',
            '--',
            'sh',
            '-c',
            'printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"',
            'sh',
          ],
        },
      );
      expect(run.output, run.stderr).toMatchObject({ ok: true });
      const result = (
        run.output as {
          result: Record<string, { ok: boolean; code?: string; message?: string; value?: unknown }>;
        }
      ).result;
      for (const op of ['get', 'set', 'delete', 'save'] as const) {
        expect(result[op], op).toMatchObject({ ok: false, code: 'KEYCHAIN_LOCKED' });
        expect(result[op]?.message).toMatch(/locked/);
        expect(result[op]?.message).not.toContain(SECRET);
      }
      expect(result.status).toMatchObject({
        ok: true,
        value: {
          configured: false,
          keychainAvailable: true,
          keychainProblem: { code: 'KEYCHAIN_LOCKED' },
        },
      });
      // The app's data folder and the private keyring's files (whose own encryption aside).
      expect(await filesContaining(dataDir, SECRET)).toEqual([]);
      expect(await filesContaining(env.XDG_DATA_HOME, SECRET)).toEqual([]);
      expect(run.stderr).not.toContain(SECRET);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
