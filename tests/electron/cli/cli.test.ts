// The CLI against a local ICE-compatible server that verifies signatures and serves files: its
// behaviour in-process through runCli(argv, io), and a few smoke tests as a real subprocess
// (tsx electron/cli/main.ts), as a user runs it.

import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  inject,
  it,
  onTestFinished,
} from 'vitest';
import { copyDemoMedia } from '../../support/demo-media';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSignatureVerifier } from '../../../electron/demo-library/verify-signature';
import {
  catalogue,
  mediaInfo,
  sendJson,
  startTestServer,
} from '../services/ice/helpers/test-server';
import type { TestServer } from '../services/ice/helpers/test-server';
import { cliProcess, cli as runCli, filesContaining, uniqueKeychainService } from './run-cli';
import type { Run } from './run-cli';

const KEY = { accessKeyId: 'LTAI-cli', accessKeySecret: 'cli-secret-do-not-print' };
const FILE_BYTES = Buffer.from('RIFF....WAVEfmt pretend audio bytes '.repeat(100));

// Never the developer's settings or keychain entry: a data folder and service of this run's own.
let dataDir: string;
const keychainService = uniqueKeychainService();
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ice-cli-data-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return runCli(args, options(env, input));
}

function options(env: Record<string, string>, input?: string) {
  return {
    env: {
      ICE_MEDIA_LIBRARY_DATA_DIR: dataDir,
      ICE_MEDIA_LIBRARY_KEYCHAIN_SERVICE: keychainService,
      ...env,
    },
    ...(input === undefined ? {} : { input }),
  };
}

const withKey = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: KEY.accessKeyId,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: KEY.accessKeySecret,
};

let server: TestServer;
let endpoint: string;
let staleCalls = 0;

beforeAll(async () => {
  const verify = createSignatureVerifier({
    credentials: [KEY],
    anonymousActions: ['ListPublicMediaBasicInfos', 'ListAllPublicMediaTags'],
  });
  const list = catalogue(230);
  server = await startTestServer();
  endpoint = server.url;
  server.handle((req, res) => {
    if (req.path.startsWith('/files/') && req.query.get('Expires') === '1') {
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end('<Error><Code>AccessDenied</Code><Message>Request has expired.</Message></Error>');
      return;
    }
    if (req.path.startsWith('/files/')) {
      res.writeHead(200, { 'content-length': FILE_BYTES.length });
      res.end(FILE_BYTES);
      return;
    }
    const outcome = verify(req);
    if (!outcome.ok) {
      sendJson(res, outcome.httpStatus, {
        RequestId: 'req-cli-err',
        Code: outcome.code,
        Message: outcome.message,
      });
      return;
    }
    if (req.action === 'ListPublicMediaBasicInfos') sendJson(res, 200, list(req));
    else if (req.action === 'ListAllPublicMediaTags') {
      sendJson(res, 200, {
        RequestId: 'r',
        MediaTagList: [
          {
            MediaTagId: 'bgm-romantic',
            MediaTagNameChinese: 'Romantic',
            MediaTagNameEnglish: '浪漫',
          },
        ],
      });
    } else if (req.action === 'GetPublicMediaInfo') {
      const id = req.query.get('MediaId') ?? '';
      if (id === 'missing') {
        sendJson(res, 404, { RequestId: 'req-404', Code: 'InvalidMediaId.NotFound' });
        return;
      }
      const info = mediaInfo(id);
      // "stale" hands out an expired link the first time, as a cached listing would.
      const expires = id === 'stale' && staleCalls++ === 0 ? '1' : '9999999999';
      info.FileInfoList = [
        {
          FileBasicInfo: {
            FileName: '../song.wav',
            FileSize: String(FILE_BYTES.length),
            FileUrl: `${endpoint}/files/song.wav?Expires=${expires}&Signature=s`,
          },
        },
      ];
      sendJson(res, 200, { RequestId: 'r', MediaInfo: info });
    } else sendJson(res, 404, { Code: 'InvalidAction.NotFound' });
  });
});
afterAll(() => server.close());

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ice-cli-'));
  return () => rm(dir, { recursive: true, force: true });
});

describe('ice CLI', () => {
  it('list --json prints one object per item with normalized fields', async () => {
    const run = await cli(['list', '--endpoint', endpoint, '--json', '--page-size', '7'], withKey);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toMatchObject({
      mediaId: 'media-1',
      title: '贴纸 1',
      businessType: 'sticker',
      mediaType: 'image',
      tags: ['sticker-cute', 'sticker-daily'],
      files: [
        {
          fileName: 'media-1.png',
          fileSize: 1000,
          formatName: 'png_pipe',
          duration: null,
          width: 512,
          height: 512,
          bitrate: null,
        },
      ],
    });
    expect(server.requests.at(-1)!.headers.authorization).toMatch(/^ACS3-HMAC-SHA256/);
  });

  it('list --all walks every page; without credentials it calls anonymously', async () => {
    const run = await cli(['list', '--endpoint', endpoint, '--all', '--json', '--signature', 'v1']);
    expect(run.code).toBe(0);
    const ids = run.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { mediaId: string }).mediaId);
    expect(ids).toHaveLength(230);
    expect(ids[229]).toBe('media-230');
    expect(server.requests.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('list prints a readable table by default', async () => {
    const run = await cli(['list', '--endpoint', endpoint, '--business-type', 'sticker'], withKey);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^MEDIA ID\s+TYPE\s+TITLE/);
    expect(run.stdout).toContain('media-20');
    expect(run.stdout).toContain('Page 1 of 12 (230 media)');
  });

  it('tags shows names by script', async () => {
    const run = await cli(['tags', '--endpoint', endpoint, '--json', '--business-type', 'bgm']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({
      id: 'bgm-romantic',
      businessType: 'bgm',
      nameZh: '浪漫',
      nameEn: 'Romantic',
    });
  });

  it('download writes the files inside --to and prints {mediaId, path, bytes}', async () => {
    const run = await cli(
      ['download', 'song-1', 'song-2', '--to', dir, '--endpoint', endpoint, '--json'],
      withKey,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { mediaId: 'song-1', path: join(dir, 'song.wav'), bytes: FILE_BYTES.length },
      { mediaId: 'song-2', path: join(dir, 'song (1).wav'), bytes: FILE_BYTES.length },
    ]);
    expect((await readFile(join(dir, 'song.wav'))).equals(FILE_BYTES)).toBe(true);
  });

  it('download asks for a fresh link when the listed one has expired', async () => {
    const run = await cli(
      ['download', 'stale', '--to', dir, '--endpoint', endpoint, '--json'],
      withKey,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({
      mediaId: 'stale',
      path: join(dir, 'song.wav'),
      bytes: FILE_BYTES.length,
    });
    expect(staleCalls).toBe(2);
  });

  it('exits 1 with code, message and RequestId on a service error, never printing the secret', async () => {
    const run = await cli(['info', 'x', '--endpoint', endpoint], {
      ...withKey,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong-secret-value',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('AUTH_SIGNATURE_MISMATCH');
    expect(run.stderr).toContain('The AccessKey secret does not match');
    expect(run.stderr).toContain('RequestId: req-cli-err');
    // The service's own Code, next to ours: what Alibaba Cloud's documentation is searched by.
    expect(run.stderr).toContain('Code: SignatureDoesNotMatch');
    expect(run.stderr + run.stdout).not.toContain('wrong-secret-value');

    const missing = await cli(['info', 'missing', '--endpoint', endpoint, '--json'], withKey);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stderr.trim())).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: expect.any(String),
        requestId: 'req-404',
        serviceCode: 'InvalidMediaId.NotFound',
      },
    });
  });

  it('exits 1 with a clear message when info has no credentials', async () => {
    const run = await cli(['info', 'x', '--endpoint', endpoint]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('AUTH_REQUIRED');
    expect(run.stderr).toContain('ALIBABA_CLOUD_ACCESS_KEY_ID');
  });

  it('exits 1 with NETWORK when nothing listens', async () => {
    const run = await cli(['tags', '--endpoint', 'http://127.0.0.1:1', '--json']);
    // tags falls back to the documented list, so it still succeeds
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(17);
    const list = await cli(['list', '--endpoint', 'http://127.0.0.1:1']);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain('NETWORK');
  });

  it('--demo starts the demo library in-process on the media in the app data folder', async () => {
    // --demo keeps its media in the app's data folder: the run's, copied, not generated again. A
    // folder of its own: the secret scans of the other cases need not read 34 MB of media.
    const demoDataDir = await mkdtemp(join(tmpdir(), 'ice-cli-demo-data-'));
    onTestFinished(() => rm(demoDataDir, { recursive: true, force: true }));
    await copyDemoMedia(inject('demoMediaDir'), join(demoDataDir, 'demo-library'));
    const demoEnv = { ICE_MEDIA_LIBRARY_DATA_DIR: demoDataDir };
    const list = await cli(
      ['list', '--demo', '--json', '--business-type', 'bgm', '--page-size', '3'],
      demoEnv,
    );
    expect(list.stderr).toBe('');
    expect(list.code).toBe(0);
    const items = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { mediaId: string; files: Array<{ fileSize: number }> });
    expect(items).toHaveLength(3);
    const [first] = items;
    const info = await cli(['info', first!.mediaId, '--demo'], demoEnv);
    expect(info.code).toBe(0);
    expect(info.stdout).toContain(`Media ID:   ${first!.mediaId}`);
    const download = await cli(
      ['download', first!.mediaId, '--demo', '--to', dir, '--json'],
      demoEnv,
    );
    expect(download.code).toBe(0);
    const saved = JSON.parse(download.stdout.trim()) as { path: string; bytes: number };
    expect(saved.bytes).toBe(first!.files[0]!.fileSize);
    expect((await readFile(saved.path)).length).toBe(saved.bytes);
  });

  it.each([
    [['frobnicate']],
    [['list', '--page-size', '500']],
    [['list', '--business-type', 'video']],
    [['list', '--bogus']],
    [['info']],
    [['download', 'abc']],
    [['list', '--to', '/tmp']],
    [['list', '--demo', '--region', 'cn-beijing']],
    [['list', '--signature', 'v2']],
    [['list', '--endpoint', 'ftp://example.com']],
  ])('exits 2 with usage for %j', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run --silent cli');
  });

  it.each([
    [['auth']],
    [['auth', 'frobnicate']],
    [['auth', 'set']],
    [['auth', 'set', '--access-key-id', 'short']],
    [['auth', 'set', '--access-key-id', 'LTAI5tAbCdEfGh1234abcd', '--endpoint', 'ftp://x']],
    [['auth', 'show', '--region', 'cn-beijing']],
    [['auth', 'clear', '--demo']],
    [['list', '--access-key-id', 'LTAI5tAbCdEfGh1234abcd']],
  ])('exits 2 with usage for %j', async (args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: npm run --silent cli');
  });

  const SECRET_IN_ARGV = 'argv-secret-must-not-echo';
  it.each([
    [['auth', 'set', '--access-key-id', 'LTAI5tAbCdEfGh1234abcd', '--secret', SECRET_IN_ARGV]],
    [
      [
        'auth',
        'set',
        '--access-key-id',
        'LTAI5tAbCdEfGh1234abcd',
        `--access-key-secret=${SECRET_IN_ARGV}`,
      ],
    ],
    [
      [
        'auth',
        'set',
        '--access-key-id',
        'STS.NUgYrLnoC3n2k',
        '--sts',
        '--security-token',
        SECRET_IN_ARGV,
      ],
    ],
    [['auth', 'set', '--access-key-id', 'LTAI5tAbCdEfGh1234abcd', SECRET_IN_ARGV]],
    [['auth', SECRET_IN_ARGV]],
  ])('refuses a secret given as an argument (%j): exit 2, value not repeated', async (args) => {
    const run = await cli(args, {}, 'stdin-secret-unused\n');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/stdin|never from arguments|never taken from arguments/);
    expect(run.stdout + run.stderr).not.toContain(SECRET_IN_ARGV);
    expect(run.stdout + run.stderr).not.toContain('stdin-secret-unused');
    expect(await filesContaining(dataDir, SECRET_IN_ARGV)).toEqual([]);
  });
});

describe('ice CLI as a real process (smoke tests)', () => {
  it('prints results on stdout and exits 0', async () => {
    const run = await cliProcess(
      ['list', '--endpoint', endpoint, '--json', '--page-size', '2'],
      options(withKey),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toHaveLength(2);
  });

  it('exits 1 on a failure and 2 on a usage error, explaining on stderr only', async () => {
    const failed = await cliProcess(['list', '--endpoint', 'http://127.0.0.1:1'], options({}));
    expect(failed.code).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toContain('NETWORK');
    const usage = await cliProcess(['frobnicate'], options({}));
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toContain('Usage: npm run --silent cli');
  });
});
