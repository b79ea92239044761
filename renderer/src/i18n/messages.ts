// The shape every language's dictionary must fill in. Error texts are keyed by the closed
// ErrorCode list, so a code added to shared/errors.ts without words fails the typecheck.

import type { ErrorCode, TransientErrorCode } from '../../../shared/errors';
import type { LibrarySourceKind } from '../../../shared/domain';
import { UI_LANGUAGES } from '../../../shared/account';
import type { AppSettings, RegionId } from '../../../shared/account';
import type { AccountRule } from '../../../shared/account-rules';

export const LANGUAGES = UI_LANGUAGES;
export type Language = (typeof LANGUAGES)[number];

export interface Messages {
  /** The language's own name, shown in the switch. */
  languageName: string;
  appName: string;
  header: {
    sources: Record<LibrarySourceKind, string>;
    sourceEndpoint: (endpoint: string) => string;
    languageSwitch: string;
    sourceSwitch: string;
    /** Title of "Your account" while no AccessKey is configured (the click opens Settings). */
    accountNeedsKey: string;
    switchFailed: (sourceName: string) => string;
    settings: string;
  };
  notice: {
    settingsReset: string;
    dismiss: string;
  };
  settings: {
    title: string;
    close: string;
    accountHeading: string;
    accountIntro: string;
    findKey: string;
    appearanceHeading: string;
    language: string;
    languageSystem: string;
    theme: string;
    themes: Record<AppSettings['theme'], string>;
  };
  account: {
    accessKeyId: string;
    accessKeySecret: string;
    show: string;
    hide: string;
    showSecret: string;
    hideSecret: string;
    addToken: string;
    removeToken: string;
    securityToken: string;
    securityTokenHint: string;
    showToken: string;
    hideToken: string;
    region: string;
    regions: Record<RegionId, string>;
    endpoint: string;
    optional: string;
    endpointHint: string;
    signature: string;
    signatureV3: string;
    signatureV3Hint: string;
    signatureV1: string;
    signatureV1Hint: string;
    recommended: string;
    test: string;
    testing: string;
    save: string;
    saving: string;
    cancel: string;
    trimmed: string;
    /**
     * Words for every rule of shared/account-rules.ts (a rule added there without words fails the
     * typecheck), plus `invalid` for a field the main process refused for another reason.
     */
    fieldErrors: Record<AccountRule | 'invalid', string>;
    outcome: {
      connected: string;
      librarySize: (count: number) => string;
      librarySizeUnknown: string;
      saved: string;
      savedSession: string;
      failed: string;
      saveFailed: string;
      fixFields: string;
      busy: string;
      throttled: (seconds: number) => string;
      retryingNow: string;
      clockOff: (minutes: number) => string;
      /** The test passed after the app corrected for this computer's clock. */
      clockCorrected: (minutes: number) => string;
    };
    /** Words for the connection test's errors, where they differ from the library's. */
    errors: Partial<Record<ErrorCode, string>>;
    status: {
      configured: string;
      sts: string;
      endpoint: string;
      defaultEndpoint: string;
      storageKeychain: string;
      storageSession: string;
      storageSessionHint: string;
      replace: string;
      remove: string;
      removeConfirm: string;
      removeConfirmButton: string;
      removing: string;
      removeFailed: string;
    };
    keychain: {
      unavailableTitle: string;
      unavailableBody: string;
      lockedTitle: string;
      lockedBody: string;
      neverElsewhere: string;
      keepForSession: string;
      readProblemLocked: string;
      readProblemUnavailable: string;
      readProblemOther: string;
    };
  };
  sidebar: {
    label: string;
    libraryHeading: string;
    tagsOf: (businessTypeName: string) => string;
    all: string;
    tagsLoading: string;
    tagsFailed: string;
  };
  library: {
    itemCount: (count: number) => string;
    loadedOf: (loaded: number, total: number) => string;
    gridLabel: (place: string) => string;
    loading: string;
    emptyTitle: string;
    emptyHint: string;
    errorTitle: string;
    retry: string;
    loadingMore: string;
    loadMoreFailed: string;
    animated: string;
    untitled: string;
    needsKeyTitle: string;
    publicNeedsKey: string;
    openSettings: string;
    useDemo: string;
  };
  details: {
    label: string;
    close: string;
    description: string;
    noDescription: string;
    tags: string;
    files: string;
    noFiles: string;
    format: string;
    size: string;
    dimensions: string;
    duration: string;
    bitrate: string;
    mediaId: string;
    copy: string;
    copied: string;
    copyFailed: string;
    audioUnsupported: string;
  };
  cache: {
    heading: string;
    intro: string;
    used: (used: string, limit: string) => string;
    files: (count: number) => string;
    limit: string;
    clear: string;
    clearing: string;
    cleared: string;
    clearFailed: string;
    openFolder: string;
    openFailed: string;
    offline: string;
    offlineHint: string;
    audioOffline: string;
  };
  favouriteSync: {
    heading: string;
    toggle: string;
    intro: string;
    unavailable: string;
    syncing: string;
    lastSynced: (when: string) => string;
    lastSyncedJustNow: string;
    notYet: string;
    pending: (count: number) => string;
    localOnly: (count: number) => string;
    failed: (reason: string) => string;
    kept: (count: number) => string;
    retryAt: (when: string) => string;
    retrySoon: string;
    /** The cause alone, for a failure the app retries by itself (no "try again" advice). */
    passing: Record<TransientErrorCode, string>;
    retry: string;
  };
  mediaOut: {
    download: string;
    saveTo: string;
    showInFolder: string;
    open: string;
    copyFile: string;
    copyMediaId: string;
    copyMediaIds: string;
    copyFileName: string;
    openInConsole: string;
    copied: string;
    /** Copy file fell back to the path (no file clipboard on this system). */
    copiedPath: string;
    copyFailed: string;
    menuLabel: (title: string) => string;
    selected: (count: number) => string;
    selectionBar: string;
    clearSelection: string;
    /** A tile's file is being fetched so that it can be dragged. */
    preparing: (percent: number | null) => string;
    dragHint: string;
    downloads: string;
    downloadsActive: (count: number) => string;
    downloadsEmpty: string;
    clearHistory: string;
    close: string;
    cancel: string;
    retry: string;
    batch: (done: number, count: number) => string;
    speed: (perSecond: string) => string;
    timeLeft: (duration: string) => string;
    states: {
      queued: string;
      downloading: string;
      done: string;
      failed: string;
      cancelled: string;
    };
    alreadyThere: string;
    folderHeading: string;
    folderHint: string;
    folderDefault: string;
    changeFolder: string;
    useDefaultFolder: string;
    shortcuts: { download: string; saveTo: string };
  };
  errorDetails: {
    code: string;
    /** The service's own error code (Alibaba Cloud's), next to ours. */
    serviceCode: string;
    requestId: string;
  };
  bridgeMissing: {
    title: string;
    body: string;
  };
  errors: Record<ErrorCode, string>;
  catalogue: {
    searchLabel: string;
    searchPlaceholder: string;
    clearSearch: string;
    resultsHeading: string;
    resultsFor: (text: string) => string;
    resultCount: (count: number) => string;
    noResultsTitle: string;
    noResultsHint: string;
    favouritesHeading: string;
    favouritesEmptyTitle: string;
    favouritesEmptyHint: string;
    favourite: string;
    unfavourite: string;
    emptyTypeTitle: (typeName: string) => string;
    emptyTypeHint: string;
    syncing: (done: number, total: number | null) => string;
    updatedAt: (when: string) => string;
    updatedJustNow: string;
    notYetSynced: string;
    syncFailed: string;
    refresh: string;
    filters: string;
    allTypes: string;
    type: string;
    tags: string;
    format: string;
    anyFormat: string;
    anyDuration: string;
    duration: string;
    durationRange: (from: string, to: string) => string;
    orientation: string;
    orientations: Record<'landscape' | 'portrait' | 'square', string>;
    imageSize: string;
    imageSizes: Record<'small' | 'medium' | 'large', string>;
    animatedOnly: string;
    clearFilters: string;
    sort: string;
    sorts: Record<'relevance' | 'newest' | 'title' | 'duration' | 'size', string>;
    windowTitle: string;
  };
  player: {
    label: string;
    play: string;
    pause: string;
    playItem: (title: string) => string;
    pauseItem: (title: string) => string;
    previous: string;
    next: string;
    seek: string;
    autoAdvance: string;
    close: string;
    waveformOf: (title: string) => string;
    layout: string;
    grid: string;
    list: string;
    thumbnailSize: string;
    quickLook: string;
    quickLookOf: (title: string, position: number, total: number) => string;
    collapseSidebar: string;
    expandSidebar: string;
    resizeDetails: string;
  };
}
