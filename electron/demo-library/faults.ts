// The fault plan's live state. Counted faults are consumed one per API request, in a fixed
// order (throttle, serverError, wrongShape, truncatedJson, cutBody): a request gets at most one
// counted fault, so {throttle: 2, serverError: 1} answers throttled, throttled, 500, then OK.
// cutBody with target 'file' is consumed by media file requests instead.

export interface FaultPlan {
  latencyMs?: number;
  /**
   * API requests wait, unanswered, until a plan without `hold` replaces this one: a slow service
   * that stays slow for exactly as long as a test needs to look at the waiting state.
   */
  hold?: boolean;
  /**
   * Media file responses send `afterBytes`, then wait with the connection open until a plan
   * without `holdFiles` is set, then finish: a transfer that stays in progress while a test acts.
   */
  holdFiles?: { afterBytes: number };
  /**
   * The next `count` API requests are throttled. retryAfterSeconds is every refusal's wait, or
   * each refusal's own wait in order (the last one repeats): tests make the client's own quick
   * retries short and the one the user sees long.
   */
  throttle?: { count: number; retryAfterSeconds: number | number[] };
  serverError?: { count: number; status?: 500 | 503 };
  cutBody?: { count: number; afterBytes: number; target?: 'api' | 'file' };
  truncatedJson?: { count: number };
  wrongShape?: { count: number };
  clockSkewSeconds?: number;
  expireUrlsNow?: boolean;
  /**
   * Pretends every media file was replaced: ETag and Last-Modified carry this revision, so
   * If-Range from an earlier revision gets the whole file (tests replace the bytes on disk).
   */
  fileRevision?: number;
}

export type ApiFault =
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'serverError'; status: 500 | 503 }
  | { kind: 'wrongShape' }
  | { kind: 'truncatedJson' }
  | { kind: 'cutBody'; afterBytes: number };

function copy(plan: FaultPlan): FaultPlan {
  return JSON.parse(JSON.stringify(plan)) as FaultPlan;
}

export class FaultState {
  private plan: FaultPlan;
  private readonly held = new Map<'api' | 'files', { promise: Promise<void>; release(): void }>();

  constructor(plan: FaultPlan = {}) {
    this.plan = copy(plan);
  }

  set(plan: FaultPlan): void {
    this.plan = copy(plan);
    if (!this.plan.hold) this.release('api');
    if (!this.plan.holdFiles) this.release('files');
  }

  /** Resolves at once, or (under `hold`) when a plan without it is set. */
  apiReleased(): Promise<void> {
    return this.plan.hold ? this.heldUntilReleased('api') : Promise.resolve();
  }

  /** Bytes a file response sends before it waits (under `holdFiles`), else null. */
  get fileHoldBytes(): number | null {
    return this.plan.holdFiles ? Math.max(0, this.plan.holdFiles.afterBytes) : null;
  }

  /** Resolves when a plan without `holdFiles` is set (at once when none is). */
  filesReleased(): Promise<void> {
    return this.plan.holdFiles ? this.heldUntilReleased('files') : Promise.resolve();
  }

  private heldUntilReleased(what: 'api' | 'files'): Promise<void> {
    let held = this.held.get(what);
    if (!held) {
      let release = (): void => undefined;
      const promise = new Promise<void>((resolve) => (release = resolve));
      held = { promise, release };
      this.held.set(what, held);
    }
    return held.promise;
  }

  private release(what: 'api' | 'files'): void {
    this.held.get(what)?.release();
    this.held.delete(what);
  }

  get latencyMs(): number {
    return Math.max(0, this.plan.latencyMs ?? 0);
  }

  get clockSkewSeconds(): number {
    return this.plan.clockSkewSeconds ?? 0;
  }

  get fileRevision(): number {
    return this.plan.fileRevision ?? 0;
  }

  get expireUrlsNow(): boolean {
    return this.plan.expireUrlsNow === true;
  }

  /** The counted fault for this API request, if any (and consumes it). */
  takeApiFault(): ApiFault | null {
    const p = this.plan;
    if (p.throttle && p.throttle.count > 0) {
      p.throttle.count--;
      const waits = p.throttle.retryAfterSeconds;
      if (!Array.isArray(waits)) return { kind: 'throttle', retryAfterSeconds: waits };
      const retryAfterSeconds = waits.length > 1 ? waits.shift()! : (waits[0] ?? 0);
      return { kind: 'throttle', retryAfterSeconds };
    }
    if (p.serverError && p.serverError.count > 0) {
      p.serverError.count--;
      return { kind: 'serverError', status: p.serverError.status ?? 500 };
    }
    if (p.wrongShape && p.wrongShape.count > 0) {
      p.wrongShape.count--;
      return { kind: 'wrongShape' };
    }
    if (p.truncatedJson && p.truncatedJson.count > 0) {
      p.truncatedJson.count--;
      return { kind: 'truncatedJson' };
    }
    if (p.cutBody && p.cutBody.count > 0 && (p.cutBody.target ?? 'api') === 'api') {
      p.cutBody.count--;
      return { kind: 'cutBody', afterBytes: p.cutBody.afterBytes };
    }
    return null;
  }

  /** Bytes after which to cut this file response, if a file cutBody fault is pending. */
  takeFileCut(): number | null {
    const cut = this.plan.cutBody;
    if (cut && cut.count > 0 && cut.target === 'file') {
      cut.count--;
      return cut.afterBytes;
    }
    return null;
  }
}
