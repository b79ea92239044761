// Where the client may send its calls: plain http only to this computer, where the signature and
// the STS token never cross a network.

import { describe, expect, it } from 'vitest';
import { resolveEndpoint } from '../../../../electron/services/ice/endpoint';
import { checkEndpointUrl } from '../../../../electron/services/settings/settings';

describe('plain http endpoints', () => {
  it.each(['ice.example.com', '8.8.8.8', '192.168.1.5', '[2001:db8::1]', 'localhost.evil.example'])(
    'refuses http to %s',
    (host) => {
      expect(() => resolveEndpoint({ scheme: 'http', host: host.replace(/^\[|\]$/g, '') })).toThrow(
        expect.objectContaining({ code: 'UNSAFE_URL' }),
      );
      expect(checkEndpointUrl(`http://${host}`).ok).toBe(false);
    },
  );

  it.each(['127.0.0.1', '127.1.2.3', 'localhost', '[::1]'])('allows http to %s', (host) => {
    expect(
      resolveEndpoint({ scheme: 'http', host: host.replace(/^\[|\]$/g, ''), port: 8080 }).origin,
    ).toMatch(/^http:\/\//);
    expect(checkEndpointUrl(`http://${host}:8080`).ok).toBe(true);
  });

  it('allows https anywhere', () => {
    expect(resolveEndpoint({ scheme: 'https', host: 'ice.example.com' }).origin).toBe(
      'https://ice.example.com',
    );
    expect(checkEndpointUrl('https://ice.example.com').ok).toBe(true);
  });
});
