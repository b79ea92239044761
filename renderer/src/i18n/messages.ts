// The shape every language's dictionary must fill in. Error texts are keyed by the closed
// ErrorCode list, so a code added to shared/errors.ts without words fails the typecheck.

import type { ErrorCode } from '../../../shared/errors';
import type { LibrarySourceKind } from '../../../shared/domain';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Messages {
  /** The language's own name, shown in the switch. */
  languageName: string;
  appName: string;
  header: {
    sources: Record<LibrarySourceKind, string>;
    sourceEndpoint: (endpoint: string) => string;
    sourceLoading: string;
    languageSwitch: string;
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
  errorDetails: {
    code: string;
    requestId: string;
  };
  bridgeMissing: {
    title: string;
    body: string;
  };
  errors: Record<ErrorCode, string>;
}
