import type { ReactNode } from 'react';
import { Spinner } from '../icons';

/**
 * A button that shows a spinner while its action runs and refuses clicks while any action runs.
 * It stays focusable (aria-disabled rather than disabled), so keyboard focus is not thrown out
 * of the dialog when the user's own click makes it busy.
 */
export function BusyButton({
  busy,
  disabled,
  className,
  type = 'button',
  onClick,
  icon,
  children,
}: {
  busy: boolean;
  disabled: boolean;
  className: string;
  type?: 'button' | 'submit';
  onClick?: () => void;
  icon?: ReactNode;
  children: ReactNode;
}) {
  const inactive = busy || disabled;
  return (
    <button
      type={type}
      className={className}
      aria-disabled={inactive || undefined}
      aria-busy={busy || undefined}
      onClick={(event) => {
        if (inactive) {
          event.preventDefault();
          return;
        }
        if (type === 'button') onClick?.();
      }}
    >
      {busy ? <Spinner size={15} /> : icon}
      {children}
    </button>
  );
}
