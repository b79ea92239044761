import type { AppErrorData } from '../../../../shared/errors';

/** What the last Test or Save came to, as the form shows it. */
export type FormOutcome =
  | {
      kind: 'connected';
      totalCount: number | null;
      requestId: string | null;
      /** Seconds the app corrected this computer's clock by, or null. */
      clockCorrectionSeconds: number | null;
    }
  | { kind: 'failed'; during: 'test' | 'save'; error: AppErrorData }
  | { kind: 'fields' };

/** Shown on the status card after a save. */
export interface SavedOutcome {
  totalCount: number | null;
  clockCorrectionSeconds: number | null;
  sessionOnly: boolean;
}

export type FormAction = 'test' | 'save' | 'session';
