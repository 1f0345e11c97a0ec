// Malformed and hostile input: each gets the right 4xx or a closed connection, and the
// server keeps serving everyone else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, Client, raw, statusOf } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

async function stillServing() {
  const res = await new Client(server).get('/healthz');
  assert.equal(res.status, 200, 'the server must keep serving');
}

test('an unknown method gets 405 and names the methods allowed', async () => {
  const r = await raw(server, 'BREW / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(statusOf(r.data), 405);
  assert.match(r.data, /\r\nAllow: /i);
  await stillServing();
});

test('a method the route does not take gets 405', async () => {
  const r = await raw(server, 'DELETE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(statusOf(r.data), 405);
  await stillServing();
});

test('a request line that is not HTTP gets 400 and the connection closes', async () => {
  const r = await raw(server, 'GET / HTTP/9\r\n\r\n');
  assert.equal(statusOf(r.data), 400);
  assert.ok(r.closedByServer);
  await stillServing();
});

test('headers over 16 KiB get 431', async () => {
  const big = 'x'.repeat(17 * 1024);
  const r = await raw(server, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${big}\r\n\r\n`);
  assert.equal(statusOf(r.data), 431);
  await stillServing();
});

test('a body over the 1 MiB limit gets 413, declared or chunked', async () => {
  const declared = await raw(server,
    `POST /signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`);
  assert.equal(statusOf(declared.data), 413);
  const chunk = 'a'.repeat(64 * 1024);
  const pieces = [`POST /signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`];
  for (let i = 0; i < 20; i++) pieces.push(`${(chunk.length).toString(16)}\r\n${chunk}\r\n`);
  pieces.push('0\r\n\r\n');
  const chunked = await raw(server, pieces.join(''));
  assert.equal(statusOf(chunked.data), 413);
  await stillServing();
});

test('broken chunked encoding gets 400', async () => {
  const r = await raw(server,
    'POST /signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n');
  assert.equal(statusOf(r.data), 400);
  await stillServing();
});

test('invalid UTF-8 in a form gets 400, not a half-saved record', async () => {
  const c = new Client(server);
  await c.get('/signin');
  const body = `csrf=${encodeURIComponent(c.csrf)}&email=%C3%28%40example.org&password=x`;
  const res = await c.request('POST', '/signin', {
    body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
  });
  assert.equal(res.status, 400);
  await stillServing();
});

test('a target with dot segments or an absolute URL gets 400', async () => {
  const a = await raw(server, 'GET /static/../dev HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(statusOf(a.data), 400);
  const b = await raw(server, 'GET http://elsewhere/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  assert.equal(statusOf(b.data), 400);
  await stillServing();
});

test('a slow client sending headers byte by byte is cut off by the header timeout', { timeout: 30000 }, async () => {
  const req = 'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'y'.repeat(200) + '\r\n\r\n';
  const started = Date.now();
  // One byte every 100 ms would take 23 s; the server gives headers 10 s.
  const r = await raw(server, req.split(''), { delayMs: 100, timeoutMs: 25000 });
  const took = Date.now() - started;
  assert.ok(r.closedByServer, 'the server closes the connection');
  assert.equal(statusOf(r.data), null, 'no response to a request that never finished');
  assert.ok(took >= 9000 && took < 15000, `closed after ${took} ms`);
  await stillServing();
});

test('keep-alive serves several requests on one connection', async () => {
  const one = 'GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n';
  const r = await raw(server, [one, one, 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
  assert.equal((r.data.match(/HTTP\/1\.1 200 OK/g) || []).length, 3);
});

test('SIGTERM lets a request in flight finish, then the server exits cleanly', async () => {
  const own = await startServer();
  try {
    // Headers sent, body held back: a request in flight.
    const pending = raw(own, [
      'POST /signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5\r\nConnection: close\r\n\r\n',
      'a=b&c',
    ], { delayMs: 700 });
    await new Promise((r) => setTimeout(r, 300));
    own.proc.kill('SIGTERM');
    const r = await pending;
    assert.ok(statusOf(r.data) !== null, `the request in flight was answered: ${r.data.slice(0, 80)}`);
    const exit = await own.exited;
    assert.equal(exit.code, 0);
  } finally {
    await own.stop('SIGKILL');
  }
});
