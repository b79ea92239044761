import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import {
  MAX_NAME_BYTES,
  mediaFileName,
  numberedName,
  pathInside,
  sanitizeFileName,
} from '../../../../electron/services/ice/file-names';

describe('sanitizeFileName', () => {
  it.each([
    ['music.mp3', 'music.mp3'],
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\Windows\\win.ini', 'Windows_win.ini'],
    ['/abs/path.png', 'abs_path.png'],
    ['..', 'download'],
    ['...', 'download'],
    ['', 'download'],
    ['.hidden', 'hidden'],
    ['trailing. . .', 'trailing'],
    ['name. ', 'name'],
    ['a<b>c:d"e|f?g*h.png', 'a_b_c_d_e_f_g_h.png'],
    ['tab\there\nnew\u0000null\u007f.gif', 'tab_here_new_null_.gif'],
    ['CON', '_CON'],
    ['con.txt', '_con.txt'],
    ['Lpt1.mp3', '_Lpt1.mp3'],
    ['COM1.tar.gz', '_COM1.tar.gz'],
    ['console.mp3', 'console.mp3'],
    ['贴纸 气氛.png', '贴纸 气氛.png'],
    ['CONIN$', '_CONIN$'],
    ['conout$.log', '_conout$.log'],
    // Invisible format characters and line separators go; other spaces become plain spaces.
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a\u200Bb\u2066c\uFEFF.png', 'abc.png'],
    ['line\u2028break\u2029.png', 'linebreak.png'],
    ['wide\u3000space\u00A0x.png', 'wide space x.png'],
  ])('%j -> %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('caps the length in bytes, keeping the extension and whole characters', () => {
    const long = `${'标'.repeat(300)}.mp3`;
    const safe = sanitizeFileName(long);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(safe.endsWith('.mp3')).toBe(true);
    expect(safe).toMatch(/^标+\.mp3$/);
    const emoji = sanitizeFileName(`${'🎵'.repeat(100)}.wav`);
    expect(emoji).toMatch(/^(🎵)+\.wav$/u);
  });

  it('numbers alternatives before the extension', () => {
    expect(numberedName('a.mp3', 1)).toBe('a (1).mp3');
    expect(numberedName('noext', 2)).toBe('noext (2)');
  });
});

describe('mediaFileName', () => {
  it.each([
    // [name from the API, FormatName, saved as]
    ['song.mp3', 'mp3', 'song.mp3'],
    ['clip.mp4', 'mov,mp4,m4a,3gp,3g2,mj2', 'clip.mp4'],
    ['photo.JPG', 'jpeg_pipe', 'photo.JPG'],
    ['photo.jpg', 'jpeg_pipe', 'photo.jpg'],
    ['invoice\u202Efdp.exe', 'mp3', 'invoicefdp_exe.mp3'],
    ['run.exe', null, 'run_exe'],
    ['page.html', 'gif', 'page_html.gif'],
    ['sticker', 'png', 'sticker.png'],
    ['cover.png', null, 'cover.png'],
    ['trick.png', 'mp3', 'trick_png.mp3'],
    ['shortcut.lnk', 'unknownformat', 'shortcut_lnk'],
    ['CONOUT$', 'wav', '_CONOUT$.wav'],
  ])('%j of format %j -> %j', (raw, format, expected) => {
    expect(mediaFileName(raw, format)).toBe(expected);
  });
});

describe('pathInside', () => {
  const dir = resolve('/tmp/downloads');
  it('accepts a plain name', () => {
    expect(pathInside(dir, 'a.png')).toBe(join(dir, 'a.png'));
  });
  it.each(['../a.png', '/etc/passwd', 'sub/a.png', '..', '.', ''])('refuses %j', (name) => {
    expect(() => pathInside(dir, name)).toThrow(expect.objectContaining({ code: 'UNSAFE_PATH' }));
  });
  it('keeps every sanitized hostile name inside the folder', () => {
    for (const hostile of [
      '../../x',
      '..\\x',
      '/x',
      'a/../../b',
      '\u0000/..',
      'C:\\x',
      '....//x',
    ]) {
      const path = pathInside(dir, sanitizeFileName(hostile));
      expect(path.startsWith(`${dir}/`)).toBe(true);
    }
  });
});
