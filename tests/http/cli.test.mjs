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
