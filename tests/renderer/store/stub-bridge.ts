// A stand-in for the bridge API in store tests: records every call, answers from functions the
// test sets (or holds an answer until the test releases it), and delivers events on demand.
// Methods a test does not answer fail loudly, so a slice calling something unexpected shows.

import type { BridgeApi } from '../../../shared/ipc-contract';
import type { Result } from '../../../shared/errors';

type Listener = (payload: unknown) => void;

export interface StubBridge {
  api: BridgeApi;
  /** Every request, in order: method name and payload. */
  calls: Array<{ method: string; payload: unknown }>;
  callsTo(method: string): unknown[];
  /** Answers `method` with this function from now on. */
  answer(
    method: string,
    reply: (payload: unknown) => Result<unknown> | Promise<Result<unknown>>,
  ): void;
  /** Holds the next answers of `method` until released, in call order. */
  hold(method: string): { release(index: number, result: Result<unknown>): void; count(): number };
  emit(event: string, payload: unknown): void;
}

export function stubBridge(): StubBridge {
  const calls: StubBridge['calls'] = [];
  const replies = new Map<
    string,
    (payload: unknown) => Result<unknown> | Promise<Result<unknown>>
  >();
  const listeners = new Map<string, Set<Listener>>();
  const api = new Proxy({} as BridgeApi, {
    get(_target, property) {
      const name = String(property);
      if (name === 'then') return undefined;
      if (name.startsWith('on')) {
        return (listener: Listener) => {
          const set = listeners.get(name) ?? new Set<Listener>();
          listeners.set(name, set);
          set.add(listener);
          return () => set.delete(listener);
        };
      }
      return (payload: unknown) => {
        calls.push({ method: name, payload });
        const reply = replies.get(name);
        if (!reply) {
          return Promise.resolve({
            ok: false,
            error: { code: 'INTERNAL', message: `stub: ${name} is not answered in this test` },
          });
        }
        return Promise.resolve(reply(payload));
      };
    },
  });
  return {
    api,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method).map((c) => c.payload),
    answer(method, reply) {
      replies.set(method, reply);
    },
    hold(method) {
      const pending: Array<(result: Result<unknown>) => void> = [];
      replies.set(method, () => new Promise<Result<unknown>>((resolve) => pending.push(resolve)));
      return {
        release: (index, result) => pending[index]?.(result),
        count: () => pending.length,
      };
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

/** Lets every pending promise chain settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
