import type { ComponentType } from 'react';
import type { LibrarySourceKind } from '../../../shared/domain';
import { useAppStore } from '../store/app-store';
import { selectMessages, selectSource } from '../store/selectors';
import { GlobeIcon, SparkIcon, Spinner, UserIcon } from './icons';
import './Segmented.css';
import './SourceSwitcher.css';

const SOURCES: ReadonlyArray<{ kind: LibrarySourceKind; Icon: ComponentType<{ size?: number }> }> =
  [
    { kind: 'demo', Icon: SparkIcon },
    { kind: 'account', Icon: UserIcon },
    { kind: 'anonymous', Icon: GlobeIcon },
  ];

/** One click between the demo library, the account and the public library. */
export function SourceSwitcher() {
  const t = useAppStore(selectMessages);
  const source = useAppStore(selectSource);
  const switchingTo = useAppStore((s) => s.switchingTo);
  const account = useAppStore((s) => s.account);
  const switchSource = useAppStore((s) => s.switchSource);
  const openSettings = useAppStore((s) => s.openSettings);

  return (
    <div
      className="segmented source-switch"
      role="group"
      aria-label={t.header.sourceSwitch}
      aria-busy={switchingTo !== null}
    >
      {SOURCES.map(({ kind, Icon }) => {
        const current = source?.kind === kind;
        // Without a key, "Your account" leads to Settings instead of failing.
        const needsKey = kind === 'account' && account?.configured === false && !current;
        const title = current
          ? t.header.sourceEndpoint(source.endpoint)
          : needsKey
            ? t.header.accountNeedsKey
            : undefined;
        return (
          <button
            key={kind}
            type="button"
            className={`segmented__option source-switch__option source-switch__option--${kind}`}
            aria-pressed={current}
            data-source={kind}
            title={title}
            onClick={() => (needsKey ? openSettings() : void switchSource(kind))}
          >
            {switchingTo === kind ? <Spinner size={13} /> : <Icon size={13} />}
            <span>{t.header.sources[kind]}</span>
            {needsKey && <span className="source-switch__dot" aria-hidden="true" />}
          </button>
        );
      })}
    </div>
  );
}
