// Once per vitest run: generates (or reuses) the demo media that every demo server of the run
// shares.
// Tests read the folder with inject('demoMediaDir').

import type { TestProject } from 'vitest/node';
import { prepareDemoMedia } from './support/demo-media';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's generated demo media (read-only by convention; copy it to change it). */
    demoMediaDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('demoMediaDir', await prepareDemoMedia());
}
