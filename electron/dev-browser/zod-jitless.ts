// Must be the page bridge's first import: zod probes `new Function` when a schema is built, and
// under the page's CSP (script-src 'self', no 'unsafe-eval') Chromium reports that probe as a
// CSP violation even though zod catches it. jitless skips the probe; nothing here needs speed.

import { config } from 'zod';

config({ jitless: true });
