// The facilitator's round page for a big event against the same page for 32 people (the
// peer), in one run on one server: 2,000 people here now (each loaded their page once) in
// balanced groups of 5-6, and 32 people in the same groups. Prints the page's size and the
// time to fetch it (p50, p99 over the runs, keep-alive, one request at a time) and the ratios.
// Usage: node bench/breakouts/page.mjs [runs]   (HS_BIN: the binary, default build/humanspace)
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { startServer, signedIn, cli } from '../../tests/http/harness.mjs';

const runs = Number(process.argv[2] || 300);
const server = await startServer();
try {
  const steward = await signedIn(server, 'Bench Steward', { steward: true });
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: 'Bench Network', slug: '', kind: 'network', purpose: 'Benchmarks.', visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  const fac = await signedIn(server, 'Bench Facilitator');
  cli(server, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);

  async function roundFor(n) {
    await fac.get(`/spaces/${slug}/events`);
    const ev = await fac.post(`/spaces/${slug}/events`, { title: `Event for ${n}`, description: '', starts: '2030-06-01T10:00', ends: '2030-06-01T15:00' });
    const path = ev.location.replace(/\/run$/, '');
    const added = await fac.post(`${path}/breakouts`, { prompts: 'What would you change?', min_size: '5', max_size: '6', duration: '20', content_note: '', mode: 'manual' });
    const round = added.location.replace(/\?.*$/, '');
    const eventId = Number(path.split('/').pop());
    const tokens = [];
    const rows = [];
    for (let i = 1; i <= n; i++) {
      const token = randomBytes(16).toString('hex');
      tokens.push(token);
      rows.push(`(${eventId}, '${createHash('sha256').update(token).digest('hex')}', 'Person ${i}', 0)`);
    }
    const insert = `INSERT INTO event_participants (event_id, token_hash, nickname, joined_at) VALUES ${rows.join(',')}`;
    if (server.db.startsWith('sqlite:')) execFileSync('sqlite3', ['-cmd', '.timeout 5000', server.db.slice(7)], { input: insert });
    else execFileSync('psql', [server.db, '-q', '-f', '-'], { input: insert });
    let next = 0;
    await Promise.all(Array.from({ length: 16 }, async () => {
      while (next < tokens.length) {
        const r = await fetch(`${server.url}${round}`, { headers: { cookie: `__Host-hs_participant=${tokens[next++]}` } });
        await r.arrayBuffer();
      }
    }));
    const assigned = await fac.post(`${round}/assign`, { mode: 'balanced' });
    if (assigned.status !== 303) throw new Error(`assign for ${n}: ${assigned.status}`);
    return round;
  }

  async function measure(round) {
    const times = [];
    let bytes = 0;
    let text = '';
    for (let i = 0; i < runs + 20; i++) {
      const t = process.hrtime.bigint();
      const r = await fac.get(round);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      if (r.status !== 200) throw new Error(`GET ${round}: ${r.status}`);
      if (i >= 20) times.push(ms);  // the first 20 warm up
      bytes = Buffer.byteLength(r.text);
      text = r.text;
    }
    times.sort((a, b) => a - b);
    const at = (q) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
    const people = (text.match(/(\d+) people here now/) || [])[1];
    return { bytes, p50: at(0.5), p99: at(0.99), people, options: (text.match(/<option /g) || []).length };
  }

  const big = await roundFor(2000);
  const peer = await roundFor(32);
  const b = await measure(big);
  const p = await measure(peer);
  console.log(`Facilitator's round page, balanced groups of 5-6, ${runs} GETs each (keep-alive, one at a time)`);
  console.log(`${'people'.padStart(8)} | ${'here now'.padStart(8)} | ${'bytes'.padStart(9)} | ${'<option>'.padStart(8)} | ${'p50 ms'.padStart(7)} | ${'p99 ms'.padStart(7)}`);
  for (const [n, r] of [[2000, b], [32, p]])
    console.log(`${String(n).padStart(8)} | ${String(r.people).padStart(8)} | ${String(r.bytes).padStart(9)} | ${String(r.options).padStart(8)} | ${r.p50.toFixed(2).padStart(7)} | ${r.p99.toFixed(2).padStart(7)}`);
  console.log(`ratio 2,000 / 32: bytes ${(b.bytes / p.bytes).toFixed(1)}x, p50 ${(b.p50 / p.p50).toFixed(1)}x, p99 ${(b.p99 / p.p99).toFixed(1)}x`);
  console.log(`aims: under 300 KB (${b.bytes < 300 * 1024 ? 'met' : 'NOT met'}), p99 under 50 ms (${b.p99 < 50 ? 'met' : 'NOT met'})`);
} finally {
  await server.stop();
}
