import type { ComponentType } from 'react';
import type { BusinessType } from '../../../shared/domain';
import { BUSINESS_TYPE_INFO } from '../../../shared/tags';
import { businessTypeName, tagName } from '../i18n';
import { useAppStore } from '../store/app-store';
import {
  selectBusinessType,
  selectLanguage,
  selectMessages,
  selectSelectedTagId,
  selectTagsState,
} from '../store/selectors';
import { ErrorWithRetry } from './ErrorWithRetry';
import { ImageIcon, MusicIcon, StarIcon, StickerIcon } from './icons';
import './Sidebar.css';

export const BUSINESS_TYPE_ICONS: Record<BusinessType, ComponentType<{ size?: number }>> = {
  sticker: StickerIcon,
  bgm: MusicIcon,
  bgi: ImageIcon,
};

export function Sidebar() {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const businessType = useAppStore(selectBusinessType);
  const chooseBusinessType = useAppStore((s) => s.selectBusinessType);
  const view = useAppStore((s) => s.view);
  const searching = useAppStore((s) => s.searchText.trim() !== '');
  const browse = useAppStore((s) => s.browse);
  const showView = useAppStore((s) => s.showView);
  const browsing = view === 'browse' && !searching;

  return (
    <nav className="sidebar" aria-label={t.sidebar.label}>
      <h2 className="sidebar__heading">{t.sidebar.libraryHeading}</h2>
      <ul className="nav-list">
        {BUSINESS_TYPE_INFO.map((info) => {
          const selected = info.id === businessType && browsing;
          const Icon = BUSINESS_TYPE_ICONS[info.id];
          return (
            <li key={info.id} className="nav-list__entry">
              <button
                type="button"
                className="nav-item"
                data-business-type={info.id}
                aria-current={selected ? 'true' : undefined}
                onClick={() => {
                  browse();
                  chooseBusinessType(info.id);
                }}
              >
                <span className={`nav-item__icon nav-item__icon--${info.id}`}>
                  <Icon size={16} />
                </span>
                <span className="nav-item__label">{businessTypeName(language, info.id)}</span>
              </button>
              {info.id === businessType && view === 'browse' && <TagList />}
            </li>
          );
        })}
      </ul>
      <ul className="nav-list nav-list--views">
        <li className="nav-list__entry">
          <button
            type="button"
            className="nav-item"
            data-view="favourites"
            aria-current={view === 'favourites' ? 'true' : undefined}
            onClick={() => showView('favourites')}
          >
            <span className="nav-item__icon nav-item__icon--favourites">
              <StarIcon size={16} />
            </span>
            <span className="nav-item__label">{t.catalogue.favouritesHeading}</span>
          </button>
        </li>
      </ul>
    </nav>
  );
}

function TagList() {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const businessType = useAppStore(selectBusinessType);
  const selectedTagId = useAppStore(selectSelectedTagId);
  const tagsState = useAppStore(selectTagsState);
  const chooseTag = useAppStore((s) => s.selectTag);
  const browse = useAppStore((s) => s.browse);
  const selectTag = (tagId: string | null) => {
    browse();
    chooseTag(tagId);
  };
  const retryTags = useAppStore((s) => s.retryTags);
  const tags = tagsState?.tags ?? [];
  // While searching, the tag list stays but marks no place: the grid shows results.
  const browsing = useAppStore((s) => s.view === 'browse' && s.searchText.trim() === '');

  return (
    <div className="tag-group">
      <ul
        className="tag-list"
        aria-label={t.sidebar.tagsOf(businessTypeName(language, businessType))}
      >
        <li>
          <button
            type="button"
            className="tag-item"
            aria-current={browsing && selectedTagId === null ? 'true' : undefined}
            onClick={() => selectTag(null)}
          >
            {t.sidebar.all}
          </button>
        </li>
        {tags.map((tag) => (
          <li key={tag.id}>
            <button
              type="button"
              className="tag-item"
              data-tag-id={tag.id}
              aria-current={browsing && selectedTagId === tag.id ? 'true' : undefined}
              onClick={() => selectTag(tag.id)}
            >
              {tagName(language, tag)}
            </button>
          </li>
        ))}
      </ul>
      {tagsState?.status === 'loading' && tags.length === 0 && (
        <div className="tag-list__skeleton" aria-label={t.sidebar.tagsLoading} role="status">
          <span className="skeleton-line" />
          <span className="skeleton-line skeleton-line--short" />
          <span className="skeleton-line" />
        </div>
      )}
      {tagsState?.status === 'error' && tagsState.error && (
        <ErrorWithRetry
          layout="stacked"
          what={t.sidebar.tagsFailed}
          error={tagsState.error}
          onRetry={retryTags}
        />
      )}
    </div>
  );
}
