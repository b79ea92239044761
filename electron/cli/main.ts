// The ice command-line tool: browse and download ICE's public media library from a terminal.
// Run with `npm run --silent cli -- <command>`; `--help` lists the commands.

import { pathToFileURL } from 'node:url';
import { AppError } from '../../shared/errors';
import type { MediaItem } from '../../shared/domain';
import type { IceClient } from '../services/ice/ice-client';
import { downloadFile } from '../services/ice/download-file';
import { USAGE, UsageError, parseCliArgs } from './args';
import type { Command, ParsedArgs } from './args';
import { authClear, authSet, authShow } from './auth-commands';
import { connectionFor, withClient } from './connection';
import type { SecretSource } from './read-secret';
import {
  MEDIA_TABLE_HEADER,
  formatBytes,
  infoText,
  mediaJson,
  mediaTableRow,
  table,
  tagTable,
} from './output';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Where `auth set` reads the secret (stdin) and shows its prompts (stderr). */
  secrets?: SecretSource;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args: ParsedArgs;
  try {
    args = parseCliArgs(argv);
    const { command } = args;
    switch (command.name) {
      case 'help':
        io.out(USAGE);
        return EXIT_OK;
      case 'auth-set':
        await authSet(command, io, args.global.json);
        return EXIT_OK;
      case 'auth-show':
        await authShow(io, args.global.json);
        return EXIT_OK;
      case 'auth-clear':
        await authClear(io, args.global.json);
        return EXIT_OK;
      default: {
        const connection = await connectionFor(args, io);
        return await withClient(connection, (client) => execute(args, client, io));
      }
    }
  } catch (error) {
    return report(error, io, argv.includes('--json'));
  }
}

async function execute(args: ParsedArgs, client: IceClient, io: CliIo): Promise<number> {
  const { command } = args;
  const json = args.global.json;
  const signal = io.signal;
  const call = signal ? { signal } : {};
  switch (command.name) {
    case 'tags': {
      const tags = await client.listAllPublicMediaTags(command.businessType, call);
      if (json) for (const tag of tags) io.out(JSON.stringify(tag));
      else io.out(tagTable(tags));
      return EXIT_OK;
    }
    case 'list':
      return listMedia(command, client, io, json);
    case 'info': {
      const item = await client.getPublicMediaInfo(command.mediaId, call);
      io.out(json ? JSON.stringify(mediaJson(item)) : infoText(item));
      return EXIT_OK;
    }
    case 'download':
      return downloadMedia(command, client, io, json);
    default:
      io.out(USAGE);
      return EXIT_OK;
  }
}

async function listMedia(
  command: Extract<Command, { name: 'list' }>,
  client: IceClient,
  io: CliIo,
  json: boolean,
): Promise<number> {
  const query = {
    includeFileBasicInfo: true,
    ...(command.businessType ? { businessType: command.businessType } : {}),
    ...(command.tag ? { mediaTagId: command.tag } : {}),
  };
  const call = io.signal ? { signal: io.signal } : {};
  if (command.all) {
    const rows: string[][] = [];
    for await (const item of client.listAllMedia(
      { ...query, pageSize: command.pageSize ?? 100 },
      call,
    )) {
      if (json) io.out(JSON.stringify(mediaJson(item)));
      else rows.push(mediaTableRow(item));
    }
    if (!json) io.out(`${table(MEDIA_TABLE_HEADER, rows)}\n\n${rows.length} media.`);
    return EXIT_OK;
  }
  const pageSize = command.pageSize ?? 20;
  const pageNo = command.page ?? 1;
  const page = await client.listPublicMediaBasicInfos({ ...query, pageNo, pageSize }, call);
  if (json) {
    for (const item of page.items) io.out(JSON.stringify(mediaJson(item)));
    return EXIT_OK;
  }
  const pages =
    page.totalCount === null ? null : Math.max(1, Math.ceil(page.totalCount / pageSize));
  io.out(table(MEDIA_TABLE_HEADER, page.items.map(mediaTableRow)));
  io.out(
    `\nPage ${pageNo}${pages === null ? '' : ` of ${pages}`}` +
      `${page.totalCount === null ? '' : ` (${page.totalCount} media)`}.` +
      (pages !== null && pageNo < pages ? ` Next: --page ${pageNo + 1}, or --all.` : ''),
  );
  return EXIT_OK;
}

async function downloadMedia(
  command: Extract<Command, { name: 'download' }>,
  client: IceClient,
  io: CliIo,
  json: boolean,
): Promise<number> {
  let failed = false;
  const call = io.signal ? { signal: io.signal } : {};
  for (const mediaId of command.mediaIds) {
    try {
      let item = await client.getPublicMediaInfo(mediaId, call);
      if (item.files.length === 0) {
        throw new AppError('NOT_FOUND', `Media ${mediaId} has no downloadable files.`);
      }
      for (let i = 0; i < item.files.length; i++) {
        const wanted = item.files[i]?.fileName;
        const refresh = async () => {
          // Signed URLs expire: ask again for a fresh one (files are keyed by name, not URL).
          item = await client.getPublicMediaInfo(mediaId, call);
          return item.files.find((f) => f.fileName === wanted);
        };
        const result = await downloadOne(item, i, command.to, client, io, refresh);
        io.out(
          json
            ? JSON.stringify({ mediaId, path: result.path, bytes: result.bytes })
            : `Saved ${result.path} (${formatBytes(result.bytes)})`,
        );
      }
    } catch (error) {
      if (error instanceof AppError && error.code === 'CANCELLED') throw error;
      failed = true;
      report(error, io, json, mediaId);
    }
  }
  return failed ? EXIT_FAILURE : EXIT_OK;
}

async function downloadOne(
  item: MediaItem,
  index: number,
  dir: string,
  client: IceClient,
  io: CliIo,
  refresh: () => Promise<MediaItem['files'][number] | undefined>,
) {
  let file = item.files[index];
  for (let attempt = 0; file; attempt++) {
    try {
      return await downloadFile({
        url: file.url,
        dir,
        fileName: file.fileName,
        format: file.formatName,
        expectedSize: file.fileSize,
        allowInternalHosts: client.endpoint.internal,
        ...(io.signal ? { signal: io.signal } : {}),
      });
    } catch (error) {
      if (attempt > 0 || !(error instanceof AppError) || error.code !== 'URL_EXPIRED') throw error;
      file = await refresh();
    }
  }
  throw new AppError('NOT_FOUND', `The file is no longer listed for ${item.mediaId}.`);
}

/** Prints an error (never a stack: got errors would carry request details) and picks the exit code. */
function report(error: unknown, io: CliIo, json: boolean, mediaId?: string): number {
  if (error instanceof UsageError) {
    io.err(`ice: ${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  const appError =
    error instanceof AppError
      ? error
      : new AppError(
          'INTERNAL',
          `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`,
        );
  if (json) {
    io.err(JSON.stringify({ error: { ...appError.toData(), ...(mediaId ? { mediaId } : {}) } }));
  } else {
    const about = mediaId ? ` (${mediaId})` : '';
    // The service's Code is what Alibaba Cloud's documentation is searched by.
    const service = appError.serviceCode ? ` Code: ${appError.serviceCode}` : '';
    const request = appError.requestId ? ` RequestId: ${appError.requestId}` : '';
    io.err(`ice: ${appError.code}${about}: ${appError.message}${service}${request}`);
  }
  return EXIT_FAILURE;
}

async function main(): Promise<void> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // `ice list --all | head` closes the pipe early; that is not a failure.
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
  });
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    signal: controller.signal,
    secrets: { stream: process.stdin, prompt: process.stderr },
  });
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) void main();
