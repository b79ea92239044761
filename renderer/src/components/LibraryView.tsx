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
import { Banners } from './Banners';
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
      <Banners />
      <div className="library__toolbar">
        <div className="library__titles">
          <p className="library__eyebrow">{typeName}</p>
          <h1 className="library__heading" id="library-heading">
            {heading}
          </h1>
        </div>
        <SelectionBar />
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
