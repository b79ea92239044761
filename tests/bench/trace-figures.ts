// Reads a Chromium trace (JSON, one event per line, as Chromium writes it) without holding it
// whole: a long scroll's trace is 600 MB, past V8's longest string. Keeps the page's main thread
// only and says what its long tasks spent their time on, so a change is judged by the cause
// (script, style and layout, paint and compositing, garbage collection) and not by a count alone.
// Also reads the renderers' main-thread CPU from /proc, the figure a trace's durations blur.

import { createReadStream } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export type Cause =
  | 'script'
  | 'style+layout'
  | 'paint+composite'
  | 'gc'
  /** Image and resource responses arriving (the loader's tasks, which name no inner step). */
  | 'loading'
  /** The bench's own DevTools commands (Playwright's evaluate and input, the tracing itself). */
  | 'devtools'
  | 'other';

export interface TraceFigures {
  /** Top-level tasks of the renderer's main thread. */
  tasks: number;
  longTasks: number;
  longTaskMs: number;
  worstTaskMs: number;
  /**
   * Tasks whose own thread CPU time (the trace's tdur) passed the limit, and the largest: what
   * the page's work alone would take on free cores. Task durations also count the time other
   * threads and processes held the two cores.
   */
  longTasksByCpu: number;
  worstTaskCpuMs: number;
  /**
   * Each task over the limit: its length and its own thread CPU time (null where the trace has
   * none). A task whose CPU is far below its length spent the rest waiting for a core.
   */
  longTaskList: Array<{ ms: number; cpuMs: number | null }>;
  /** Self time inside the long tasks, by cause, in ms. */
  longTaskCauses: Record<Cause, number>;
  /** Self time of the main thread over the whole trace, by cause, in ms. */
  busyCauses: Record<Cause, number>;
  /** Frames of the page presented on screen (distinct frame sequence numbers). */
  frames: number;
  /** Frames of the page the compositor dropped. */
  droppedFrames: number;
  mainThread: { pid: number; tid: number } | null;
}

interface Slice {
  name: string;
  ts: number;
  dur: number;
  /** Thread CPU time, where the trace has it. */
  tdur?: number;
  /** Where a task was posted from, or which mojo interface a message was for. */
  source?: string;
}

interface FrameEvent {
  pid: number;
  args?: { frame_reporter?: { state: string; frame_sequence: number } };
}

const TASK = new Set(['ThreadControllerImpl::RunTask', 'RunTask']);

export function causeOf(name: string, source = ''): Cause {
  if (name === 'Receive mojo message' && source.startsWith('blink.mojom.DevToolsSession')) {
    return 'devtools';
  }
  if (/^(V8\.GC|MinorGC|MajorGC|BlinkGC|CppGC|Major concurrent|Minor concurrent)/.test(name)) {
    return 'gc';
  }
  if (
    /^(FunctionCall|EvaluateScript|v8\.|V8\.|TimerFire|EventDispatch|FireAnimationFrame|RunMicrotasks|BlinkScheduler_PerformMicrotaskCheckpoint|ResourceReceivedData|XHR|ParseHTML|Receive mojo message|SimpleWatcher)/.test(
      name,
    )
  ) {
    return 'script';
  }
  if (
    /^(UpdateLayoutTree|Layout|HitTest|IntersectionObserver|ScheduleStyleRecalculation|InvalidateLayout|RecalcStyle|ParseAuthorStyleSheet)/.test(
      name,
    )
  ) {
    return 'style+layout';
  }
  if (
    /^(Paint|PrePaint|Layerize|UpdateLayer|ScrollLayer|CompositeLayers|Commit|RasterTask|Decode|ImageDecodeTask|Animation)/.test(
      name,
    )
  ) {
    return 'paint+composite';
  }
  return 'other';
}

const noCauses = (): Record<Cause, number> => ({
  script: 0,
  'style+layout': 0,
  'paint+composite': 0,
  gc: 0,
  loading: 0,
  devtools: 0,
  other: 0,
});

/** Self time per cause of a task's nested slices (sorted by start, longest first on ties). */
function selfTimes(task: Slice, inner: Slice[], into: Record<Cause, number>): void {
  const stack: Array<{ slice: Slice; children: number }> = [];
  const close = (upTo: number) => {
    for (;;) {
      const top = stack.at(-1);
      if (!top || top.slice.ts + top.slice.dur > upTo) return;
      stack.pop();
      into[causeOf(top.slice.name, top.slice.source)] += (top.slice.dur - top.children) / 1000;
    }
  };
  let covered = 0;
  for (const slice of inner) {
    close(slice.ts);
    const parent = stack.at(-1);
    if (parent) parent.children += slice.dur;
    else covered += slice.dur;
    stack.push({ slice, children: 0 });
  }
  close(Number.POSITIVE_INFINITY);
  // What the task spent outside any named slice, charged by the kind of task: a frame's own
  // unnamed steps (animations, commit) are paint+composite, a loader's response is loading.
  into[unnamedCause(task.source ?? '')] += Math.max(0, task.dur - covered) / 1000;
}

function unnamedCause(postedFrom: string): Cause {
  if (postedFrom.startsWith('cc/')) return 'paint+composite';
  if (/\/(loader|fetch)\//.test(postedFrom)) return 'loading';
  if (postedFrom.startsWith('v8/src/heap/')) return 'gc';
  return 'other';
}

export async function readTraceFigures(path: string, longTaskUs = 50_000): Promise<TraceFigures> {
  let main: { pid: number; tid: number } | null = null;
  let mainKey = '';
  const slices: Slice[] = [];
  const presented = new Set<number>();
  const dropped = new Set<number>();
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const raw of lines) {
    if (raw.includes('"PipelineReporter"') && raw.includes('"ph":"b"')) {
      const event = parseLine(raw) as FrameEvent | null;
      const frame = event?.args?.frame_reporter;
      if (!event || !frame || !main || event.pid !== main.pid) continue;
      if (frame.state.startsWith('STATE_PRESENTED')) presented.add(frame.frame_sequence);
      else if (frame.state === 'STATE_DROPPED') dropped.add(frame.frame_sequence);
      continue;
    }
    if (main === null) {
      if (!raw.includes('"CrRendererMain"')) continue;
      const event = parseLine(raw) as { pid: number; tid: number } | null;
      if (event) {
        main = { pid: event.pid, tid: event.tid };
        mainKey = `"tid":${event.tid}`;
      }
      continue;
    }
    if (!raw.includes(mainKey) || !raw.includes('"ph":"X"')) continue;
    const event = parseLine(raw) as {
      name: string;
      ts: number;
      dur?: number;
      tdur?: number;
      pid: number;
      tid: number;
      args?: {
        src_file?: string;
        chrome_mojo_event_info?: { mojo_interface_tag?: string };
      };
    } | null;
    if (!event || event.pid !== main.pid || event.tid !== main.tid || event.dur === undefined) {
      continue;
    }
    const source =
      event.args?.src_file ?? event.args?.chrome_mojo_event_info?.mojo_interface_tag ?? '';
    slices.push({ name: event.name, ts: event.ts, dur: event.dur, tdur: event.tdur, source });
  }
  slices.sort((a, b) => a.ts - b.ts || b.dur - a.dur);

  const figures: TraceFigures = {
    tasks: 0,
    longTasks: 0,
    longTaskMs: 0,
    worstTaskMs: 0,
    longTasksByCpu: 0,
    worstTaskCpuMs: 0,
    longTaskList: [],
    longTaskCauses: noCauses(),
    busyCauses: noCauses(),
    frames: presented.size,
    droppedFrames: [...dropped].filter((frame) => !presented.has(frame)).length,
    mainThread: main,
  };
  for (let i = 0; i < slices.length; i += 1) {
    const task = slices[i]!;
    if (!TASK.has(task.name)) continue;
    const end = task.ts + task.dur;
    const inner: Slice[] = [];
    let j = i + 1;
    for (; j < slices.length && slices[j]!.ts < end; j += 1) {
      const slice = slices[j]!;
      if (!TASK.has(slice.name) && slice.ts + slice.dur <= end) inner.push(slice);
    }
    figures.tasks += 1;
    figures.worstTaskMs = Math.max(figures.worstTaskMs, task.dur / 1000);
    if (task.tdur !== undefined) {
      figures.worstTaskCpuMs = Math.max(figures.worstTaskCpuMs, task.tdur / 1000);
      if (task.tdur > longTaskUs) figures.longTasksByCpu += 1;
    }
    selfTimes(task, inner, figures.busyCauses);
    if (task.dur > longTaskUs) {
      figures.longTasks += 1;
      figures.longTaskMs += task.dur / 1000;
      figures.longTaskList.push({
        ms: task.dur / 1000,
        cpuMs: task.tdur === undefined ? null : task.tdur / 1000,
      });
      selfTimes(task, inner, figures.longTaskCauses);
    }
    // Nested RunTasks (a nested loop) are counted as their own tasks when reached.
  }
  return figures;
}

function parseLine(raw: string): unknown {
  const line = raw.trim().replace(/,$/, '');
  if (!line.startsWith('{"')) return null;
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** CPU time (user + system) of each renderer process's main thread, in ms, by "pid:tid". */
export async function rendererMainThreadCpu(): Promise<Map<string, number>> {
  const cpu = new Map<string, number>();
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((p) => /^\d+$/.test(p));
  } catch {
    return cpu;
  }
  const tick = 10; // USER_HZ is 100 on Linux: one tick = 10 ms.
  for (const pid of pids) {
    try {
      const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer')) continue;
      const stat = await readFile(`/proc/${pid}/task/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(`${pid}:${pid}`, (Number(fields[11]) + Number(fields[12])) * tick);
    } catch {
      // The process ended meanwhile.
    }
  }
  return cpu;
}

/** The CPU the renderers' main threads used between two readings, in ms (null off Linux). */
export function cpuDelta(before: Map<string, number>, after: Map<string, number>): number | null {
  if (after.size === 0) return null;
  let used = 0;
  for (const [thread, ms] of after) used += ms - (before.get(thread) ?? 0);
  return used;
}
