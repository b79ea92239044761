import { useEffect, useState } from 'react';
import { useAppStore } from '../store/app-store';
import { selectMessages } from '../store/selectors';
import { CheckIcon, CopyIcon } from './icons';
import './CopyButton.css';

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useAppStore(selectMessages);
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = window.setTimeout(() => setState('idle'), 1600);
    return () => window.clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };

  const caption =
    state === 'copied'
      ? t.details.copied
      : state === 'failed'
        ? t.details.copyFailed
        : t.details.copy;
  return (
    <>
      <button
        type="button"
        className={`button button--small copy-button copy-button--${state}`}
        title={label}
        onClick={() => void copy()}
      >
        {state === 'copied' ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
        {caption}
      </button>
      <span className="visually-hidden" role="status">
        {state === 'idle' ? '' : caption}
      </span>
    </>
  );
}
