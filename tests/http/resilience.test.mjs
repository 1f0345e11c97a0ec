// No thread ends the process (issue 12): a store failure while a page is built or while a
// WebSocket upgrade is checked answers 500, and the server goes on serving.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import WebSocket from 'ws';
import { startServer, ENGINE } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// Runs SQL against the server's database behind its back.
function sql(statement) {
  if (ENGINE === 'postgres') execFileSync('psql', [server.db, '-q', '-c', statement]);
  else execFileSync('sqlite3', [server.db.replace(/^sqlite:/, ''), statement]);
}

function upgrade(path) {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { origin: server.origin });
    ws.on('unexpected-response', (_req, res) => { resolve(res.statusCode); ws.terminate(); });
    ws.on('open', () => { resolve('open'); ws.close(); });
    ws.on('error', () => resolve('error'));
  });
}

test('a store failure during a WebSocket upgrade and a page answers 500, and the server lives on', async () => {
  assert.equal(await upgrade('/events/1/live'), 404, 'no such event: an ordinary 404 first');
  sql('ALTER TABLE events RENAME TO events_away');
  try {
    for (let i = 0; i < 8; i++) assert.equal(await upgrade('/events/1/live'), 500);
    const page = await fetch(`${server.url}/events/1`);
    assert.equal(page.status, 500);
    assert.match(await page.text(), /Reference/i);
  } finally {
    sql('ALTER TABLE events_away RENAME TO events');
  }
  assert.equal(server.proc.exitCode, null, 'the process is still running');
  assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  assert.equal(await upgrade('/events/1/live'), 404, 'and upgrades are checked as before');
});
