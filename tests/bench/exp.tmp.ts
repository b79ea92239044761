import { createServer, request, Agent } from 'node:http';
import got from 'got';
const body = Buffer.from('{"RequestId":"x","TotalCount":0}');
const srv = createServer((req, res) => { req.resume(); req.on('end', () => { res.writeHead(200, { 'content-length': body.length }); res.end(body); }); });
await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
const port = (srv.address() as any).port;
const agent = new Agent({ keepAlive: true });
const g = got.extend({ agent: { http: agent }, retry: { limit: 0 }, throwHttpErrors: false, responseType: 'text', timeout: { lookup: 1000, connect: 1000, secureConnect: 1000, response: 5000, request: 10000 }, hooks: { beforeRequest: [(o) => { o.url = new URL(`http://127.0.0.1:${port}/?a=b`); }] } });
const raw = () => new Promise<void>((done) => { const r = request({ host: '127.0.0.1', port, path: '/?a=b', method: 'POST', agent }, (res) => { res.resume(); res.on('end', () => done()); }); r.end(); });
async function time(name: string, fn: () => Promise<unknown>) { for (let i = 0; i < 300; i++) await fn(); const c0 = process.cpuUsage(); const t = performance.now(); for (let i = 0; i < 1000; i++) await fn(); const c = process.cpuUsage(c0); console.log(name.padEnd(8), ((performance.now() - t) / 1000).toFixed(3), 'ms/req wall', ((c.user + c.system) / 1000 / 1000).toFixed(3), 'ms/req cpu (client+server same process)'); }
await time('raw', raw);
await time('got', () => g(`http://127.0.0.1:${port}/`, { method: 'POST' }));
await time('raw', raw);
await time('got', () => g(`http://127.0.0.1:${port}/`, { method: 'POST' }));
srv.close(); agent.destroy();
