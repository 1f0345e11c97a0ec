// Findings 3, 4, 5 and 11 of the outside security review (issue 10): demo mode and its
// outbox, links in email, allowances for anonymous participants, /metrics, Host
// headers and folded headers, and the CSRF token bound to the session.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, Client, raw, statusOf, signedIn, cli, linksIn, BIN } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// A request with headers fetch() will not send (a Host of our choosing).
function request(srv, method, path, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: srv.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

test('finding 3: demo mode will not serve on a public address unless told so by name', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hs-demo-'));
  const r = spawnSync(BIN, ['--data-dir', dataDir, '--demo', '--base-url', 'https://demo.example.org', 'serve',
    '--listen', '0.0.0.0:0'], { encoding: 'utf8', timeout: 20000 });
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /demo mode listens only on this machine/);
  assert.match(r.stderr, /--unsafe-public-demo/);
});

test('finding 3: the demo outbox, which holds working sign-in links, is for the site steward alone', async () => {
  const demo = await startServer({ demo: true });
  try {
    assert.match(demo.log(), /Demo mode \(this machine only\)/);
    assert.match(demo.log(), /shows it to the demo's site steward only/);
    const member = await signedIn(demo, 'Wendell Osgood');
    // Anyone can ask for a sign-in link for anyone ...
    const stranger = new Client(demo);
    await stranger.get('/signin');
    await stranger.post('/signin/link', { email: member.email });
    // ... but nobody but the site steward can read it from the outbox.
    const anon = await stranger.get('/outbox');
    assert.equal(anon.status, 303);
    assert.match(anon.location, /^\/signin/);
    assert.doesNotMatch(anon.text, /\/signin\/link\//);
    const notSteward = await member.get('/outbox');
    assert.equal(notSteward.status, 403);
    assert.match(notSteward.text, /Only a site steward can read the demo outbox/);
    assert.doesNotMatch(notSteward.text, /\/signin\/link\//);
    assert.doesNotMatch((await member.get('/')).text, /href="\/outbox"/, 'no link to a page they cannot open');
    const steward = await signedIn(demo, 'Priya Halloran', { steward: true });
    const page = await steward.get('/outbox');
    assert.equal(page.status, 200);
    assert.match(page.text, new RegExp(member.email.replace('.', '\\.')));
    assert.match((await steward.get('/')).text, /href="\/outbox"/);
  } finally {
    await demo.stop();
  }
});

test('finding 4: emailed links never follow the Host header', async () => {
  const c = new Client(server);
  const member = await signedIn(server, 'Imogen Castell');
  await c.get('/reset');
  const cookie = c.cookieHeader();
  const body = new URLSearchParams({ csrf: c.csrf, email: member.email }).toString();
  const r = await request(server, 'POST', '/reset', {
    headers: { host: 'evil.example', origin: 'http://evil.example', cookie,
      'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
    body,
  });
  assert.ok([200, 303].includes(r.status), `reset answered ${r.status}`);
  const mail = server.lastEmailTo(member.email);
  assert.ok(mail, 'a reset email was sent');
  const links = linksIn(mail);
  assert.ok(links.length > 0);
  for (const l of links) {
    assert.doesNotMatch(l, /evil\.example/);
    assert.ok(l.startsWith(server.url), `${l} does not start with ${server.url}`);
  }
});

async function eventWithCloud(srv) {
  const steward = await signedIn(srv, 'Jonah Pellow', { steward: true });
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: `Harbour Lane Forum ${Date.now()}`, slug: '', kind: 'forum', purpose: 'Testing allowances.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  const ev = await steward.post(`/spaces/${slug}/events`, {
    title: 'Allowance day', description: '', starts: '2030-05-01T10:00', ends: '2030-05-01T16:00',
  });
  assert.equal(ev.status, 303, ev.text.slice(0, 300));
  const path = ev.location.replace(/\/run$/, '');
  const run = await steward.get(`${path}/run`);
  const code = run.text.match(/id="join-code">([A-Z0-9]+)</)[1];
  for (const kind of ['cloud', 'qa']) {
    const r = await steward.post(`${path}/items`, {
      kind, title: kind === 'cloud' ? 'One word' : 'Questions', summary: '', speakers: '', key_messages: '',
      content_note: '', options: '', max_entries: '3',
    });
    assert.equal(r.status, 303, r.text.slice(0, 300));
  }
  const items = [...(await steward.get(`${path}/run`)).text.matchAll(/id="item-(\d+)"/g)].map((m) => m[1]);
  return { steward, path, code, cloud: items[0], qa: items[1] };
}

async function joinEvent(srv, code, client = new Client(srv)) {
  await client.get('/join');
  const r = await client.post('/join', { code, nickname: '' });
  return { client, status: r.status, text: r.text };
}

test('finding 5: joins, questions and words have an allowance per person and per address', async () => {
  const { steward, path, code, cloud, qa } = await eventWithCloud(server);
  // 100 joins from one address at once: a venue's worth goes through, a flood does not.
  const joins = await Promise.all(Array.from({ length: 100 }, () => joinEvent(server, code)));
  const refused = joins.filter((j) => j.status === 429);
  assert.ok(joins.filter((j) => j.status === 303).length >= 50, 'a room of people can join from one address');
  assert.ok(refused.length >= 20, `only ${refused.length} of 100 joins in a burst were refused`);
  assert.match(refused[0].text, /Many people have just joined from this connection/);
  assert.match(refused[0].text, new RegExp(`value="${code}"`), 'what was typed is kept');

  // One participant asking 200 questions at once: a handful are saved, the rest refused.
  assert.equal((await steward.post(`${path}/items/${qa}/do/open`)).status, 303);
  const asker = joins.find((j) => j.status === 303).client;
  await asker.get(path);
  const asks = await Promise.all(Array.from({ length: 200 }, (_, i) =>
    asker.post(`${path}/items/${qa}/questions`, { question: `Question number ${i}?` })));
  const saved = asks.filter((a) => a.status === 303).length;
  assert.ok(saved >= 10 && saved <= 30, `${saved} of 200 questions in a burst were saved`);
  const slow = asks.find((a) => a.status === 429);
  assert.match(slow.text, /Wait a few seconds and try again/);
  assert.match(slow.headers.get('retry-after'), /^\d+$/);
  const run = await steward.get(`${path}/run`);
  // Count each question once: the run page names a question again in its "Show on the screen" button.
  assert.equal(new Set(run.text.match(/Question number \d+\?/g) || []).size, saved, 'a refused question is not kept');
});

test('finding 5: joining again from the same browser does not reset the word cap', async () => {
  const { steward, path, code, cloud } = await eventWithCloud(server);
  assert.equal((await steward.post(`${path}/items/${cloud}/do/open`)).status, 303);
  const { client: p, status } = await joinEvent(server, code);
  assert.equal(status, 303, 'a new event has its own allowance of joins, whatever other events took');
  await p.get(path);
  for (const w of ['trust', 'respect', 'time'])
    assert.equal((await p.post(`${path}/items/${cloud}/words`, { entry: w })).status, 303);
  const capped = (await p.post(`${path}/items/${cloud}/words`, { entry: 'more' })).status;
  assert.ok(capped >= 400 && capped < 500, `a fourth word answered ${capped}`);
  const again = await joinEvent(server, code, p);
  assert.equal(again.status, 303);
  await p.get(path);
  const fourth = await p.post(`${path}/items/${cloud}/words`, { entry: 'honesty' });
  assert.equal(fourth.status, capped, 'the cap holds after joining again');
  const run = await steward.get(`${path}/run`);
  assert.doesNotMatch(run.text, /honesty/i);
});

test('finding 11: /metrics is for this machine and site stewards only', async () => {
  const proxied = await startServer({ args: ['--trust-proxy'] });
  try {
    const outside = await request(proxied, 'GET', '/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(outside.status, 403);
    assert.doesNotMatch(outside.text, /hs_http_requests/);
    const local = await request(proxied, 'GET', '/metrics', { headers: { 'x-forwarded-for': '127.0.0.1' } });
    assert.equal(local.status, 200);
    const steward = await signedIn(proxied, 'Esther Quill', { steward: true });
    const r = await fetch(`${proxied.url}/metrics`, { headers: { cookie: steward.cookieHeader(), 'x-forwarded-for': '203.0.113.9' } });
    assert.equal(r.status, 200);
  } finally {
    await proxied.stop();
  }
});

test('finding 11: a request without Host, with two Hosts or with a folded header is refused with 400', async () => {
  const cases = {
    'no Host': 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n',
    'two Hosts': 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    'folded header': 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Note: one\r\n two\r\nConnection: close\r\n\r\n',
    'folded with a tab': 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: a\r\n\tb\r\nConnection: close\r\n\r\n',
  };
  for (const [name, bytes] of Object.entries(cases)) {
    const r = await raw(server, bytes);
    assert.equal(statusOf(r.data), 400, `${name}: ${r.data.slice(0, 80)}`);
  }
  // HTTP/1.0 without Host is still fine, and so is an ordinary request.
  assert.equal(statusOf((await raw(server, 'GET /healthz HTTP/1.0\r\n\r\n')).data), 200);
  assert.equal(statusOf((await raw(server, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).data), 200);
});

test('finding 11: a CSRF token from before sign-in is no good after it', async () => {
  const c = new Client(server);
  const email = `ruth.${Date.now()}@example.org`;
  cli(server, ['user', 'add', email, '--name', 'Ruth Ambrose'], 'a long enough passphrase\n');
  await c.get('/signin');
  const before = c.csrf;
  const signin = await c.post('/signin', { email, password: 'a long enough passphrase' });
  assert.equal(signin.status, 303);
  // The old token, with the same CSRF cookie, now fails.
  const form = new URLSearchParams({ csrf: before, display_name: 'Ruth A' }).toString();
  const stale = await fetch(`${server.url}/account/profile`, { method: 'POST', body: form, headers: {
    cookie: c.cookieHeader(), origin: server.origin, 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(stale.status, 403);
  // A page seen while signed in gives a token that works.
  const page = await c.get('/account/profile');
  assert.notEqual(c.csrf, before);
  assert.match(page.text, /name="csrf"/);
});
