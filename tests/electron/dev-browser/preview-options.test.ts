// The browser preview's command line: help, the options that make it testable against any
// ICE-compatible server, and clear errors for bad values.

import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { PREVIEW_HELP, parsePreviewArgs } from '../../../electron/dev-browser/preview-options';

const KEY_ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tPreviewKey0001',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'preview-secret-value',
};

describe('parsePreviewArgs', () => {
  it('answers --help and -h with the list of options', () => {
    expect(parsePreviewArgs(['--help'], {})).toEqual({ kind: 'help' });
    expect(parsePreviewArgs(['-h', '--port', 'x'], {})).toEqual({ kind: 'help' });
    for (const option of [
      '--endpoint',
      '--signature',
      '--region',
      '--data-dir',
      '--download-dir',
      '--demo-items',
    ]) {
      expect(PREVIEW_HELP).toContain(option);
    }
  });

  it('reads the demo options and folders', () => {
    expect(
      parsePreviewArgs(
        [
          '--port',
          '5173',
          '--data-dir',
          'd',
          '--download-dir',
          'out',
          '--demo-items',
          '500',
          '--no-build',
        ],
        {},
      ),
    ).toEqual({
      kind: 'run',
      options: {
        build: false,
        port: 5173,
        dataDir: resolve('d'),
        downloadDir: resolve('out'),
        demoItems: 500,
      },
    });
  });

  it('points at an endpoint with the signature and the environment key, held in the options only', () => {
    const parsed = parsePreviewArgs(
      ['--endpoint', 'http://127.0.0.1:8080', '--signature', 'v1'],
      KEY_ENV,
    );
    expect(parsed).toMatchObject({
      kind: 'run',
      options: {
        remote: {
          endpoint: { scheme: 'http', host: '127.0.0.1', port: 8080 },
          signatureMethod: 'v1',
          credentials: {
            accessKeyId: KEY_ENV.ALIBABA_CLOUD_ACCESS_KEY_ID,
            accessKeySecret: KEY_ENV.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
          },
        },
      },
    });
    expect(parsePreviewArgs(['--region', 'cn-hangzhou'], {})).toMatchObject({
      kind: 'run',
      options: { remote: { endpoint: 'cn-hangzhou', signatureMethod: 'v3', credentials: null } },
    });
  });

  it('refuses bad values with a sentence naming the option', () => {
    for (const [argv, pattern] of [
      [['--port', '99999'], /--port/],
      [['--demo-items', '-3'], /demo-items|argument/],
      [['--demo-items', 'many'], /--demo-items/],
      [['--signature', 'v2', '--endpoint', 'https://x.example'], /--signature/],
      [['--signature', 'v1'], /--signature needs/],
      [['--region', 'mars-1'], /--region/],
      [['--endpoint', 'ftp://x.example'], /http/],
      [['--endpoint', 'https://x.example', '--demo-items', '5'], /--demo-items/],
      [['--bogus'], /bogus/],
      [['stray'], /stray/],
    ] as const) {
      const parsed = parsePreviewArgs([...argv], {});
      expect(parsed.kind, argv.join(' ')).toBe('error');
      if (parsed.kind === 'error') expect(parsed.message).toMatch(pattern);
    }
    const halfKey = parsePreviewArgs(['--endpoint', 'https://x.example'], {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tOnlyTheId',
    });
    expect(halfKey.kind).toBe('error');
  });
});
