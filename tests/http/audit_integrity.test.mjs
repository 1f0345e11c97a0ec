// The decision log against someone who can edit the export or the database (issue 10,
// findings 6 to 8). Here: a key given twice in an export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, cli, BIN, signedIn } from './harness.mjs';

let server;

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const person = (name, options) => signedIn(server, name, options);

let spaces = 0;
async function createSpace(steward) {
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name: `Saltcote Peer Support Forum ${++spaces}`,
    slug: '',
    kind: 'forum',
    purpose: 'People with lived experience of gambling harm around Saltcote deciding together what the forum asks for.',
    visibility: 'listed',
    code_of_conduct: 'Listen first. Speak for yourself.',
  });
  assert.equal(res.status, 303, `creating a space: ${res.status}`);
  return res.location.match(/^\/spaces\/([a-z0-9-]+)\?notice=created$/)[1];
}

// A space with a steward, an auditor and a member.
async function forum() {
  const steward = await person('Maren Holt', { steward: true });
  const slug = await createSpace(steward);
  const auditor = await person('Idris Fenn');
  const member = await person('Lotte Ambrose');
  cli(server, ['user', 'set-role', auditor.email, 'auditor', '--space', slug]);
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  return { steward, auditor, member, slug };
}

function verifyFile(text, ...args) {
  const file = join(mkdtempSync(join(tmpdir(), 'hs-integrity-')), 'log.json');
  writeFileSync(file, text);
  return spawnSync(BIN, ['audit', 'verify', file, ...args], { encoding: 'utf8' });
}

// --- Finding 6 --------------------------------------------------------------------------

test('an export that gives "entries" twice is refused, though other readers take the second', async () => {
  const { steward, slug } = await forum();
  cli(server, ['audit', 'synthetic', slug, '--count', '12', '--batch', '4']);
  const res = await steward.get(`/spaces/${slug}/audit/export`);
  assert.equal(res.status, 200);
  assert.equal(verifyFile(res.text).status, 0, 'the untouched export verifies');

  // The forgery: the same entries with one outcome changed, as a second "entries".
  const entries = res.text.slice(res.text.indexOf('"entries":['), res.text.indexOf('\n],"heads":[') + 2);
  const changed = entries.replace('"outcome":"agreed"', '"outcome":"not agreed"');
  assert.notEqual(changed, entries);
  const end = res.text.lastIndexOf('}');
  const forged = `${res.text.slice(0, end)},${changed}${res.text.slice(end)}`;
  const parsed = JSON.parse(forged);
  assert.ok(JSON.stringify(parsed.entries).includes('"outcome":"not agreed"'), 'JSON.parse reads the forged array');

  const v = verifyFile(forged);
  assert.equal(v.status, 1, v.stdout + v.stderr);
  assert.match(v.stdout, /^NOT VERIFIED\. The file gives "entries" twice in the same place/);

  // At any depth: a key repeated inside one entry.
  const inEntry = res.text.replace(/\{"entry":\{"at":(\d+),/, (m, at) => `{"entry":{"at":${at},"at":${at},`);
  assert.notEqual(inEntry, res.text);
  const w = verifyFile(inEntry);
  assert.equal(w.status, 1);
  assert.match(w.stdout, /The file gives "at" twice/);
});
