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
import { MediaGrid } from './MediaGrid';
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

  const typeName = businessTypeName(language, businessType);
  const heading = tag
    ? tagName(language, tag)
    : selectedTagId === null
      ? t.sidebar.all
      : selectedTagId;
  const place = `${typeName} · ${heading}`;

  let count: string | null = null;
  if (list?.status === 'ready' && list.ids.length > 0) {
    const total = list.totalCount ?? list.ids.length;
    count =
      list.ids.length < total
        ? t.library.loadedOf(list.ids.length, total)
        : t.library.itemCount(total);
  }

  let body;
  if (!list || list.status === 'loading') {
    body = <SkeletonGrid businessType={businessType} label={t.library.loading} />;
  } else if (list.status === 'error' && list.error) {
    body = <ErrorState error={list.error} onRetry={retryList} />;
  } else if (list.ids.length === 0) {
    body = <EmptyState />;
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
      <div className="library__toolbar">
        <div className="library__titles">
          <p className="library__eyebrow">{typeName}</p>
          <h1 className="library__heading" id="library-heading">
            {heading}
          </h1>
        </div>
        {count && (
          <p className="library__count" data-testid="media-count">
            {count}
          </p>
        )}
      </div>
      <div className="library__body">{body}</div>
    </main>
  );
}
