import { accountErrorText } from '../account/account-errors';
import { businessTypeName, tagName } from '../i18n';
import { useAppStore } from '../store/app-store';
import {
  selectBusinessType,
  selectCurrentList,
  selectCurrentListKey,
  selectCurrentTag,
  selectLanguage,
  selectMessages,
} from '../store/selectors';
import { usesCatalogue } from '../store/catalogue-slice';
import { Banners } from './Banners';
import { CatalogueNote } from './CatalogueNote';
import { CatalogueView } from './CatalogueView';
import { FilterBar } from './FilterBar';
import { LayoutToggle } from './LayoutToggle';
import { MediaList } from './MediaList';
import { SearchBox } from './SearchBox';
import { SidebarToggle, ThumbSizeSlider } from './ViewControls';
import { KeyIcon } from './icons';
import { MediaGrid } from './MediaGrid';
import { SelectionBar } from './media-out/SelectionBar';
import { SkeletonGrid } from './SkeletonGrid';
import { EmptyState, ErrorState } from './StatusViews';
import './LibraryView.css';

export function LibraryView() {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const businessType = useAppStore(selectBusinessType);
  const tag = useAppStore(selectCurrentTag);
  const selectedTagId = useAppStore((s) => s.selectedTagId);
  const list = useAppStore(selectCurrentList);
  const key = useAppStore(selectCurrentListKey);
  const retryList = useAppStore((s) => s.retryList);
  const source = useAppStore((s) => s.source);
  const openSettings = useAppStore((s) => s.openSettings);
  const switchSource = useAppStore((s) => s.switchSource);
  const fromCatalogue = useAppStore(usesCatalogue);
  const searchText = useAppStore((s) => s.searchText.trim());
  const view = useAppStore((s) => s.view);
  const searchType = useAppStore((s) => s.filters.businessType);
  const results = useAppStore((s) => s.results);
  const loadMore = useAppStore((s) => s.loadMore);

  const searching = searchText !== '';
  const browsing = view === 'browse' && !searching;
  // Search and favourites span every business type unless the filter picks one.
  const scopeType = browsing ? businessType : searchType;
  const layoutKey = scopeType ?? 'mixed';
  const layout = useAppStore((s) => s.layoutByType[layoutKey]);
  const typeName = businessTypeName(language, businessType);
  let eyebrow = typeName;
  let heading = tag
    ? tagName(language, tag)
    : selectedTagId === null
      ? t.sidebar.all
      : selectedTagId;
  if (view === 'favourites') {
    eyebrow = searching ? t.catalogue.resultsFor(searchText) : t.catalogue.favouritesHeading;
    heading = searching ? t.catalogue.resultsHeading : t.catalogue.favouritesHeading;
  } else if (searching) {
    eyebrow = t.catalogue.resultsFor(searchText);
    heading = t.catalogue.resultsHeading;
  }
  const place = browsing ? `${typeName} · ${heading}` : `${heading} ${eyebrow}`;

  let count: string | null = null;
  if (fromCatalogue) {
    if (results?.status === 'ready' && results.ids.length > 0) {
      count = browsing
        ? t.library.itemCount(results.ids.length)
        : t.catalogue.resultCount(results.ids.length);
    }
  } else if (list?.status === 'ready' && list.ids.length > 0) {
    const total = list.totalCount ?? list.ids.length;
    count =
      list.ids.length < total
        ? t.library.loadedOf(list.ids.length, total)
        : t.library.itemCount(total);
  }

  let body;
  if (fromCatalogue) {
    body = (
      <CatalogueView
        layoutType={scopeType ?? 'sticker'}
        layout={layout}
        label={t.library.gridLabel(place)}
      />
    );
  } else if (!list || list.status === 'loading') {
    body = <SkeletonGrid businessType={businessType} label={t.library.loading} />;
  } else if (list.status === 'error' && list.error) {
    // The public library may refuse anonymous calls; a revoked key fails the account source.
    const needsKey =
      source !== null && source.kind !== 'demo' && list.error.code.startsWith('AUTH_');
    body = needsKey ? (
      <ErrorState
        error={list.error}
        onRetry={retryList}
        title={t.library.needsKeyTitle}
        icon={<KeyIcon size={26} />}
        text={
          source.kind === 'anonymous' && list.error.code === 'AUTH_REQUIRED'
            ? t.library.publicNeedsKey
            : accountErrorText(t, list.error)
        }
      >
        <button type="button" className="button button--primary" onClick={openSettings}>
          {t.library.openSettings}
        </button>
        <button type="button" className="button" onClick={() => void switchSource('demo')}>
          {t.library.useDemo}
        </button>
      </ErrorState>
    ) : (
      <ErrorState error={list.error} onRetry={retryList} />
    );
  } else if (list.ids.length === 0) {
    body =
      selectedTagId === null ? (
        <EmptyState title={t.catalogue.emptyTypeTitle(typeName)} hint={t.catalogue.emptyTypeHint} />
      ) : (
        <EmptyState />
      );
  } else if (layout === 'list') {
    body = (
      <MediaList
        key={key}
        ids={list.ids}
        label={t.library.gridLabel(place)}
        onNearEnd={list.hasMore && list.moreStatus === 'idle' ? loadMore : undefined}
      />
    );
  } else {
    body = (
      <MediaGrid
        key={key}
        list={list}
        businessType={businessType}
        label={t.library.gridLabel(place)}
      />
    );
  }

  return (
    <main className="library" aria-labelledby="library-heading">
      <Banners />
      <div className="library__searchbar">
        <SidebarToggle />
        <SearchBox />
        <CatalogueNote />
      </div>
      <div className="library__toolbar">
        <div className="library__titles">
          <p className="library__eyebrow">{eyebrow}</p>
          <h1 className="library__heading" id="library-heading">
            {heading}
          </h1>
        </div>
        <SelectionBar />
        <div className="library__tools">
          {count && (
            <p className="library__count" data-testid="media-count">
              {count}
            </p>
          )}
          {layout === 'grid' && <ThumbSizeSlider />}
          <LayoutToggle layoutKey={layoutKey} />
        </div>
      </div>
      {fromCatalogue && <FilterBar scopeType={scopeType} />}
      <div className="library__body">{body}</div>
    </main>
  );
}
