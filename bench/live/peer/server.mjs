// The peer for bench/live: a small Node `ws` broadcast server speaking the protocol the
// load generator (bench/live/loadgen.mjs) speaks to humanspace, so both are measured the
// same way in the same run.
//
// What it does, as humanspace does:
//   - GET /join hands out a CSRF cookie (__Host-hs_csrf) and the form's token (an HMAC of
//     the cookie); POST /join checks the token, the Origin and the join code, and sets a
//     participant cookie (__Host-hs_participant), answering 303 to /events/{id}.
//   - GET /events/{id}/live upgrades to a WebSocket for a participant (or the presenter);
//     without a known cookie it answers 404, from a foreign Origin 403.
//   - POST /events/{id}/items/{item}/words with `csrf` and `entry` checks cookie, token and
//     Origin, refuses a closed or unknown item (404), an empty or too long entry (over 40 characters or 4 words: 422) and
//     more than 10 entries per participant (409), counts it and answers 303.
//   - Changes are coalesced per activity: at most 5 snapshots a second, each built once
//     and sent to every subscriber, who keeps only the newest one not yet written (a slow
//     reader holds one message, not a queue). A new subscriber first gets the latest
//     snapshot.
//   - The snapshot has humanspace's JSON shape: {event, title, current: {id, kind, title,
//     state, revealed, responses, words: [[text, count]], summary, picture: {width, height,
//     label, placed: [[index into words, x, y, size, advance, rotate]]}}}, with x and y
//     whole pixels as humanspace's, so that the same number of bytes travels to each
//     connection.
//
// What it does not do, unlike humanspace:
//   - No durability: entries live in memory; an acknowledged entry is gone after a crash.
//     Humanspace commits each entry to SQLite (WAL, synchronous=FULL) before answering.
//   - Normalisation is lowercase and trim only: no ICU NFKC or case folding, no
//     punctuation stripping, no Snowball stems, no stop words, no profanity list, no
//     facilitator moderation (hide, merge, rename).
//   - No layout: the "picture" places words in rows by a size formula, with no collision
//     test, no font metrics and no stability between snapshots.
//   - No accounts, sessions, spaces, permissions, audit, rate limits or HTML pages; one
//     event. The facilitator's part is one unauthenticated call, POST /bench/activity,
//     which starts a fresh word-cloud activity and returns its ids, the join code and a
//     presenter cookie (the bench's stand-in for signing in and opening an activity).
//
// Usage: node bench/live/peer/server.mjs [--port 0] [--port-file FILE]
import http from 'node:http';
import crypto from 'node:crypto';
import { writeFileSync, renameSync } from 'node:fs';
import { WebSocketServer } from 'ws';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

const PER_SECOND = 5;
const INTERVAL_MS = 1000 / PER_SECOND;
const MAX_ENTRIES = 10;
const MAX_CHARS = 40;
const MAX_WORDS = 4;
const BODY_LIMIT = 16 * 1024;
const secret = crypto.randomBytes(32);

const event = { id: 1, title: 'Bench event', code: randomCode() };
let items = 0;
let current = null; // { id, title, state, responses, groups: Map(norm -> {count, forms: Map(text -> n)}) }
const participants = new Map(); // token -> { entries }
const presenters = new Set();
const subscribers = new Set();
let origin = '';

function randomCode() {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let s = '';
  for (const b of crypto.randomBytes(6)) s += alphabet[b % alphabet.length];
  return s;
}

const csrfFor = (raw) => crypto.createHmac('sha256', secret).update(raw).digest('base64url');

function cookies(req) {
  const out = {};
  for (const part of (req.headers.cookie || '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function sameOrigin(req) {
  const o = req.headers.origin;
  return !o || o === origin;
}

function reply(res, status, body = '', headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

function readBody(req, res, done) {
  let size = 0;
  const chunks = [];
  req.on('data', (c) => {
    size += c.length;
    if (size > BODY_LIMIT) { reply(res, 413, 'too large\n'); req.destroy(); return; }
    chunks.push(c);
  });
  req.on('end', () => { if (size <= BODY_LIMIT) done(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))); });
}

// Checks what humanspace's dispatcher checks before a POST handler runs.
function csrfOk(req, form, jar) {
  const raw = jar['__Host-hs_csrf'];
  if (!raw || !sameOrigin(req)) return false;
  const sent = Buffer.from(form.get('csrf') || '');
  const want = Buffer.from(csrfFor(raw));
  return sent.length === want.length && crypto.timingSafeEqual(sent, want);
}

// --- coalescing: at most PER_SECOND snapshots a second for the activity ----------------
let dirty = false;
let last = -Infinity;
let timer = null;

function changed() {
  if (dirty) return; // already due: this change rides along
  dirty = true;
  const due = Math.max(0, last + INTERVAL_MS - performance.now());
  timer = setTimeout(publish, due);
}

function snapshot() {
  const o = { event: event.id, title: event.title };
  if (!current) { o.current = null; return JSON.stringify(o); }
  const words = [];
  for (const g of current.groups.values()) {
    let text = '';
    let best = -1;
    for (const [t, n] of g.forms) if (n > best || (n === best && t < text)) { best = n; text = t; }
    words.push([text, g.count]);
  }
  words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const it = {
    id: current.id, kind: 'cloud', title: current.title, state: current.state, revealed: false,
    responses: current.responses, words,
    summary: words.length ? `${current.responses} entries, top: ${words[0][0]} (${words[0][1]})`
      : `${current.responses} entries`,
  };
  // Rows, left to right, no collision test: enough to send as many bytes as a layout.
  const width = 1024;
  const height = 768;
  const max = words.length ? words[0][1] : 1;
  const placed = [];
  let x = 0;
  let y = 0;
  let row = 0;
  words.forEach(([text, count], i) => {
    const size = Math.round((10 + 70 * Math.sqrt(count / max)) * 100) / 100;
    const advance = Math.round(size * 0.55 * text.length * 100) / 100;
    if (x + advance > width) { x = 0; y += row; row = 0; }
    placed.push([i, Math.round(x), Math.round(y + size), size, advance, 0]);
    x += advance + size * 0.3;
    row = Math.max(row, size * 1.2);
  });
  it.picture = { width, height, label: `Word cloud: ${current.title}`, placed };
  o.current = it;
  return JSON.stringify(o);
}

let latest = null; // the last snapshot sent, for whoever connects next

function publish() {
  dirty = false;
  timer = null;
  last = performance.now();
  const message = Buffer.from(snapshot());
  latest = message;
  for (const s of subscribers) deliver(s, message);
}

// The newest message replaces one not yet written.
function deliver(s, message) {
  if (s.writing) { s.pending = message; return; }
  s.writing = true;
  s.ws.send(message, { binary: false }, (err) => {
    s.writing = false;
    if (err) return;
    const next = s.pending;
    s.pending = null;
    if (next) deliver(s, next);
  });
}

// --- routes ---------------------------------------------------------------------------
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024, clientTracking: false });

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const path = url.pathname;
  const jar = cookies(req);
  if (req.method === 'GET' && path === '/join') {
    const raw = jar['__Host-hs_csrf'] || crypto.randomBytes(16).toString('base64url');
    const headers = jar['__Host-hs_csrf'] ? {} : { 'set-cookie': `__Host-hs_csrf=${raw}; Path=/; Secure; HttpOnly; SameSite=Lax` };
    const page = `<form method="post" action="/join"><input type="hidden" name="csrf" value="${csrfFor(raw)}">` +
      '<input name="code"><input name="nickname"></form>\n';
    return reply(res, 200, page, { ...headers, 'content-type': 'text/html; charset=utf-8' });
  }
  if (req.method === 'POST' && path === '/join') {
    return readBody(req, res, (form) => {
      if (!csrfOk(req, form, jar)) return reply(res, 403, 'csrf\n');
      const code = (form.get('code') || '').toUpperCase().replace(/[^A-Z0-9]/g, '');
      if (code !== event.code) return reply(res, 422, 'wrong code\n');
      const token = crypto.randomBytes(16).toString('base64url');
      participants.set(token, { entries: 0 });
      reply(res, 303, '', {
        location: `/events/${event.id}`,
        'set-cookie': `__Host-hs_participant=${token}; Path=/; Max-Age=172800; Secure; HttpOnly; SameSite=Lax`,
      });
    });
  }
  if (req.method === 'POST' && path === '/bench/activity') {
    current = { id: ++items, title: `What does co-production mean to you? (${items})`, state: 'open', responses: 0, groups: new Map() };
    const presenter = crypto.randomBytes(16).toString('base64url');
    presenters.add(presenter);
    changed();
    return reply(res, 200, JSON.stringify({ event: event.id, item: current.id, code: event.code,
      presenterCookie: `__Host-hs_presenter=${presenter}` }), { 'content-type': 'application/json' });
  }
  const m = path.match(/^\/events\/(\d+)\/items\/(\d+)\/words$/);
  if (req.method === 'POST' && m) {
    return readBody(req, res, (form) => {
      if (!csrfOk(req, form, jar)) return reply(res, 403, 'csrf\n');
      const p = participants.get(jar['__Host-hs_participant'] || '');
      if (!p || Number(m[1]) !== event.id) return reply(res, 404, 'not found\n');
      if (!current || Number(m[2]) !== current.id || current.state !== 'open') return reply(res, 404, 'not open\n');
      const text = (form.get('entry') || '').trim();
      if (!text || [...text].length > MAX_CHARS || text.split(/\s+/).length > MAX_WORDS) return reply(res, 422, 'entry\n');
      if (p.entries >= MAX_ENTRIES) return reply(res, 409, 'full\n');
      p.entries++;
      const key = text.toLowerCase();
      let g = current.groups.get(key);
      if (!g) current.groups.set(key, (g = { count: 0, forms: new Map() }));
      g.count++;
      g.forms.set(text, (g.forms.get(text) || 0) + 1);
      current.responses++;
      changed();
      reply(res, 303, '', { location: `/events/${event.id}?seen=${current.id}&notice=added` });
    });
  }
  if (req.method === 'GET' && path === `/events/${event.id}/state.json`) {
    return reply(res, 200, snapshot(), { 'content-type': 'application/json', 'cache-control': 'no-store' });
  }
  reply(res, 404, 'not found\n');
});

server.on('upgrade', (req, socket, head) => {
  const path = new URL(req.url, 'http://x').pathname;
  const jar = cookies(req);
  const refuse = (status) => { socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`); };
  if (path !== `/events/${event.id}/live`) return refuse(404);
  if (!sameOrigin(req)) return refuse(403);
  if (!participants.has(jar['__Host-hs_participant'] || '') && !presenters.has(jar['__Host-hs_presenter'] || '')) return refuse(404);
  wss.handleUpgrade(req, socket, head, (ws) => {
    const s = { ws, writing: false, pending: null };
    subscribers.add(s);
    // As humanspace: the whole current state first.
    deliver(s, latest || Buffer.from(snapshot()));
    ws.on('message', () => {}); // clients listen; what they send is ignored
    ws.on('close', () => subscribers.delete(s));
    ws.on('error', () => {});
  });
});

server.keepAliveTimeout = 60_000;
server.headersTimeout = 10_000;
server.listen(Number(opt('port', 0)), '127.0.0.1', () => {
  const { port } = server.address();
  origin = `http://127.0.0.1:${port}`;
  const file = opt('port-file');
  if (file) { writeFileSync(`${file}.tmp`, `${port}\n`); renameSync(`${file}.tmp`, file); }
  else console.log(`listening on ${origin}`);
});
const stop = () => { server.close(); for (const s of subscribers) s.ws.terminate(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
