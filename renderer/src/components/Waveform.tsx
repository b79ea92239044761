import { useEffect, useMemo } from 'react';
import type { KeyboardEvent, MouseEvent } from 'react';
import { useAppStore } from '../store/app-store';
import './Waveform.css';

/** Bars drawn per row: enough detail at list widths, cheap to render. */
const BARS = 120;

function usePeaks(mediaId: string): number[] | 'failed' | null {
  const peaks = useAppStore((s) => s.waveforms[mediaId] ?? null);
  const loadWaveform = useAppStore((s) => s.loadWaveform);
  useEffect(() => {
    loadWaveform(mediaId);
  }, [mediaId, loadWaveform]);
  return useMemo(() => (Array.isArray(peaks) ? downsample(peaks, BARS) : peaks), [peaks]);
}

function downsample(peaks: readonly number[], bars: number): number[] {
  if (peaks.length <= bars) return [...peaks];
  const out: number[] = [];
  for (let b = 0; b < bars; b++) {
    const from = Math.floor((b * peaks.length) / bars);
    const to = Math.floor(((b + 1) * peaks.length) / bars);
    let peak = 0;
    for (let i = from; i < to; i++) peak = Math.max(peak, peaks[i]!);
    out.push(peak);
  }
  return out;
}

/**
 * A track's waveform; the played part in the accent colour. Clicking (or Enter on the focused
 * waveform) plays from that point.
 */
export function Waveform({
  mediaId,
  label,
  progress,
  onSeek,
}: {
  mediaId: string;
  label: string;
  /** 0..1 of the track played, or null when this track is not the one playing. */
  progress: number | null;
  onSeek: (fraction: number) => void;
}) {
  const peaks = usePeaks(mediaId);
  const bars = Array.isArray(peaks) ? peaks : null;
  const seekFromPointer = (event: MouseEvent<HTMLDivElement>) => {
    event.stopPropagation();
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    event.stopPropagation();
    onSeek(progress ?? 0);
  };
  const width = bars?.length ?? BARS;
  return (
    <div
      className={`waveform${peaks === null ? ' waveform--loading' : ''}`}
      role="button"
      tabIndex={-1}
      aria-label={label}
      data-testid="waveform"
      data-state={peaks === null ? 'loading' : bars ? 'ready' : 'failed'}
      onClick={seekFromPointer}
      onKeyDown={onKeyDown}
    >
      <svg viewBox={`0 0 ${width} 32`} preserveAspectRatio="none" aria-hidden="true">
        {bars ? (
          <>
            <defs>
              <clipPath id={`played-${mediaId}`}>
                <rect x="0" y="0" width={(progress ?? 0) * width} height="32" />
              </clipPath>
            </defs>
            <path className="waveform__bars" d={barsPath(bars)} />
            {progress !== null && (
              <path
                className="waveform__bars waveform__bars--played"
                d={barsPath(bars)}
                clipPath={`url(#played-${mediaId})`}
              />
            )}
          </>
        ) : (
          <rect className="waveform__line" x="0" y="15.5" width={width} height="1" />
        )}
      </svg>
    </div>
  );
}

function barsPath(bars: readonly number[]): string {
  let d = '';
  bars.forEach((peak, i) => {
    const h = Math.max(1, peak * 30);
    d += `M${i + 0.15} ${16 - h / 2}h0.7v${h}h-0.7z`;
  });
  return d;
}
