import { Worker } from 'node:worker_threads';
const n = Number(process.argv[2]);
const t = performance.now();
await Promise.all(Array.from({ length: n }, (_, i) => new Promise((res) => { const w = new Worker(new URL('./.lexscale.mjs', import.meta.url), { argv: [`${i}/${n}`], stdout: false }); w.on('exit', res); })));
console.log('workers', n, (performance.now() - t).toFixed(0), 'ms');
