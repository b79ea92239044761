import { useEffect, useRef } from 'react';
import { SEARCH_TEXT_MAX } from '../../../shared/catalogue';
import { useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import { CloseIcon, SearchIcon } from './icons';
import './SearchBox.css';

export const SEARCH_INPUT_ID = 'library-search';

/** True when typing goes into this element, so single-key shortcuts must leave it alone. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'file', 'color'].includes(
    target.type,
  );
}

/**
 * The search box: results update as you type (the main process answers in milliseconds).
 * Ctrl/⌘+F and "/" focus it from anywhere; Escape clears it, a second Escape leaves it.
 * ↓ or Enter goes to the results, so a track found by typing plays with Space next.
 */
/** Focuses the result the grid or list would focus on Tab (its roving tab stop). */
function focusResults(): boolean {
  const grid = document.querySelector('[role="grid"]');
  const cell =
    grid?.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]') ??
    grid?.querySelector<HTMLElement>('[role="gridcell"]');
  cell?.focus();
  return cell !== null && cell !== undefined;
}

export function SearchBox() {
  const t = useAppStore(selectMessages);
  const text = useAppStore((s) => s.searchText);
  const setSearchText = useAppStore((s) => s.setSearchText);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const find = event.key.toLowerCase() === 'f' && (event.ctrlKey || event.metaKey);
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (!find && !(slash && !isTextField(event.target))) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="search-box" role="search">
      <SearchIcon size={16} className="search-box__icon" />
      <input
        ref={input}
        id={SEARCH_INPUT_ID}
        className="search-box__input"
        type="search"
        value={text}
        maxLength={SEARCH_TEXT_MAX}
        placeholder={t.catalogue.searchPlaceholder}
        aria-label={t.catalogue.searchLabel}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setSearchText(event.target.value)}
        onKeyDown={(event) => {
          const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
          if (plain && (event.key === 'ArrowDown' || event.key === 'Enter')) {
            if (focusResults()) event.preventDefault();
            return;
          }
          if (event.key !== 'Escape') return;
          if (text !== '') {
            event.preventDefault();
            setSearchText('');
          } else {
            event.currentTarget.blur();
          }
        }}
      />
      {text !== '' && (
        <button
          type="button"
          className="search-box__clear"
          aria-label={t.catalogue.clearSearch}
          title={t.catalogue.clearSearch}
          onClick={() => {
            setSearchText('');
            input.current?.focus();
          }}
        >
          <CloseIcon size={14} />
        </button>
      )}
    </div>
  );
}
