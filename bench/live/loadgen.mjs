// Load generator for bench/live (see the notes at the top of bench/live/run.sh).
//
//   node bench/live/loadgen.mjs --url http://127.0.0.1:PORT --target humanspace|peer
//     --n 5000 --rate 500 --seconds 15 --server-pid PID [--email E --password P]
//     [--workers 1] [--listener BIN --listener-threads 2] [--out result.json]
//
// One run: start a fresh word-cloud activity (humanspace: sign in as the facilitator, add
// a cloud item allowing 10 entries each, open it; peer: POST /bench/activity); join N
// participants by code (POST /join, keep-alive, in parallel); open N participant
// WebSockets plus one presenter WebSocket to /events/{id}/live; measure the server's
// resident memory before and after they connect; then submit R entries a second for
// the given seconds, open loop, as POSTs to /events/{id}/items/{item}/words from the
// participants in turn; and measure when each submission arrives at every connection.
//
// Arrival: every snapshot carries current.responses, the number of entries in the
// activity (which starts at 0). Humanspace answers a submission only after its commit,
// so the k-th acknowledged submission is taken to be the k-th entry; it has arrived at
// a connection with the first snapshot received after it was sent whose responses is at
// least k. Latency = that snapshot's receipt time - the time the POST was issued (which
// includes any wait for a free keep-alive socket: the schedule is open loop). Entries
// committed at the same instant may be acknowledged in a different order; that moves a
// latency by at most one snapshot interval and only among submissions in flight together.
// The count is found with a byte search for `"responses":` (no JSON parse), so the
// generator's cost per message does not grow with the snapshot.
//
// Who holds the participant connections: with --listener, bench/live/listen.cpp (built
// by run.sh), a C++ epoll client that records the same timelines at a few µs a message;
// otherwise `ws` clients in --workers worker threads (about 25 µs a message, which at
// 10,000 connections is a whole core of a two-core machine).
import http from 'node:http';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';

const now = () => { const [s, ns] = process.hrtime(); return s * 1e3 + ns / 1e6; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const HIST_MS = 600_000; // latency histogram: 1 ms buckets up to this (the last holds all above)
const BUCKETS_PER_MS = 1;
const MARK = Buffer.from('"responses":');

// --- what every connection records ----------------------------------------------------
// A connection's timeline: receipt times and counts, kept only when the count grows.
class Timeline {
  constructor() { this.t = []; this.c = []; this.last = -1; this.messages = 0; this.bytes = 0; }
  onMessage(data) {
    const t = now();
    const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    this.messages++;
    this.bytes += buf.length;
    const i = buf.indexOf(MARK);
    if (i < 0) return;
    let n = 0;
    for (let j = i + MARK.length; j < buf.length; j++) {
      const d = buf[j] - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (n > this.last) { this.last = n; this.t.push(t); this.c.push(n); }
  }
}

// Adds each acknowledged submission's arrival on this timeline to hist; returns misses.
function arrivals(tl, sent, hist) {
  let j = 0;
  let missed = 0;
  const K = sent.length - 1; // sent[k] = when the k-th acknowledged submission was issued
  for (let k = 1; k <= K; k++) {
    while (j < tl.c.length && tl.c[j] < k) j++;
    let x = j;
    while (x < tl.c.length && tl.t[x] < sent[k]) x++;
    if (x >= tl.c.length) { missed++; continue; }
    const ms = tl.t[x] - sent[k];
    hist[Math.min(hist.length - 1, Math.max(0, Math.round(ms * BUCKETS_PER_MS)))]++;
  }
  return missed;
}

function openSocket(url, headers, tl, stats) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false, skipUTF8Validation: true, handshakeTimeout: 60_000 });
    let opened = false;
    ws.on('open', () => { opened = true; resolve(ws); });
    ws.on('message', (d) => tl.onMessage(d));
    ws.on('unexpected-response', (_req, res) => { stats.refused++; stats.lastError = `handshake ${res.statusCode}`; resolve(null); });
    ws.on('error', (e) => { stats.lastError = e.message; if (!opened) { stats.failed++; resolve(null); } else stats.errors++; });
    ws.on('close', () => { if (opened && !stats.closing) stats.dropped++; });
  });
}

async function openAll(url, origin, cookies, batch, stats) {
  const timelines = cookies.map(() => new Timeline());
  const sockets = new Array(cookies.length);
  let next = 0;
  const runner = async () => {
    while (next < cookies.length) {
      const i = next++;
      sockets[i] = await openSocket(url, { cookie: cookies[i], origin }, timelines[i], stats);
    }
  };
  await Promise.all(Array.from({ length: batch }, runner));
  return { sockets, timelines };
}

// --- worker: holds a share of the participant connections -------------------------------
if (!isMainThread) {
  const { url, origin, cookies, batch } = workerData;
  const stats = { refused: 0, failed: 0, errors: 0, dropped: 0, closing: false, lastError: '' };
  const loop = monitorEventLoopDelay({ resolution: 10 });
  let conns;
  parentPort.on('message', async (m) => {
    if (m.cmd === 'open') {
      conns = await openAll(url, origin, cookies, batch, stats);
      parentPort.postMessage({ cmd: 'opened', open: conns.sockets.filter(Boolean).length });
    } else if (m.cmd === 'measure') {
      loop.enable();
    } else if (m.cmd === 'finish') {
      loop.disable();
      const hist = new Uint32Array(HIST_MS * BUCKETS_PER_MS + 1);
      let missed = 0;
      let messages = 0;
      let bytes = 0;
      for (let i = 0; i < conns.timelines.length; i++) {
        if (!conns.sockets[i]) continue;
        missed += arrivals(conns.timelines[i], m.sent, hist);
        messages += conns.timelines[i].messages;
        bytes += conns.timelines[i].bytes;
      }
      stats.closing = true;
      for (const s of conns.sockets) if (s) s.terminate();
      parentPort.postMessage({ cmd: 'done', hist, missed, messages, bytes, stats,
        loopP99: loop.count ? loop.percentile(99) / 1e6 : 0 }, [hist.buffer]);
    }
  });
}

// --- the C++ listener: holds the participant connections in another process ----------
async function startListener(bin, threads, port, path, origin, cookies) {
  const dir = mkdtempSync(join(tmpdir(), 'hs-listen-'));
  writeFileSync(join(dir, 'cookies'), `${cookies.join('\n')}\n`);
  const out = join(dir, 'out');
  const child = spawn(bin, ['--port', String(port), '--path', path, '--origin', origin, '--cookies', join(dir, 'cookies'),
    '--threads', String(threads), '--out', out], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  let ended = null;
  lines.on('line', (l) => { const w = waiting.shift(); if (w) w(l); });
  // A listener that dies answers every wait with how it ended, rather than hanging the run.
  child.on('exit', (code, signal) => {
    ended = `exited (${signal || code})`;
    for (const w of waiting.splice(0)) w(ended);
  });
  const line = () => new Promise((resolve) => (ended ? resolve(ended) : waiting.push(resolve)));
  const first = await line();
  const opened = Number(first.match(/^opened (\d+)$/)?.[1] ?? NaN);
  if (!Number.isFinite(opened)) throw new Error(`listener said: ${first}`);
  return {
    opened,
    pid: child.pid,
    async finish() {
      child.stdin.write('finish\n');
      const done = await line();
      if (done !== 'done') throw new Error(`listener said: ${done}`);
      const buf = readFileSync(out);
      // A small file may sit at an odd offset of Node's shared pool: copy it to align.
      const bytes = buf.byteOffset % 8 ? new Uint8Array(buf) : buf;
      const d = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
      const stats = { refused: d[0], failed: d[1], errors: d[2], dropped: d[3] };
      const timelines = [];
      let at = 8;
      for (let i = 0; i < d[7]; i++) {
        const n = d[at];
        timelines.push({ t: d.subarray(at + 1, at + 1 + n), c: d.subarray(at + 1 + n, at + 1 + 2 * n) });
        at += 1 + 2 * n;
      }
      rmSync(dir, { recursive: true, force: true });
      return { stats, messages: d[4], bytes: d[5], busyP99: d[6], timelines };
    },
  };
}

// --- main thread ---------------------------------------------------------------------
function argsOf(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--')) o[argv[i].slice(2)] = argv[i + 1];
  return o;
}

function procStat(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(status.match(/VmRSS:\s+(\d+)/)[1]);
    const threads = Number(status.match(/Threads:\s+(\d+)/)[1]);
    return { cpu: (Number(f[11]) + Number(f[12])) / 100, rssKb: rss, threads }; // utime+stime, CLK_TCK 100
  } catch {
    return { cpu: NaN, rssKb: NaN, threads: NaN };
  }
}

// CPU seconds of each of a process's threads, by thread id.
function threadCpu(pid) {
  const out = {};
  try {
    for (const t of readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out[t] = (Number(f[11]) + Number(f[12])) / 100;
      } catch { /* the thread ended */ }
    }
  } catch { /* the process ended */ }
  return out;
}

// All CPUs' busy time in seconds (everything but idle and iowait), from /proc/stat.
function machineBusy() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((x, y) => x + y, 0);
  return (total - f[3] - f[4]) / 100;
}

function percentile(hist, total, p) {
  if (!total) return NaN;
  const want = Math.ceil(total * p);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i];
    if (seen >= want) return i / BUCKETS_PER_MS;
  }
  return NaN;
}

// A tiny HTTP client: keep-alive agent, one cookie header, form bodies.
// Participants come from many addresses, as a crowd on phones does: Humanspace gives
// each address (as well as each person) an allowance per event, so a crowd squeezed
// through one address would be throttled as one venue. Requests are spread over
// 127.0.1.1 ... 127.0.1.250 (all loopback) by the `from` index they are given.
const kSourceAddresses = 250;
function makeClient(base, maxSockets) {
  const per = Math.max(1, Math.ceil(maxSockets / 8));
  const agents = Array.from({ length: kSourceAddresses }, (_, i) => new http.Agent({
    keepAlive: true, maxSockets: per, maxFreeSockets: per, localAddress: `127.0.1.${i + 1}` }));
  const u = new URL(base);
  return (method, path, { body, cookie, headers = {}, from = 0 } = {}) => new Promise((resolve) => {
    const agent = agents[from % kSourceAddresses];
    const h = { ...headers };
    if (cookie) h.cookie = cookie;
    if (body !== undefined) {
      h['content-type'] = 'application/x-www-form-urlencoded';
      h['content-length'] = Buffer.byteLength(body);
      h.origin = base;
    }
    const req = http.request({ host: u.hostname, port: u.port, method, path, headers: h, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => resolve({ status: 0, error: e.message, headers: {}, text: '' }));
    });
    req.on('error', (e) => resolve({ status: 0, error: e.message, headers: {}, text: '' }));
    req.end(body);
  });
}

function cookieValue(res, name) {
  for (const c of [].concat(res.headers['set-cookie'] || [])) {
    const pair = c.split(';')[0];
    const i = pair.indexOf('=');
    if (pair.slice(0, i).trim() === name) return pair.slice(i + 1).trim();
  }
  return null;
}

// Humanspace: the facilitator signs in, adds a word-cloud activity allowing 10 entries
// each, and opens it (which makes it the event's current item).
async function setupHumanspace(url, email, password, n) {
  const { Client } = await import('../../tests/http/harness.mjs');
  const fac = new Client({ url, origin: url });
  await fac.get('/signin');
  const signin = await fac.post('/signin', { email, password });
  if (signin.status !== 303) throw new Error(`facilitator sign-in answered ${signin.status}`);
  const events = await fac.get('/spaces/lived-experience-practice/events');
  const id = events.text.match(/href="\/events\/(\d+)"/)?.[1];
  if (!id) throw new Error('no demo event found');
  const path = `/events/${id}`;
  const run = await fac.get(`${path}/run`);
  const code = run.text.match(/id="join-code">([A-Z0-9]+)</)?.[1];
  if (!code) throw new Error('no join code on the run page');
  const made = await fac.post(`${path}/items`, {
    kind: 'cloud', title: `What does co-production mean to you? (bench, ${n} participants)`, summary: '', speakers: '',
    key_messages: '', content_note: '', options: '', max_entries: '10', max_chars: '40',
  });
  if (made.status !== 303) throw new Error(`adding the activity answered ${made.status}`);
  const items = [...(await fac.get(`${path}/run`)).text.matchAll(/id="item-(\d+)"/g)].map((m) => Number(m[1]));
  const item = Math.max(...items);
  const open = await fac.post(`${path}/items/${item}/do/open`);
  if (open.status !== 303) throw new Error(`opening the activity answered ${open.status}`);
  return { event: Number(id), item, code, presenterCookie: fac.cookieHeader() };
}

async function setupPeer(url) {
  const res = await fetch(`${url}/bench/activity`, { method: 'POST' });
  if (res.status !== 200) throw new Error(`peer setup answered ${res.status}`);
  return res.json();
}

// Answers to "what does co-production mean to you?", drawn with Zipf-like weights: a
// few words are common and there is a long tail, as in a real room.
const WORDS = ['Listening', 'Equal power', 'Trust', 'Respect', 'Working together', 'Sharing power', 'Partnership',
  'Lived experience', 'Being heard', 'Inclusion', 'Honesty', 'Collaboration', 'Shared purpose', 'Equality',
  'Voice', 'Kindness', 'Openness', 'Time', 'Fairness', 'Learning', 'Community', 'Change', 'Hope', 'Courage',
  'Belonging', 'Dignity', 'Empathy', 'Ownership', 'Accountability', 'Patience', 'Curiosity', 'Reciprocity',
  'Co-design', 'Nothing about us', 'Mutual respect', 'Safe space', 'Brave space', 'Transparency',
  'Value', 'Recognition', 'Payment for time', 'Flexibility', 'Care', 'Humility', 'Real influence', 'Action',
  'Relationships', 'Compassion', 'Solidarity', 'Connection', 'Support', 'Growth', 'Understanding', 'Humanity',
  'Choice', 'Autonomy', 'Empowerment', 'Creativity', 'Energy', 'Feedback', 'Follow through', 'Shared decisions',
  'Agency', 'Openness to change', 'Commitment', 'Challenge', 'Friendship', 'Joy', 'Tenacity', 'Wellbeing',
  'Healing', 'Accessibility', 'Plain words', 'Good food', 'Diversity', 'Justice', 'Peer support', 'Purpose',
  'Generosity', 'Presence', 'Warmth', 'Resilience', 'Mutuality', 'Sharing stories', 'Expertise', 'Insight',
  'Rethinking', 'Equity', 'Teamwork', 'Consistency', 'Reflection', 'Balance', 'Wisdom', 'Gratitude',
  'Celebration', 'Freedom', 'Clarity', 'Fun', 'Patience again', 'Difference'];
const CUM = (() => {
  const w = WORDS.map((_, i) => 1 / (i + 1));
  const total = w.reduce((a, b) => a + b, 0);
  let acc = 0;
  return w.map((x) => (acc += x / total));
})();
let seed = 12345;
function pick() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  const r = seed / 0x7fffffff;
  let i = 0;
  while (i < CUM.length - 1 && CUM[i] < r) i++;
  return WORDS[i];
}

async function main() {
  const a = argsOf(process.argv.slice(2));
  const url = a.url;
  const target = a.target || 'humanspace';
  const N = Number(a.n || 1000);
  const R = Number(a.rate || 500);
  const pid = Number(a['server-pid']);
  const listenerBin = a.listener || '';
  const listenerThreads = Number(a['listener-threads'] ?? 2);
  const workers = listenerBin ? 0 : Number(a.workers ?? 1);
  const maxEntries = 10;
  // Each participant may add 10 entries: the run stops short rather than collect refusals.
  const seconds = Math.min(Number(a.seconds || 15), Math.floor((maxEntries * N) / R));
  const log = (s) => process.stderr.write(`[${target} N=${N}] ${s}\n`);
  const t0 = now();

  const setup = target === 'peer' ? await setupPeer(url) : await setupHumanspace(url, a.email, a.password, N);
  const path = `/events/${setup.event}`;
  const wsUrl = `${url.replace(/^http/, 'ws')}${path}/live`;

  // Joining: one CSRF cookie and token for the whole crowd, then N joins in parallel.
  const client = makeClient(url, 64);
  const form = await client('GET', '/join');
  const csrfRaw = cookieValue(form, '__Host-hs_csrf');
  const csrf = form.text.match(/name="csrf" value="([^"]+)"/)?.[1];
  if (!csrfRaw || !csrf) throw new Error('no CSRF cookie or token from GET /join');
  const csrfCookie = `__Host-hs_csrf=${csrfRaw}`;
  const cookies = new Array(N);
  const joinErrors = {};
  let joined = 0;
  const tj = now();
  {
    let next = 0;
    const body = `csrf=${encodeURIComponent(csrf)}&code=${encodeURIComponent(setup.code)}&nickname=`;
    const runner = async () => {
      while (next < N) {
        const i = next++;
        for (let attempt = 0; attempt < 3 && !cookies[i]; attempt++) {
          const r = await client('POST', '/join', { body, cookie: csrfCookie, from: i });
          const tok = r.status === 303 && cookieValue(r, '__Host-hs_participant');
          if (tok) { cookies[i] = `${csrfCookie}; __Host-hs_participant=${tok}`; joined++; }
          else joinErrors[r.status || r.error] = (joinErrors[r.status || r.error] || 0) + 1;
        }
      }
    };
    await Promise.all(Array.from({ length: 64 }, runner));
  }
  const joinSeconds = (now() - tj) / 1000;
  log(`${joined} joined in ${joinSeconds.toFixed(1)} s`);
  const ok = cookies.filter(Boolean);

  // Idle: joined, nothing connected yet.
  await sleep(1000);
  const idle = procStat(pid);

  // Connections: the presenter here, participants in workers (or here with --workers 0).
  const presenterStats = { refused: 0, failed: 0, errors: 0, dropped: 0, closing: false, lastError: '' };
  const presenter = new Timeline();
  const presenterWs = await openSocket(wsUrl, { cookie: setup.presenterCookie, origin: url }, presenter, presenterStats);
  if (!presenterWs) throw new Error(`presenter could not connect: ${presenterStats.lastError}`);
  const tc = now();
  const shares = [];
  if (workers > 0) {
    const per = Math.ceil(ok.length / workers);
    for (let w = 0; w < workers; w++) {
      const share = ok.slice(w * per, (w + 1) * per);
      const worker = new Worker(new URL(import.meta.url), { workerData: { url: wsUrl, origin: url, cookies: share, batch: 100 } });
      const waitFor = (cmd) => new Promise((resolve) => {
        const f = (m) => { if (m.cmd === cmd) { worker.off('message', f); resolve(m); } };
        worker.on('message', f);
      });
      shares.push({ worker, waitFor });
    }
  }
  let local = null;
  let listener = null;
  const localStats = { refused: 0, failed: 0, errors: 0, dropped: 0, closing: false, lastError: '' };
  let opened = 0;
  if (listenerBin) {
    const u = new URL(url);
    listener = await startListener(listenerBin, listenerThreads, Number(u.port), `${path}/live`, url, ok);
    opened = listener.opened;
  } else if (workers > 0) {
    const res = await Promise.all(shares.map((s) => { const p = s.waitFor('opened'); s.worker.postMessage({ cmd: 'open' }); return p; }));
    opened = res.reduce((x, m) => x + m.open, 0);
  } else {
    local = await openAll(wsUrl, url, ok, 100, localStats);
    opened = local.sockets.filter(Boolean).length;
  }
  const connectSeconds = (now() - tc) / 1000;
  log(`${opened} WebSockets open in ${connectSeconds.toFixed(1)} s`);
  await sleep(3000);
  const connected = procStat(pid);
  const perConnKb = (connected.rssKb - idle.rssKb) / Math.max(1, opened);

  // Submissions: open loop at R a second, participants in turn.
  const poster = makeClient(url, 128);
  const sentAt = [0]; // by acknowledgement order
  const postErrors = {};
  let issued = 0;
  let acked = 0;
  const lat = []; // POST round trips
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  for (const s of shares) s.worker.postMessage({ cmd: 'measure' });
  const threads0 = threadCpu(pid);
  const cpu0 = procStat(pid);
  const gen0 = process.cpuUsage();
  const lis0 = listener ? procStat(listener.pid).cpu : 0;
  const busy0 = machineBusy();
  const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const rssSamples = [];
  const sampler = setInterval(() => rssSamples.push(procStat(pid).rssKb), 500);
  const start = now();
  const total = Math.round(R * seconds);
  const itemPath = `${path}/items/${setup.item}/words`;
  const inflight = [];
  await new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((now() - start) / 1000) * R));
      while (issued < due) {
        const whoIndex = issued % ok.length;
        const who = ok[whoIndex];
        issued++;
        const body = `csrf=${encodeURIComponent(csrf)}&entry=${encodeURIComponent(pick())}`;
        const t = now();
        inflight.push(poster('POST', itemPath, { body, cookie: who, from: whoIndex }).then((r) => {
          lat.push(now() - t);
          if (r.status === 303) { acked++; sentAt.push(t); }
          else postErrors[r.status || r.error] = (postErrors[r.status || r.error] || 0) + 1;
        }));
      }
      if (issued >= total) return resolve();
      setTimeout(tick, 2);
    };
    tick();
  });
  const submitSeconds = (now() - start) / 1000;
  await Promise.all(inflight);
  // Let the last snapshots arrive: a full interval and then some.
  const drainStart = now();
  while (presenter.last < acked && now() - drainStart < 10_000) await sleep(50);
  await sleep(500);
  const cpu1 = procStat(pid);
  const threads1 = threadCpu(pid);
  const gen1 = process.cpuUsage(gen0);
  // The listener's CPU counts as the generator's.
  if (listener) gen1.user += (procStat(listener.pid).cpu - lis0) * 1e6;
  const busy1 = machineBusy();
  const windowSeconds = (now() - start) / 1000;
  await sleep(1000);
  clearInterval(sampler);
  loop.disable();
  const sent = Float64Array.from(sentAt);

  // Results.
  const phist = new Uint32Array(HIST_MS * BUCKETS_PER_MS + 1);
  const pMissed = arrivals(presenter, sent, phist);
  const hist = new Uint32Array(HIST_MS * BUCKETS_PER_MS + 1);
  let missed = 0;
  let messages = 0;
  let bytes = 0;
  const wsStats = { refused: 0, failed: 0, errors: 0, dropped: 0 };
  const loopP99s = [loop.percentile(99) / 1e6];
  const addStats = (s) => { for (const k of Object.keys(wsStats)) wsStats[k] += s[k]; };
  let listenerBusyP99 = null;
  if (listener) {
    const r = await listener.finish();
    for (const tl of r.timelines) missed += arrivals(tl, sent, hist);
    messages = r.messages;
    bytes = r.bytes;
    addStats(r.stats);
    listenerBusyP99 = r.busyP99;
  } else if (workers > 0) {
    const res = await Promise.all(shares.map((s) => { const p = s.waitFor('done'); s.worker.postMessage({ cmd: 'finish', sent }); return p; }));
    for (const m of res) {
      for (let i = 0; i < hist.length; i++) hist[i] += m.hist[i];
      missed += m.missed; messages += m.messages; bytes += m.bytes; addStats(m.stats); loopP99s.push(m.loopP99);
    }
    for (const s of shares) await s.worker.terminate();
  } else {
    for (let i = 0; i < local.timelines.length; i++) {
      if (!local.sockets[i]) continue;
      missed += arrivals(local.timelines[i], sent, hist);
      messages += local.timelines[i].messages;
      bytes += local.timelines[i].bytes;
    }
    addStats(localStats);
    localStats.closing = true;
    for (const s of local.sockets) if (s) s.terminate();
  }
  addStats(presenterStats);
  presenterStats.closing = true;
  presenterWs.terminate();
  const samples = hist.reduce((x, y) => x + y, 0);
  const psamples = phist.reduce((x, y) => x + y, 0);
  lat.sort((x, y) => x - y);
  const q = (arr, p) => (arr.length ? arr[Math.min(arr.length - 1, Math.floor(arr.length * p))] : NaN);
  const result = {
    target, n: N, joined, opened, rate: R, seconds, submitSeconds, issued, acked, postErrors, joinErrors,
    joinSeconds, connectSeconds, ws: wsStats,
    presenter: { p50: percentile(phist, psamples, 0.5), p95: percentile(phist, psamples, 0.95), p99: percentile(phist, psamples, 0.99),
      samples: psamples, missed: pMissed, messages: presenter.messages, meanBytes: presenter.messages ? presenter.bytes / presenter.messages : 0 },
    participants: { p50: percentile(hist, samples, 0.5), p95: percentile(hist, samples, 0.95), p99: percentile(hist, samples, 0.99),
      samples, missed, messages, meanBytes: messages ? bytes / messages : 0 },
    post: { p50: q(lat, 0.5), p95: q(lat, 0.95), p99: q(lat, 0.99) },
    server: { idleRssKb: idle.rssKb, connectedRssKb: connected.rssKb, peakRssKb: Math.max(connected.rssKb, ...rssSamples.filter(Number.isFinite)),
      perConnKb, cpuSeconds: cpu1.cpu - cpu0.cpu, threads: connected.threads,
      threadCpuSeconds: Object.keys(threads1).map((t) => Math.round((threads1[t] - (threads0[t] || 0)) * 100) / 100)
        .filter((x) => x > 0).sort((x, y) => y - x) },
    generator: { cpuSeconds: (gen1.user + gen1.system) / 1e6, workers, loopP99Ms: Math.max(...loopP99s),
      listener: listener ? { threads: listenerThreads, busyP99Ms: listenerBusyP99 } : null },
    // CPU seconds over the window from the first submission until the last one had
    // arrived at the presenter (+0.5 s); "others" is every other process on the machine.
    window: { seconds: windowSeconds, machineBusySeconds: busy1 - busy0, loadAvgAtStart: Number(load0),
      othersCpuSeconds: busy1 - busy0 - (cpu1.cpu - cpu0.cpu) - (gen1.user + gen1.system) / 1e6 },
    wallSeconds: (now() - t0) / 1000,
  };
  if (a.out) writeFileSync(a.out, JSON.stringify(result, null, 1));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}

if (isMainThread) await main();
