// `npm test` runs this beside the static checks (tests/run-all.mjs): on a fresh checkout the demo
// media then get generated while lint and the typechecks run, instead of inside vitest's global
// setup on the critical path (about 12 s on two idle cores). The global setups still call
// prepareDemoMedia() and reuse what is there, so each runner also works on its own.
import { prepareDemoMedia } from './demo-media';

await prepareDemoMedia();
