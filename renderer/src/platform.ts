// What the renderer asks the browser about the user's environment.

/** The user's preferred languages, most preferred first. */
export function browserLanguages(): readonly string[] {
  return navigator.languages.length > 0 ? navigator.languages : [navigator.language];
}

/** macOS and iOS name the modifier ⌘ and use it where others use Ctrl. */
export function isApplePlatform(): boolean {
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.userAgent;
  return /mac|iphone|ipad/i.test(platform);
}
