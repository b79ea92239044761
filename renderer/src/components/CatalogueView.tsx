import { useCallback, useMemo } from 'react';
import type { BusinessType } from '../../../shared/domain';
import { businessTypeName } from '../i18n';
import type { MediaListState } from '../store/library-slice';
import { currentQuery } from '../store/catalogue-slice';
import { useAppStore } from '../store/app-store';
import { selectLanguage, selectMessages } from '../store/selectors';
import { MediaGrid } from './MediaGrid';
import { MediaList } from './MediaList';
import { SkeletonGrid } from './SkeletonGrid';
import { EmptyState, ErrorState } from './StatusViews';

/**
 * Items are fetched in aligned chunks around the visible ones: a long scroll asks for a chunk
 * (and copies the page's item map) once per 240 items, not once per screen.
 */
const CHUNK = 240;

/**
 * The grid over the local catalogue's answer: every matching id is known, so the scrollbar
 * covers the whole result and End goes to the real end; items are fetched as they come into
 * view.
 */
export function CatalogueView({
  layoutType,
  layout,
  label,
}: {
  layoutType: BusinessType;
  layout: 'grid' | 'list';
  label: string;
}) {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const results = useAppStore((s) => s.results);
  const searching = useAppStore((s) => s.searchText.trim() !== '');
  const view = useAppStore((s) => s.view);
  const browseType = useAppStore((s) => s.businessType);
  const browseTag = useAppStore((s) => s.selectedTagId);
  const filtered = useAppStore((s) => {
    const q = currentQuery(s);
    return Object.keys(q).some(
      (k) => !['text', 'businessType', 'tagIds', 'sort', 'favouritesOnly'].includes(k),
    );
  });
  const ensureItems = useAppStore((s) => s.ensureItems);
  const refreshResults = useAppStore((s) => s.refreshResults);

  const ids = results?.ids;
  const list = useMemo<MediaListState | null>(
    () =>
      ids === undefined
        ? null
        : {
            status: 'ready',
            error: null,
            ids,
            totalCount: ids.length,
            pagesLoaded: 1,
            hasMore: false,
            moreStatus: 'idle',
            moreError: null,
            loadedAt: 0,
          },
    [ids],
  );
  const onVisibleRange = useCallback(
    (first: number, last: number) => {
      if (!ids) return;
      const from = Math.floor(first / CHUNK) * CHUNK;
      const to = (Math.floor(last / CHUNK) + 1) * CHUNK;
      // The next chunk too when the view is in the second half of this one.
      const ahead = last % CHUNK > CHUNK / 2 ? CHUNK : 0;
      void ensureItems(ids.slice(from, to + ahead));
    },
    [ids, ensureItems],
  );

  if (!results || (results.status === 'loading' && results.ids.length === 0)) {
    return <SkeletonGrid businessType={layoutType} label={t.library.loading} />;
  }
  if (results.status === 'error' && results.error) {
    return <ErrorState error={results.error} onRetry={refreshResults} />;
  }
  if (results.ids.length === 0 || !list) {
    if (view === 'favourites' && !searching && !filtered) {
      return (
        <EmptyState
          title={t.catalogue.favouritesEmptyTitle}
          hint={t.catalogue.favouritesEmptyHint}
        />
      );
    }
    if (view === 'browse' && !searching && !filtered && browseTag === null) {
      const typeName = businessTypeName(language, browseType);
      return (
        <EmptyState title={t.catalogue.emptyTypeTitle(typeName)} hint={t.catalogue.emptyTypeHint} />
      );
    }
    if (searching || filtered || view === 'favourites') {
      return <EmptyState title={t.catalogue.noResultsTitle} hint={t.catalogue.noResultsHint} />;
    }
    return <EmptyState />;
  }
  if (layout === 'list') {
    return (
      <MediaList key={results.key} ids={list.ids} label={label} onVisibleRange={onVisibleRange} />
    );
  }
  return (
    <MediaGrid
      key={results.key}
      list={list}
      businessType={layoutType}
      label={label}
      onVisibleRange={onVisibleRange}
    />
  );
}
