import { describe, expect, it } from 'vitest';
import { checkSender, originOf } from '../../../../electron/services/ipc/sender-check';

const APP = ['app://renderer'];
const top = (url: string) => ({ isMainFrame: true, url });

describe('originOf', () => {
  it('gives scheme://host[:port] the way Chromium serializes it, custom schemes included', () => {
    expect(originOf('app://renderer/index.html?x#y')).toBe('app://renderer');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('https://example.com:443/')).toBe('https://example.com');
    expect(originOf('APP://Renderer/')).toBe('app://renderer');
  });

  it('gives null for URLs without a host and for garbage', () => {
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('checkSender', () => {
  it("accepts the top frame of the app's own window on the app origin", () => {
    expect(
      checkSender({ fromAppContents: true, frame: top('app://renderer/index.html') }, APP),
    ).toEqual({
      ok: true,
    });
  });

  it('refuses a webContents the app did not create, whatever it shows', () => {
    const verdict = checkSender({ fromAppContents: false, frame: top('app://renderer/') }, APP);
    expect(verdict).toEqual({ ok: false, reason: 'the sender is not a window the app created' });
  });

  it('refuses a subframe even when it is on the app origin', () => {
    const frame = { isMainFrame: false, url: 'app://renderer/index.html' };
    expect(checkSender({ fromAppContents: true, frame }, APP).ok).toBe(false);
  });

  it('refuses a frame that is gone', () => {
    expect(checkSender({ fromAppContents: true, frame: null }, APP).ok).toBe(false);
  });

  it('refuses other origins, look-alikes and host-less pages', () => {
    for (const url of [
      'https://evil.example/',
      'app://renderer.evil/',
      'app://evil/index.html',
      'http://renderer/',
      'file:///app/renderer/index.html',
      'about:blank',
      'data:text/html,<script>1</script>',
    ]) {
      expect(checkSender({ fromAppContents: true, frame: top(url) }, APP).ok, url).toBe(false);
    }
  });

  it('accepts exactly the listed origins (the dev server in development)', () => {
    const dev = ['http://localhost:5173'];
    expect(
      checkSender({ fromAppContents: true, frame: top('http://localhost:5173/') }, dev).ok,
    ).toBe(true);
    expect(
      checkSender({ fromAppContents: true, frame: top('http://localhost:5174/') }, dev).ok,
    ).toBe(false);
    expect(checkSender({ fromAppContents: true, frame: top('app://renderer/') }, dev).ok).toBe(
      false,
    );
  });
});
