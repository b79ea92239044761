import { useEffect, useId, useState } from 'react';
import { MEDIA_CACHE_LIMIT_CHOICES } from '../../../../shared/domain';
import { formatFileSize } from '../../media/media-facts';
import { useAppStore } from '../../store/app-store';
import { selectLanguage, selectMessages } from '../../store/selectors';
import { BusyButton } from './BusyButton';
import { ChoiceGroup } from './ChoiceGroup';
import './StorageSection.css';

type Outcome = 'cleared' | 'clearFailed' | 'openFailed' | null;

/** The media cache: space used against the limit, the limit itself, Clear and Open folder. */
export function StorageSection() {
  const t = useAppStore(selectMessages);
  const language = useAppStore(selectLanguage);
  const status = useAppStore((s) => s.mediaCache);
  const refresh = useAppStore((s) => s.refreshMediaCache);
  const setLimit = useAppStore((s) => s.setMediaCacheLimit);
  const clear = useAppStore((s) => s.clearMediaCache);
  const openFolder = useAppStore((s) => s.openMediaCacheFolder);
  const [clearing, setClearing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const headingId = useId();

  // The figures move while the user browses: read them fresh whenever Settings opens.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const size = (bytes: number) => formatFileSize(bytes, language) ?? '—';
  const limits = [...MEDIA_CACHE_LIMIT_CHOICES];
  if (status && !limits.includes(status.limitBytes)) {
    limits.push(status.limitBytes);
    limits.sort((a, b) => a - b);
  }
  const share = status && status.limitBytes > 0 ? status.usedBytes / status.limitBytes : 0;

  return (
    <section className="settings__section" aria-labelledby={headingId}>
      <h3 className="settings__section-title" id={headingId}>
        {t.cache.heading}
      </h3>
      <p className="settings__intro">{t.cache.intro}</p>
      <div className="settings__rows">
        <div className="cache-usage" data-testid="cache-usage">
          <div className="cache-usage__figures">
            <span>
              {status ? t.cache.used(size(status.usedBytes), size(status.limitBytes)) : '…'}
            </span>
            {status && (
              <span className="cache-usage__count">{t.cache.files(status.entryCount)}</span>
            )}
          </div>
          <div
            className="cache-usage__bar"
            role="meter"
            aria-label={t.cache.heading}
            aria-valuemin={0}
            aria-valuemax={status?.limitBytes ?? 0}
            aria-valuenow={status?.usedBytes ?? 0}
            aria-valuetext={
              status ? t.cache.used(size(status.usedBytes), size(status.limitBytes)) : ''
            }
          >
            <span style={{ width: `${Math.min(100, share * 100).toFixed(1)}%` }} />
          </div>
        </div>
        {status && (
          <ChoiceGroup
            legend={t.cache.limit}
            name="cache-limit"
            value={String(status.limitBytes)}
            options={limits.map((bytes) => ({ value: String(bytes), label: size(bytes) }))}
            onChange={(value) => void setLimit(Number(value))}
          />
        )}
        <div className="cache-actions">
          <BusyButton
            className="button button--small"
            busy={clearing}
            disabled={clearing || !status || status.entryCount === 0}
            onClick={() => {
              setClearing(true);
              setOutcome(null);
              void clear().then((ok) => {
                setClearing(false);
                setOutcome(ok ? 'cleared' : 'clearFailed');
              });
            }}
          >
            {clearing ? t.cache.clearing : t.cache.clear}
          </BusyButton>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setOutcome(null);
              void openFolder().then((ok) => setOutcome(ok ? null : 'openFailed'));
            }}
          >
            {t.cache.openFolder}
          </button>
        </div>
        <p className="cache-outcome" role="status">
          {outcome === null ? '' : t.cache[outcome]}
        </p>
      </div>
    </section>
  );
}
