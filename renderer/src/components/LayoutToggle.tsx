import type { LayoutKey } from '../store/player-slice';
import { useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import './LayoutToggle.css';

/** Grid or list, remembered per business type (music starts as a list). */
export function LayoutToggle({ layoutKey }: { layoutKey: LayoutKey }) {
  const t = useAppStore(selectMessages);
  const mode = useAppStore((s) => s.layoutByType[layoutKey]);
  const setLayout = useAppStore((s) => s.setLayout);
  return (
    <div className="layout-toggle" role="group" aria-label={t.player.layout}>
      {(['grid', 'list'] as const).map((m) => (
        <button
          key={m}
          type="button"
          aria-pressed={mode === m}
          onClick={() => setLayout(layoutKey, m)}
        >
          {m === 'grid' ? t.player.grid : t.player.list}
        </button>
      ))}
    </div>
  );
}
