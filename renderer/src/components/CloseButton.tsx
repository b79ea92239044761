import { CloseIcon } from './icons';

/** The round ✕ button that closes a panel or dismisses a banner; its label is also its tooltip. */
export function CloseButton({
  label,
  onClick,
  className,
  size = 18,
}: {
  label: string;
  onClick: () => void;
  className?: string;
  size?: number;
}) {
  return (
    <button
      type="button"
      className={className ? `icon-button ${className}` : 'icon-button'}
      aria-label={label}
      title={label}
      onClick={onClick}
    >
      <CloseIcon size={size} />
    </button>
  );
}
