import type { BusinessType } from '../../../shared/domain';
import { IMAGE_SIZES, ORIENTATIONS, SEARCH_SORTS } from '../../../shared/catalogue';
import type { SearchSort } from '../../../shared/catalogue';
import { BUSINESS_TYPE_INFO, DOCUMENTED_TAGS } from '../../../shared/tags';
import { businessTypeName, tagName } from '../i18n';
import { filtersActive } from '../store/catalogue-slice';
import { useAppStore } from '../store/app-store';
import { selectLanguage, selectMessages } from '../store/selectors';
import './FilterBar.css';

/** Duration presets in seconds (music): the ranges designers ask for. */
const DURATION_RANGES: readonly { id: string; min: number | null; max: number | null }[] = [
  { id: '0-30', min: null, max: 30 },
  { id: '30-60', min: 30, max: 60 },
  { id: '60-180', min: 60, max: 180 },
  { id: '180-', min: 180, max: null },
];

function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '∞';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m === 0 ? `${s}s` : s === 0 ? `${m}:00` : `${m}:${String(s).padStart(2, '0')}`;
}

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/**
 * Filters and sort over the local catalogue. The facets shown follow the business type in view:
 * duration for music, orientation and size for images, "animated only" for stickers.
 */
export function FilterBar({ scopeType }: { scopeType: BusinessType | null }) {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const filters = useAppStore((s) => s.filters);
  const sort = useAppStore((s) => s.sort);
  const hasQuery = useAppStore((s) => s.searchText.trim() !== '');
  // Results across business types (a search, or Favourites) offer the type and tag filters.
  const inFavourites = useAppStore((s) => s.view === 'favourites');
  const searching = hasQuery || inFavourites;
  const formats = useAppStore((s) => s.results?.formats ?? []);
  const setFilters = useAppStore((s) => s.setFilters);
  const clearFilters = useAppStore((s) => s.clearFilters);
  const setSort = useAppStore((s) => s.setSort);
  const type = scopeType;
  const tags = type ? DOCUMENTED_TAGS.filter((tag) => tag.businessType === type) : [];
  // "Best match" only means something with words to match (the catalogue orders by newest else).
  const sorts = SEARCH_SORTS.filter((s) => s !== 'relevance' || hasQuery);
  const effectiveSort: SearchSort =
    sort === 'relevance' && !hasQuery ? 'newest' : (sort ?? (hasQuery ? 'relevance' : 'newest'));
  const durationId =
    DURATION_RANGES.find((r) => r.min === filters.minDuration && r.max === filters.maxDuration)
      ?.id ?? '';

  return (
    <div className="filter-bar" role="group" aria-label={t.catalogue.filters}>
      {searching && (
        <label className="filter-bar__field">
          <span className="filter-bar__label">{t.catalogue.type}</span>
          <select
            value={filters.businessType ?? ''}
            onChange={(event) =>
              setFilters({
                businessType: (event.target.value || null) as BusinessType | null,
                tagIds: [],
              })
            }
          >
            <option value="">{t.catalogue.allTypes}</option>
            {BUSINESS_TYPE_INFO.map((info) => (
              <option key={info.id} value={info.id}>
                {businessTypeName(language, info.id)}
              </option>
            ))}
          </select>
        </label>
      )}
      {searching && tags.length > 0 && (
        <div className="filter-bar__chips" role="group" aria-label={t.catalogue.tags}>
          {tags.map((tag) => (
            <button
              key={tag.id}
              type="button"
              className="chip"
              aria-pressed={filters.tagIds.includes(tag.id)}
              onClick={() => setFilters({ tagIds: toggle(filters.tagIds, tag.id) })}
            >
              {tagName(language, tag)}
            </button>
          ))}
        </div>
      )}
      {(formats.length > 1 || filters.formats.length > 0) && (
        <label className="filter-bar__field">
          <span className="filter-bar__label">{t.catalogue.format}</span>
          <select
            value={filters.formats[0] ?? ''}
            onChange={(event) =>
              setFilters({ formats: event.target.value ? [event.target.value] : [] })
            }
          >
            <option value="">{t.catalogue.anyFormat}</option>
            {[...new Set([...formats, ...filters.formats])].map((f) => (
              <option key={f} value={f}>
                {f.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
      )}
      {type === 'bgm' && (
        <label className="filter-bar__field">
          <span className="filter-bar__label">{t.catalogue.duration}</span>
          <select
            value={durationId}
            onChange={(event) => {
              const range = DURATION_RANGES.find((r) => r.id === event.target.value);
              setFilters({ minDuration: range?.min ?? null, maxDuration: range?.max ?? null });
            }}
          >
            <option value="">{t.catalogue.anyDuration}</option>
            {DURATION_RANGES.map((r) => (
              <option key={r.id} value={r.id}>
                {t.catalogue.durationRange(formatSeconds(r.min ?? 0), formatSeconds(r.max))}
              </option>
            ))}
          </select>
        </label>
      )}
      {type === 'bgi' && (
        <>
          <div className="filter-bar__chips" role="group" aria-label={t.catalogue.orientation}>
            {ORIENTATIONS.map((o) => (
              <button
                key={o}
                type="button"
                className="chip"
                aria-pressed={filters.orientations.includes(o)}
                onClick={() => setFilters({ orientations: toggle(filters.orientations, o) })}
              >
                {t.catalogue.orientations[o]}
              </button>
            ))}
          </div>
          <div className="filter-bar__chips" role="group" aria-label={t.catalogue.imageSize}>
            {IMAGE_SIZES.map((size) => (
              <button
                key={size}
                type="button"
                className="chip"
                aria-pressed={filters.imageSizes.includes(size)}
                onClick={() => setFilters({ imageSizes: toggle(filters.imageSizes, size) })}
              >
                {t.catalogue.imageSizes[size]}
              </button>
            ))}
          </div>
        </>
      )}
      {type === 'sticker' && (
        <button
          type="button"
          className="chip"
          aria-pressed={filters.animatedOnly}
          onClick={() => setFilters({ animatedOnly: !filters.animatedOnly })}
        >
          {t.catalogue.animatedOnly}
        </button>
      )}
      {filtersActive(filters) && (
        <button type="button" className="button button--small" onClick={clearFilters}>
          {t.catalogue.clearFilters}
        </button>
      )}
      <label className="filter-bar__field filter-bar__sort">
        <span className="filter-bar__label">{t.catalogue.sort}</span>
        <select
          value={effectiveSort}
          onChange={(event) => setSort(event.target.value as SearchSort)}
        >
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t.catalogue.sorts[s]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
