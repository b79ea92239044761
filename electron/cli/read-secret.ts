// Reads the AccessKey secret (and STS token) for `auth set`: from a pipe, one value per line; from a
// terminal, asked for with the echo off. Values never come from arguments (see args.ts) and are
// never written anywhere by this module, except as the user's own typing, which stays invisible.

import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppError } from '../../shared/errors';

export interface SecretSource {
  stream: NodeJS.ReadableStream & { isTTY?: boolean };
  /** Where prompts go when the stream is a terminal: stderr, so stdout keeps only results. */
  prompt: NodeJS.WritableStream;
}

/** Far above a secret (256) plus an STS token (16 KiB); stops a wrong pipe from filling memory. */
const MAX_PIPED_BYTES = 64 * 1024;

/** One value per label, in order: piped lines, or answers typed at hidden prompts. */
export function readSecrets(source: SecretSource, labels: readonly string[]): Promise<string[]> {
  return source.stream.isTTY ? promptHidden(source, labels) : readPipedLines(source, labels);
}

async function readPipedLines(source: SecretSource, labels: readonly string[]): Promise<string[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source.stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_PIPED_BYTES) {
      throw new AppError(
        'INVALID_INPUT',
        `stdin holds more than ${MAX_PIPED_BYTES / 1024} KiB; pipe in only the secret` +
          `${labels.length > 1 ? ' and the token' : ''}, one per line.`,
      );
    }
    chunks.push(buffer);
  }
  const lines = Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
  const extra = lines.slice(labels.length).some((line) => line.trim() !== '');
  if (extra) {
    // Refused rather than ignored: a token on line 2 without --sts would otherwise be lost.
    throw new AppError(
      'INVALID_INPUT',
      labels.length === 1
        ? 'stdin has more than one line. Pipe in only the secret, or add --sts to read the ' +
            'security token from the second line.'
        : 'stdin has more than two lines. Pipe in the secret on the first line and the ' +
            'security token on the second.',
    );
  }
  return labels.map((_, i) => lines[i] ?? '');
}

async function promptHidden(source: SecretSource, labels: readonly string[]): Promise<string[]> {
  let muted = false;
  // readline echoes what is typed to its output; this one drops everything while muted.
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) source.prompt.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: source.stream, output, terminal: true, historySize: 0 });
  try {
    const answers: string[] = [];
    for (const label of labels) {
      source.prompt.write(`${label} (input hidden): `);
      muted = true;
      answers.push(await nextLine(rl));
      muted = false;
      source.prompt.write('\n');
    }
    return answers;
  } finally {
    muted = false;
    rl.close();
  }
}

function nextLine(rl: ReturnType<typeof createInterface>): Promise<string> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      rl.off('line', onLine);
      rl.off('SIGINT', onInterrupt);
      rl.off('close', onClose);
    };
    const onLine = (line: string) => {
      cleanup();
      resolve(line);
    };
    const onInterrupt = () => {
      cleanup();
      reject(new AppError('CANCELLED', 'Cancelled; nothing was saved.'));
    };
    // Ctrl-D (end of input) before Enter: treated as an empty answer, which validation refuses.
    const onClose = () => {
      cleanup();
      resolve('');
    };
    rl.on('line', onLine);
    rl.on('SIGINT', onInterrupt);
    rl.on('close', onClose);
  });
}
