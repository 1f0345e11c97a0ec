// Starts the real humanspace binary on 127.0.0.1:0 against a fresh database (SQLite,
// or PostgreSQL when HS_ENGINE=postgres) and speaks real HTTP to it.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import assert from 'node:assert/strict';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = process.env.HS_BIN || join(ROOT, 'build', 'humanspace');
export const ENGINE = process.env.HS_ENGINE || 'sqlite';

let dbCounter = 0;
function freshDatabase(dataDir) {
  if (ENGINE !== 'postgres') return `sqlite:${join(dataDir, 'humanspace.db')}`;
  const admin = process.env.HS_TEST_PG_URL;
  if (!admin) throw new Error('HS_ENGINE=postgres needs HS_TEST_PG_URL (tests/run_all.sh sets it)');
  const name = `hs_${process.pid}_${Date.now()}_${dbCounter++}`;
  execFileSync('psql', [admin, '-q', '-c', `CREATE DATABASE ${name}`]);
  return admin.replace(/\/[^/]*$/, `/${name}`);
}

// Runs a humanspace subcommand to completion against the given server's database.
export function cli(server, args, input = '') {
  return execFileSync(BIN, ['--data-dir', server.dataDir, '--db', server.db, ...args], {
    input, encoding: 'utf8', env: { ...process.env, ...server.env },
  });
}

export async function startServer({ demo = false, env = {}, args = [], dataDir, db } = {}) {
  dataDir ??= mkdtempSync(join(tmpdir(), 'hs-http-'));
  db ??= freshDatabase(dataDir);
  const portFile = join(dataDir, 'port');
  rmSync(portFile, { force: true });
  const fullEnv = { ...process.env, ...env };
  const argv = ['--data-dir', dataDir, '--db', db, ...(demo ? ['--demo'] : []), 'serve', '--listen', '127.0.0.1:0',
    '--port-file', portFile, ...args];
  const proc = spawn(BIN, argv, { env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => { log += d; });
  proc.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const started = Date.now();
  while (!existsSync(portFile)) {
    if (proc.exitCode !== null) throw new Error(`humanspace exited early:\n${log}`);
    if (Date.now() - started > 60000) { proc.kill('SIGKILL'); throw new Error(`humanspace did not start:\n${log}`); }
    await new Promise((r) => setTimeout(r, 20));
  }
  const port = Number(readFileSync(portFile, 'utf8').trim());
  const server = {
    proc, port, dataDir, db, env, exited,
    url: `http://127.0.0.1:${port}`,
    origin: `http://127.0.0.1:${port}`,
    log: () => log,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
    outbox() {
      const dir = join(dataDir, 'outbox');
      if (!existsSync(dir)) return [];
      return readdirSync(dir).filter((f) => f.endsWith('.eml')).sort()
        .map((f) => readFileSync(join(dir, f), 'utf8'));
    },
    // The newest email to an address, decoded enough to read links.
    lastEmailTo(address) {
      const all = server.outbox().filter((m) => m.includes(`To: ${address}\r\n`));
      return all.length ? all[all.length - 1] : null;
    },
  };
  return server;
}

export function linksIn(text) {
  return [...text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]);
}

// A browser-like client: keeps cookies, sends Origin, finds the CSRF token in forms.
export class Client {
  constructor(server) {
    this.server = server;
    this.cookies = new Map();
    this.csrf = null;
  }
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  remember(res) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (attrs.some((a) => /max-age=0/i.test(a.trim())) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
      // The CSRF token is bound to the session: a new or ended session needs a fresh one.
      if (/_session$/.test(name) && this.cookies.get(name) !== this.lastSession) {
        this.lastSession = this.cookies.get(name);
        this.csrf = null;
      }
    }
  }
  async request(method, path, { body, headers = {} } = {}) {
    const url = path.startsWith('http') ? path : this.server.url + path;
    const h = { ...headers };
    if (this.cookies.size) h.cookie = this.cookieHeader();
    const res = await fetch(url, { method, body, headers: h, redirect: 'manual' });
    this.remember(res);
    const text = await res.text();
    const m = text.match(/name="csrf" value="([^"]+)"/);
    if (m) this.csrf = m[1];
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
  }
  get(path) { return this.request('GET', path); }
  // Follows redirects (GET) up to 5 times.
  async follow(res) {
    for (let i = 0; i < 5 && res.status >= 300 && res.status < 400 && res.location; i++) res = await this.get(res.location);
    return res;
  }
  async post(path, fields = {}, { csrf = true, origin = this.server.origin } = {}) {
    if (csrf && !this.csrf) await this.get('/');
    const form = new URLSearchParams();
    if (csrf) form.set('csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) {
      if (Array.isArray(v)) v.forEach((x) => form.append(k, x));
      else form.set(k, v);
    }
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    if (origin) headers.origin = origin;
    return this.request('POST', path, { body: form.toString(), headers });
  }
  // A multipart form (one with file inputs), as a browser sends it: files is a list of
  // { field, name, type, bytes }.
  async postMultipart(path, fields = {}, files = []) {
    if (!this.csrf) await this.get('/');
    const form = new FormData();
    form.set('csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    for (const f of files) form.append(f.field, new Blob([f.bytes], { type: f.type }), f.name);
    return this.request('POST', path, { body: form, headers: { origin: this.server.origin } });
  }
}

// Sends raw bytes and returns whatever comes back until the server closes or timeoutMs.
export function raw(server, chunks, { delayMs = 0, timeoutMs = 5000 } = {}) {
  return new Promise((resolve) => {
    const sock = net.connect(server.port, '127.0.0.1');
    let data = '';
    let closed = false;
    const done = () => { if (!closed) { closed = true; sock.destroy(); resolve({ data, closedByServer: ended }); } };
    let ended = false;
    sock.on('data', (d) => { data += d; });
    sock.on('end', () => { ended = true; done(); });
    sock.on('error', () => { ended = true; done(); });
    sock.on('close', () => { ended = true; done(); });
    const timer = setTimeout(done, timeoutMs);
    sock.on('connect', async () => {
      for (const c of [].concat(chunks)) {
        if (closed) break;
        sock.write(c);
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      }
    });
    sock.on('close', () => clearTimeout(timer));
  });
}

export function statusOf(rawResponse) {
  const m = rawResponse.match(/^HTTP\/1\.1 (\d{3})/);
  return m ? Number(m[1]) : null;
}

// --- people for a test ----------------------------------------------------------------
export const PASSWORD = 'a long enough passphrase';

// Rows of a query against the server's database (the engine under test), each an array of
// strings: for tests that check what is, or is not, kept.
export function dbRows(server, query) {
  const out = ENGINE !== 'postgres'
    ? execFileSync('sqlite3', ['-separator', '|', server.db.replace(/^sqlite:/, ''), query], { encoding: 'utf8' })
    : execFileSync('psql', [server.db, '-qtA', '-F', '|', '-c', query], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('|'));
}
let accounts = 0;

// A person with an account made by the CLI (as an operator would), signed in through
// /signin: a Client with .email and .name. steward: the site-wide steward role.
export async function signedIn(server, name, { steward = false } = {}) {
  const email = `${name.split(' ')[0].toLowerCase()}.${++accounts}@example.org`;
  cli(server, ['user', 'add', email, '--name', name], `${PASSWORD}\n`);
  if (steward) cli(server, ['user', 'set-role', email, 'steward']);
  const c = new Client(server);
  await c.get('/signin');
  const res = await c.post('/signin', { email, password: PASSWORD });
  assert.equal(res.status, 303, `sign-in for ${name} failed: ${res.status}`);
  c.email = email;
  c.name = name;
  return c;
}


let eventSpaces = 0;
// A carers' space with a steward (also its space steward), a facilitator and a member, and
// an event in it with the given fields: { steward, fac, member, slug, path, code }.
export async function eventInSpace(server, fields = {}) {
  const steward = await signedIn(server, 'Quentin Osgood', { steward: true });
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: `Harrowgate Carers Forum ${++eventSpaces}`, slug: '', kind: 'network',
    purpose: 'Unpaid carers and the services around them, learning together.', visibility: 'listed',
    code_of_conduct: '# Be kind\n\nListen first.',
  });
  assert.equal(made.status, 303, made.text.slice(0, 300));
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  cli(server, ['user', 'set-role', steward.email, 'steward', '--space', slug]);
  const fac = await signedIn(server, 'Saoirse Lindqvist');
  cli(server, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);
  const member = await signedIn(server, 'Dov Abernethy');
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  await fac.get(`/spaces/${slug}/events`);
  const ev = await fac.post(`/spaces/${slug}/events`, {
    title: 'Carers learning day', description: 'Talks and questions.',
    starts: '2031-03-04T10:00', ends: '2031-03-04T15:30', ...fields,
  });
  assert.equal(ev.status, 303, ev.text.slice(0, 500));
  const path = ev.location.replace(/\/run$/, '');
  const code = (await fac.get(`${path}/run`)).text.match(/id="join-code">([A-Z0-9]+)</)[1];
  return { steward, fac, member, slug, path, code };
}

// Adds an agenda item as the facilitator; returns its id.
export async function addItem(fac, path, fields) {
  const r = await fac.post(`${path}/items`, {
    summary: '', speakers: '', key_messages: '', content_note: '', options: '', max_entries: '3', ...fields,
  });
  assert.equal(r.status, 303, r.text.slice(0, 500));
  const ids = [...(await fac.get(`${path}/run`)).text.matchAll(/id="item-(\d+)"/g)].map((m) => m[1]);
  return ids[ids.length - 1];
}

// A guest who joined the event with its code (and a nickname), on the page they land on.
export async function participant(server, code, nickname = '') {
  const p = new Client(server);
  await p.get('/join');
  const res = await p.post('/join', { code, nickname });
  assert.equal(res.status, 303, `joining: ${res.status}`);
  await p.get(res.location);
  return p;
}
