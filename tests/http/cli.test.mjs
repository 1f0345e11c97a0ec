// The command line: help, migrate, backup, user add and set-role, on the engine under test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, cli, BIN, ENGINE, Client } from './harness.mjs';

test('--help names every subcommand and each has its own help', () => {
  const help = execFileSync(BIN, ['--help'], { encoding: 'utf8' });
  for (const sub of ['serve', 'migrate', 'demo', 'user', 'backup']) assert.match(help, new RegExp(`\\b${sub}\\b`));
  const serveHelp = execFileSync(BIN, ['serve', '--help'], { encoding: 'utf8' });
  assert.match(serveHelp, /--listen/);
  assert.match(serveHelp, /HUMANSPACE_LISTEN/);
});

test('an unknown --db scheme is refused with a clear message', () => {
  const r = spawnSync(BIN, ['--db', 'mysql://x', 'migrate'], { encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr + r.stdout, /sqlite:|postgresql:\/\//);
});

test('migrate is idempotent, and the server keeps serving while a backup is taken', async () => {
  const server = await startServer();
  try {
    assert.match(cli(server, ['migrate']), /up to date/);
    assert.match(cli(server, ['migrate']), /up to date/);
    cli(server, ['user', 'add', 'rowan@example.org', '--name', 'Rowan Ash'], 'a long enough passphrase\n');
    const dest = join(server.dataDir, ENGINE === 'postgres' ? 'backup.dump' : 'backup.db');
    const pending = new Client(server).get('/healthz');
    cli(server, ['backup', dest]);
    assert.equal((await pending).status, 200);
    assert.ok(existsSync(dest) && statSync(dest).size > 0);
    if (ENGINE === 'sqlite') {
      const users = execFileSync('sqlite3', [dest, 'SELECT COUNT(*) FROM users'], { encoding: 'utf8' });
      assert.equal(users.trim(), '1');
    } else {
      const list = execFileSync('pg_restore', ['--list', dest], { encoding: 'utf8' });
      assert.match(list, /TABLE DATA public users/);
    }
    // A backup never overwrites.
    const again = spawnSync(BIN, ['--data-dir', server.dataDir, '--db', server.db, 'backup', dest], { encoding: 'utf8' });
    assert.notEqual(again.status, 0);
  } finally {
    await server.stop();
  }
});

test('user set-role makes a site steward, and refuses an unknown person or role', async () => {
  const server = await startServer();
  try {
    cli(server, ['user', 'add', 'kit@example.org', '--name', 'Kit Moss'], 'another long passphrase\n');
    assert.match(cli(server, ['user', 'set-role', 'kit@example.org', 'steward']), /steward/);
    const unknown = spawnSync(BIN, ['--data-dir', server.dataDir, '--db', server.db, 'user', 'set-role', 'nobody@example.org', 'steward'], { encoding: 'utf8' });
    assert.notEqual(unknown.status, 0);
    const badRole = spawnSync(BIN, ['--data-dir', server.dataDir, '--db', server.db, 'user', 'set-role', 'kit@example.org', 'chief'], { encoding: 'utf8' });
    assert.notEqual(badRole.status, 0);
  } finally {
    await server.stop();
  }
});

test('breakouts plan: nine people in threes over four rounds never meet twice; bad input is refused', () => {
  const people = Array.from({ length: 9 }, (_, i) => ({ id: `p${i + 1}` }));
  const plan = (extra) => JSON.parse(execFileSync(BIN, ['breakouts', 'plan'], {
    input: JSON.stringify({ people, group_size: { min: 3, max: 3 }, rounds: 4, seed: 3, ...extra }), encoding: 'utf8',
  }));
  const out = plan({});
  assert.equal(out.rounds.length, 4);
  assert.equal(out.figures.repeat_meetings, 0);
  assert.equal(out.figures.violations, 0);
  const met = new Set();
  for (const r of out.rounds) for (const g of r.groups) {
    assert.equal(g.length, 3);
    for (const a of g) for (const b of g) if (a < b) met.add(`${a}-${b}`);
  }
  assert.equal(met.size, 36, 'every pair meets exactly once');
  // Kept apart (safeguarding): never in one group, whatever that costs in repeats.
  const apart = plan({ keep_apart: [['p1', 'p2']] });
  assert.equal(apart.figures.violations, 0);
  for (const r of apart.rounds) for (const g of r.groups) assert.ok(!(g.includes('p1') && g.includes('p2')));
  const bad = spawnSync(BIN, ['breakouts', 'plan'], { input: '{"people": 3}', encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /breakouts_input_invalid|not in the expected form/);
});

test('wordcloud lays out words inside the canvas', () => {
  const words = [{ text: 'listening', count: 12 }, { text: 'equal power', count: 7 }, { text: 'trust', count: 5 }];
  const out = JSON.parse(execFileSync(BIN, ['wordcloud', '--width', '640', '--height', '480'], { input: JSON.stringify(words), encoding: 'utf8' }));
  assert.equal(out.placed, 3);
  for (const w of out.words) assert.ok(w.left >= 0 && w.top >= 0 && w.left + w.width <= 640 && w.top + w.height <= 480);
  const svg = execFileSync(BIN, ['wordcloud', '--format', 'svg'], { input: JSON.stringify(words), encoding: 'utf8' });
  assert.match(svg, /^<svg[^>]+role="img"/);
});
