import { useAppStore } from '../../../store/app-store';
import { selectMessages } from '../../../store/selectors';
import { EyeIcon, EyeOffIcon } from '../../icons';
import './RevealToggle.css';

/** Show/Hide beside a secret field's label; its name says which secret. */
export function RevealToggle({
  shown,
  controls,
  showLabel,
  hideLabel,
  onToggle,
}: {
  shown: boolean;
  controls: string;
  showLabel: string;
  hideLabel: string;
  onToggle: () => void;
}) {
  const t = useAppStore(selectMessages);
  return (
    <button
      type="button"
      className="link-button reveal-toggle"
      aria-controls={controls}
      aria-pressed={shown}
      aria-label={shown ? hideLabel : showLabel}
      onClick={onToggle}
    >
      {shown ? <EyeOffIcon size={15} /> : <EyeIcon size={15} />}
      {shown ? t.account.hide : t.account.show}
    </button>
  );
}
