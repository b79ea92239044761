// Decides whether an IPC message may reach the router, from facts the Electron wiring gathers
// about its sender. Pure so that every refusal is unit-tested without Electron.

export interface SenderFrameFacts {
  /** True when the frame is the top frame of its webContents (not an iframe). */
  isMainFrame: boolean;
  /** The frame's current URL. */
  url: string;
}

export interface SenderFacts {
  /** True when the sending webContents is one of the windows the app created. */
  fromAppContents: boolean;
  /** The sending frame, or null when it is already gone (navigated away or destroyed). */
  frame: SenderFrameFacts | null;
}

export type SenderVerdict = { ok: true } | { ok: false; reason: string };

/**
 * The scheme://host[:port] of a URL. WHATWG URL gives "null" as the origin of custom schemes
 * such as app://, while Chromium serializes a registered standard scheme as scheme://host, so
 * the origin is rebuilt here the way Chromium sees it (host lower-cased, as Chromium does for
 * standard schemes). Returns null for URLs without a host.
 */
export function originOf(rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.host === '') return null;
  return `${url.protocol}//${url.host.toLowerCase()}`;
}

export function checkSender(facts: SenderFacts, allowedOrigins: readonly string[]): SenderVerdict {
  if (!facts.fromAppContents) {
    return { ok: false, reason: 'the sender is not a window the app created' };
  }
  if (facts.frame === null) {
    return { ok: false, reason: 'the sending frame is gone' };
  }
  if (!facts.frame.isMainFrame) {
    return { ok: false, reason: 'the sender is not the top frame of its window' };
  }
  const origin = originOf(facts.frame.url);
  if (origin === null || !allowedOrigins.includes(origin)) {
    return { ok: false, reason: `the sender's origin ${origin ?? '(none)'} is not the app's` };
  }
  return { ok: true };
}
