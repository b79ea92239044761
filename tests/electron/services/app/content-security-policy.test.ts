// The development page gets a CSP too: electron-vite's dev server sends no header, so the renderer
// config injects the development policy as a meta tag.

import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import {
  contentSecurityPolicy,
  developmentContentSecurityPolicy,
} from '../../../../electron/services/app/content-security-policy';
import { devContentSecurityPolicy } from '../../../../electron.vite.config';

const directives = (policy: string) =>
  new Map(
    policy.split('; ').map((d) => {
      const [name, ...values] = d.split(' ');
      return [name, values] as const;
    }),
  );

describe('the development CSP', () => {
  it('is injected into the page Vite serves in development, and only there', () => {
    const plugin: Plugin = devContentSecurityPolicy();
    expect(plugin.apply).toBe('serve');
    const transform = plugin.transformIndexHtml as () => unknown;
    expect(transform()).toEqual([
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: developmentContentSecurityPolicy(),
        },
        injectTo: 'head-prepend',
      },
    ]);
  });

  it('keeps everything but what the dev server needs as strict as the app', () => {
    const dev = directives(developmentContentSecurityPolicy());
    const app = directives(contentSecurityPolicy({ mediaSrc: ['media:'] }));
    expect(dev.get('default-src')).toEqual(["'none'"]);
    expect(dev.get('object-src')).toEqual(["'none'"]);
    expect(dev.get('base-uri')).toEqual(["'none'"]);
    expect(dev.get('img-src')).toEqual(app.get('img-src'));
    expect(dev.get('media-src')).toEqual(['media:']); // the app's media come only from the cache
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]); // no remote script
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:*', 'ws://127.0.0.1:*']);
    // A meta tag cannot set frame-ancestors (browsers warn and ignore it).
    expect(dev.has('frame-ancestors')).toBe(false);
    expect(app.get('frame-ancestors')).toEqual(["'none'"]);
  });
});
