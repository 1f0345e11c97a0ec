// Prints bench/live's figures from the loadgen results in a directory (one JSON file per
// server and N, named <target>-<N>.json), then the lines against the aims.
// Usage: node bench/live/report.mjs DIR "1000 2000 5000 10000" [note...]
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const [dir, nsArg] = process.argv.slice(2);
const ns = nsArg.split(/\s+/).filter(Boolean).map(Number);
const targets = ['humanspace', 'peer'];
const LIMIT_MS = 500;
const load = (t, n) => {
  const f = join(dir, `${t}-${n}.json`);
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : null;
};
const ms = (x) => (!Number.isFinite(x) ? '-' : x >= 600_000 ? '≥600000' : x.toFixed(0));
const mib = (kb) => (kb / 1024).toFixed(1);
const worst = (r) => Math.max(r.presenter.p95, r.participants.p95);
const fmt = (x) => x.toLocaleString('en-GB');
const errs = (o) => Object.entries(o).map(([k, v]) => `${v}×${k}`).join(', ') || 'none';

for (const t of targets) {
  console.log(t === 'peer' ? 'peer (Node ws broadcast server, bench/live/peer/server.mjs):' : 'humanspace:');
  for (const n of ns) {
    const r = load(t, n);
    if (!r) { console.log(`  N=${fmt(n)}: not run (see above)`); continue; }
    const w = r.window;
    const perConnSec = r.participants.messages / Math.max(1, r.opened) / w.seconds;
    console.log(`  N=${fmt(n)}, ${r.rate} submissions/s for ${r.seconds} s (${fmt(r.acked)} acknowledged):`);
    console.log(`    presenter     p50 ${ms(r.presenter.p50)} ms, p95 ${ms(r.presenter.p95)} ms, p99 ${ms(r.presenter.p99)} ms` +
      `  (${fmt(r.presenter.samples)} arrivals, ${r.presenter.missed} never seen)`);
    console.log(`    participants  p50 ${ms(r.participants.p50)} ms, p95 ${ms(r.participants.p95)} ms, p99 ${ms(r.participants.p99)} ms` +
      `  (${fmt(r.participants.samples)} arrivals over ${fmt(r.opened)} connections, ${fmt(r.participants.missed)} never seen)`);
    console.log(`    submission POST round trip p50 ${ms(r.post.p50)} ms, p95 ${ms(r.post.p95)} ms, p99 ${ms(r.post.p99)} ms;` +
      ` snapshots ${(r.participants.meanBytes / 1024).toFixed(1)} KiB, ${perConnSec.toFixed(1)} a second per connection`);
    console.log(`    server memory: idle ${mib(r.server.idleRssKb)} MiB, ${fmt(r.opened)} connected ${mib(r.server.connectedRssKb)} MiB` +
      ` → ${r.server.perConnKb.toFixed(1)} KB per idle connection; peak under load ${mib(r.server.peakRssKb)} MiB`);
    console.log(`    CPU over the ${w.seconds.toFixed(1)} s window: server ${r.server.cpuSeconds.toFixed(1)} s` +
      ` (${(r.server.cpuSeconds / w.seconds).toFixed(2)} cores; busiest threads ${r.server.threadCpuSeconds.slice(0, 4).map((x) => x.toFixed(1)).join(', ')} s), generator ${r.generator.cpuSeconds.toFixed(1)} s` +
      ` (${(r.generator.cpuSeconds / w.seconds).toFixed(2)} cores, ` +
      (r.generator.listener
        ? `participants held by the C++ listener in ${r.generator.listener.threads} thread(s), its busiest 1 % of turns over ${r.generator.listener.busyP99Ms.toFixed(1)} ms; POSTs' event-loop delay p99 ${ms(r.generator.loopP99Ms)} ms),`
        : `${r.generator.workers} worker thread(s), event-loop delay p99 ${ms(r.generator.loopP99Ms)} ms),`) +
      ` other processes ${Math.max(0, w.othersCpuSeconds).toFixed(1)} s; load average at start ${w.loadAvgAtStart}`);
    console.log(`    errors: submissions refused ${errs(r.postErrors)}; joins ${errs(r.joinErrors)};` +
      ` WebSockets refused ${r.ws.refused}, failed ${r.ws.failed}, dropped ${r.ws.dropped}, errors ${r.ws.errors};` +
      ` joining took ${r.joinSeconds.toFixed(1)} s, connecting ${r.connectSeconds.toFixed(1)} s`);
  }
}

// Largest N, going up, with p95 under the limit at the presenter and at participants.
const sustained = (t) => {
  let best = 0;
  for (const n of ns) {
    const r = load(t, n);
    if (!r || r.acked < r.issued * 0.99 || !(worst(r) < LIMIT_MS)) break;
    best = n;
  }
  return best;
};
console.log('');
console.log('against the aims:');
const h5 = load('humanspace', 5000);
if (h5) {
  const p95 = worst(h5);
  console.log(`  5,000 participants at ${h5.rate}/s, p95 under 250 ms: humanspace p95 ${ms(p95)} ms (worse of presenter and participants)` +
    ` → ${p95 < 250 && h5.acked >= h5.issued * 0.99 ? 'met' : 'NOT met'}`);
  console.log(`  under 10 KB per idle connection: humanspace ${h5.server.perConnKb.toFixed(1)} KB at 5,000` +
    ` → ${h5.server.perConnKb < 10 ? 'met' : 'NOT met'}`);
} else {
  console.log('  humanspace at N=5,000 was not run');
}
const hs = sustained('humanspace');
const peer = sustained('peer');
const tried = ns.map(fmt).join(', ');
console.log(`  largest N with p95 under ${LIMIT_MS} ms (of ${tried}): humanspace ${hs ? fmt(hs) : 'none'}, peer ${peer ? fmt(peer) : 'none'}`);
if (hs && peer) {
  const top = ns[ns.length - 1];
  const capped = hs === top || peer === top ? ` (capped: ${fmt(top)} is the most tried here)` : '';
  console.log(`  ratio humanspace/peer: ${(hs / peer).toFixed(2)}× (aim: at least 2.5×)${capped} → ${hs / peer >= 2.5 ? 'met' : 'NOT met'}`);
  // Each connection is a descriptor in the server: past the limit no server can hold more.
  const fdLimit = Number(process.env.LIVE_FD_LIMIT || 0);
  const failed = ns.find((n) => n > peer && load('peer', n));
  if (hs === top && fdLimit && 2.5 * peer + 1024 > fdLimit) {
    console.log(`  humanspace held the most tried; ${failed ? `the peer failed at ${fmt(failed)}` : 'so did the peer'}. Showing 2.5× would take` +
      ` humanspace holding ${fmt(Math.ceil(2.5 * peer))} connections, more than one process may open here` +
      ` (open-file hard limit ${fmt(fdLimit)}, which this machine does not let us raise)`);
  }
} else {
  console.log('  ratio humanspace/peer: cannot be computed (one of them sustained none of the N tried) → NOT met');
}
