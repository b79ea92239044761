// One start of the app, for the sync benchmark: a fresh process opens the catalogue an earlier
// sync stored (indexing it, which blocks the main process) and syncs it again, as the app does
// when it starts. Nothing in this process has run before, the listing worker included.
// argv[2]: the demo server's port; argv[3]: the catalogue folder. Prints one JSON line
// { openMs, syncMs, items }.

import { createIceClient } from '../../electron/services/ice/ice-client';
import { CatalogueService } from '../../electron/services/catalogue/catalogue-service';
import { listerFor } from '../../electron/services/catalogue/catalogue-lister';
import { benchListingWorker } from './sync-bench';

const [port, dir] = process.argv.slice(2);
const client = createIceClient({
  endpoint: { scheme: 'http', host: '127.0.0.1', port: Number(port) },
  listConcurrency: 8,
});
const service = new CatalogueService({ dir: dir!, refreshIntervalMs: 3_600_000 });
const started = performance.now();
service.open('bench', listerFor(client, { worker: benchListingWorker().start }), { sync: false });
const opened = performance.now();
await service.sync();
const synced = performance.now();
process.stdout.write(
  `${JSON.stringify({ openMs: opened - started, syncMs: synced - opened, items: service.status().itemCount })}\n`,
);
service.close();
client.close();
