import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, raw, statusOf } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

test('home page carries the security headers and a CSRF cookie', async () => {
  const c = new Client(server);
  const res = await c.get('/');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-security-policy'), /default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'/);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(res.headers.get('referrer-policy'), 'same-origin');
  assert.match(res.headers.get('set-cookie'), /^__Host-hs_csrf=[A-Za-z0-9_-]{22}; Path=\/; Secure; HttpOnly; SameSite=Lax/);
  assert.match(res.text, /<html lang="en"/);
  assert.equal((res.text.match(/<h1/g) || []).length, 1);
});

test('unknown pages get a helpful 404 with the same headers', async () => {
  const res = await new Client(server).get('/no/such/page');
  assert.equal(res.status, 404);
  assert.match(res.headers.get('content-security-policy'), /frame-ancestors 'none'/);
  assert.match(res.text, /href="\/"/);
});

test('healthz checks the store and metrics speak Prometheus', async () => {
  const c = new Client(server);
  const h = await c.get('/healthz');
  assert.equal(h.status, 200);
  assert.equal(h.text, 'ok\n');
  const m = await c.get('/metrics');
  assert.match(m.text, /humanspace_http_requests_total\{route="GET \/healthz",status="200"\} \d+/);
  assert.match(m.text, /humanspace_http_request_duration_seconds_bucket\{le="0.01"\}/);
  assert.match(m.text, /humanspace_open_connections \d+/);
});

test('a POST without a CSRF token is refused and changes nothing', async () => {
  const c = new Client(server);
  const res = await c.post('/signout', {}, { csrf: false });
  assert.equal(res.status, 403);
});

test('a POST from another origin is refused even with a token', async () => {
  const c = new Client(server);
  await c.get('/');
  const res = await c.post('/signout', {}, { origin: 'https://evil.example' });
  assert.equal(res.status, 403);
});

test('a multipart form (one with a file input) is checked like any other: its CSRF token counts', async () => {
  const c = new Client(server);
  await c.get('/signin');  // a page with a form, so a token
  const send = (body, headers = {}) => c.request('POST', '/signout', { body, headers: { origin: server.origin, ...headers } });
  const form = new FormData();
  form.set('csrf', c.csrf);
  form.set('receipt', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x0d, 0x0a])], { type: 'image/jpeg' }), 'r.jpg');
  assert.equal((await send(form)).status, 303);
  const without = new FormData();
  without.set('note', 'no token');
  assert.equal((await send(without)).status, 403);
  // A body that never closes (no final delimiter) is a 400, as a broken urlencoded one is.
  const cut = `--b\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n${c.csrf}\r\n`;
  assert.equal((await send(cut, { 'content-type': 'multipart/form-data; boundary=b' })).status, 400);
});

test('static files are served with their type, and paths cannot climb out', async () => {
  const c = new Client(server);
  const css = await c.get('/static/build/app.css');
  assert.equal(css.status, 200);
  assert.match(css.headers.get('content-type'), /text\/css/);
  // Sent raw: fetch would tidy the dots away before they reached the server.
  const escape = await raw(server, 'GET /static/%2e%2e/%2e%2e/CMakeLists.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(statusOf(escape.data), 400);
});
