// The download variants the benchmark compares with curl, each reading the same 300 MB file over
// loopback into a file: what Node's HTTP stack costs, what a raw socket reading into one reused
// buffer costs, and where our downloadFile (got, exclusive .part, positional writes) lands.

import { closeSync, createWriteStream, openSync, writeSync } from 'node:fs';
import { get } from 'node:http';
import { connect } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';

/** node:http, body discarded: the ceiling of Node's HTTP parser alone (no disk). */
export function plainHttpDiscard(url: string): Promise<number> {
  return new Promise((done, fail) => {
    get(url, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.once('end', () => done(bytes));
      response.once('error', fail);
    }).once('error', fail);
  });
}

/** node:http piped into fs.createWriteStream (default 16 KiB buffers). */
export async function plainHttpToFile(url: string, path: string): Promise<void> {
  await new Promise<void>((done, fail) => {
    get(url, (response) => {
      pipeline(response, createWriteStream(path)).then(done, fail);
    }).once('error', fail);
  });
}

/** node:http into a writer that batches chunks into one writev of up to 8 MiB. */
export async function plainHttpBatchedWrites(url: string, path: string): Promise<void> {
  const fd = openSync(path, 'w');
  try {
    await new Promise<void>((done, fail) => {
      get(url, (response) => {
        const sink = new Writable({
          highWaterMark: 8 * 1024 * 1024,
          writev(chunks, callback) {
            try {
              for (const { chunk } of chunks) writeSync(fd, chunk as Buffer);
              callback();
            } catch (error) {
              callback(error as Error);
            }
          },
        });
        pipeline(response, sink).then(done, fail);
      }).once('error', fail);
    });
  } finally {
    closeSync(fd);
  }
}

/**
 * A raw TCP socket reading into one reused buffer (net's `onread`: no allocation per read) and
 * writing each read synchronously to the file: HTTP/1.1 with Content-Length only, parsed by
 * hand. What Node can do at best here, not something to ship (no TLS, redirects, chunking).
 */
export function rawSocketReusedBuffer(
  url: string,
  path: string,
  bufferBytes: number,
): Promise<number> {
  const target = new URL(url);
  const fd = openSync(path, 'w');
  return new Promise<number>((done, fail) => {
    let header = Buffer.alloc(0);
    let remaining = -1;
    let written = 0;
    const finish = (error?: Error): void => {
      closeSync(fd);
      if (error) fail(error);
      else done(written);
    };
    const socket = connect({
      host: target.hostname,
      port: Number(target.port),
      onread: {
        buffer: Buffer.allocUnsafe(bufferBytes),
        callback(size: number, buffer: Uint8Array) {
          let body = Buffer.from(buffer.buffer, buffer.byteOffset, size);
          if (remaining < 0) {
            header = Buffer.concat([header, body]);
            const end = header.indexOf('\r\n\r\n');
            if (end < 0) return true;
            const length = /\r\ncontent-length:\s*(\d+)/i.exec(
              header.subarray(0, end).toString('latin1'),
            );
            if (!length) {
              socket.destroy();
              finish(new Error('no Content-Length'));
              return false;
            }
            remaining = Number(length[1]);
            body = header.subarray(end + 4);
          }
          if (body.length > 0) {
            writeSync(fd, body);
            written += body.length;
            remaining -= body.length;
          }
          if (remaining === 0) {
            socket.destroy();
            finish();
            return false;
          }
          return true;
        },
      },
    });
    socket.once('connect', () => {
      socket.write(
        `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nConnection: close\r\n\r\n`,
      );
    });
    socket.once('error', (error) => finish(error));
  });
}
