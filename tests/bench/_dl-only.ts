import { runDownloadBench } from './download-bench';
const f = await runDownloadBench();
console.log(JSON.stringify(f, null, 1));
