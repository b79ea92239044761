// The few DOM shapes the tests touch inside page callbacks. tests/e2e is type-checked with the
// Node-side tsconfig (no DOM library), and callbacks run in the page, so only types cross.

export interface PageElement {
  tagName: string;
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  getAttribute(name: string): string | null;
  closest(selector: string): PageElement | null;
}

export interface PageGlobals {
  document: {
    activeElement: PageElement | null;
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { violatedDirective: string; blockedURI: string }) => void,
    ): void;
  };
}

export interface MediaElementLike {
  readyState: number;
  currentTime: number;
  muted: boolean;
  play(): Promise<void>;
  pause(): void;
}

export interface ImageLike {
  complete: boolean;
  naturalWidth: number;
}

export interface ClipboardGlobals {
  navigator: { clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> } };
}

/** Enough of the page's globals to dispatch a key as the focused element receives it. */
export interface KeyboardGlobals {
  document: { activeElement: { dispatchEvent(event: unknown): boolean } | null };
  KeyboardEvent: new (
    type: 'keydown',
    init: { key: string; bubbles: boolean; cancelable: boolean },
  ) => unknown;
}
