// The decision log against someone who can edit the export or the database (issue 10,
// findings 6 to 8): a key given twice in an export, a log cut short in the database, and
// an entry rewritten and then signed over. Also what keeps such changes from going
// unseen: every append signed within a second, an Atom feed of signed heads, and the
// audit page telling each auditor how the log compares with the head they saw last.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, cli, Client, BIN, ENGINE, signedIn } from './harness.mjs';

let server;

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const person = (name, options) => signedIn(server, name, options);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

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

// Straight to the database, as someone with access to it would.
function sql(statement) {
  if (ENGINE === 'postgres') return execFileSync('psql', [server.db, '-qtA', '-c', statement], { encoding: 'utf8' }).trim();
  return execFileSync('sqlite3', ['-cmd', '.timeout 10000', server.db.replace(/^sqlite:/, ''), statement],
    { encoding: 'utf8' }).trim();
}
const quoted = (s) => `'${s.replaceAll("'", "''")}'`;
const spaceId = (slug) => Number(sql(`SELECT id FROM spaces WHERE slug = ${quoted(slug)}`));
const logSize = (id) => Number(sql(`SELECT size FROM audit_logs WHERE space_id = ${id}`));

async function getJson(client, path) {
  const res = await client.get(path);
  return { status: res.status, body: res.status === 200 ? JSON.parse(res.text) : null };
}

// Waits until the signed head covers `size` entries; returns the head and how long it took.
async function headCovering(client, slug, size, limitMs = 5000) {
  const t0 = Date.now();
  for (;;) {
    const { status, body } = await getJson(client, `/spaces/${slug}/audit/head`);
    if (status === 200 && body.size >= size) return { head: body, ms: Date.now() - t0 };
    if (Date.now() - t0 > limitMs) return { head: body, ms: Infinity };
    await sleep(50);
  }
}

function verifyFile(text, ...args) {
  const file = join(mkdtempSync(join(tmpdir(), 'hs-integrity-')), 'log.json');
  writeFileSync(file, text);
  return spawnSync(BIN, ['audit', 'verify', file, ...args], { encoding: 'utf8' });
}

const sha256 = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
const leafHex = (entry) => sha256(Buffer.from([0]), Buffer.from(entry, 'utf8')).toString('hex');
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
function headSignatureIsGood(head) {
  const key = createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(head.public_key, 'hex')]),
    format: 'der', type: 'spki',
  });
  const signed = canonical({ root: head.root, size: head.size, space: head.space, timestamp: head.timestamp });
  return verifySignature(null, Buffer.from(signed), key, Buffer.from(head.signature, 'hex'));
}

// Rewrites one entry in the database, its leaf hash recomputed so it looks whole.
function rewriteEntry(id, seq, change) {
  const entry = JSON.parse(sql(`SELECT entry FROM audit_entries WHERE space_id = ${id} AND seq = ${seq}`));
  const forged = canonical(change(entry));
  sql(`UPDATE audit_entries SET entry = ${quoted(forged)}, leaf = '${leafHex(forged)}' WHERE space_id = ${id} AND seq = ${seq}`);
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

// --- Finding 7 --------------------------------------------------------------------------

test('a log cut short in the database fails the page check, the export and the CLI', async () => {
  const { auditor, member, slug } = await forum();
  cli(server, ['audit', 'synthetic', slug, '--count', '60', '--batch', '20']);
  const id = spaceId(slug);
  const size = logSize(id);
  const { head } = await headCovering(member, slug, size);
  assert.equal(head.size, size);

  // Remove the newest eleven entries and lower the size, as the review did.
  const keep = size - 11;
  sql(`DELETE FROM audit_entries WHERE space_id = ${id} AND seq >= ${keep}`);
  sql(`UPDATE audit_logs SET size = ${keep} WHERE space_id = ${id}`);

  // The signed head for the longer log is still served, and is in every export.
  assert.equal((await getJson(member, `/spaces/${slug}/audit/head`)).body.size, size);
  const exp = await member.get(`/spaces/${slug}/audit/export`);
  assert.ok(exp.text.includes(`"size":${size},"space":${id}`), 'the export carries the larger head');
  const v = verifyFile(exp.text);
  assert.equal(v.status, 1, v.stdout);
  assert.match(v.stdout, new RegExp(`NOT VERIFIED\\. The log has been cut short: the tree head signed at .* covers \\d+ entries, but the export has only ${keep}\\.`));

  // `humanspace audit export` writes the same.
  const file = join(server.dataDir, `cut-${slug}.json`);
  cli(server, ['audit', 'export', slug, '--out', file]);
  const c = spawnSync(BIN, ['audit', 'verify', file], { encoding: 'utf8' });
  assert.equal(c.status, 1, c.stdout);
  assert.match(c.stdout, /The log has been cut short/);

  // The page says so to every reader, and its check fails.
  const page = await member.get(`/spaces/${slug}/audit`);
  assert.match(page.text, /id="log-alarm" role="alert"/);
  assert.match(page.text, new RegExp(`This log has been cut short\\. It holds ${keep} entries, but it was signed when it held ${size}\\.`));
  const check = await auditor.post(`/spaces/${slug}/audit/verify`);
  assert.equal(check.status, 200);
  assert.match(check.text, />Not verified</);
  assert.match(check.text, /The log has been cut short/);

  // Nobody can get the shorter log signed, and deleting the head rows changes nothing.
  const sign = await auditor.post(`/spaces/${slug}/audit/head`);
  assert.equal(sign.status, 409);
  sql(`DELETE FROM audit_heads WHERE space_id = ${id}`);
  const again = verifyFile((await member.get(`/spaces/${slug}/audit/export`)).text);
  assert.equal(again.status, 1, again.stdout);
  assert.match(again.stdout, /The log has been cut short/);
});

// --- Finding 8 --------------------------------------------------------------------------

test('every append is signed within a second, and the Atom feed of heads carries it', async () => {
  const { auditor, member, slug } = await forum();
  const id = spaceId(slug);
  await headCovering(member, slug, logSize(id));
  for (let round = 0; round < 3; round++) {
    const rec = await auditor.post(`/spaces/${slug}/audit/findings`,
      { title: `Round ${round} checked`, body: 'Quorum met; the result matches the log.', outcome: 'no_concerns' });
    assert.equal(rec.status, 303);
    const size = logSize(id);
    const { head, ms } = await headCovering(member, slug, size, 4000);
    // A second, plus room for a busy test machine.
    assert.ok(ms <= 2000, `the entry was signed after ${ms} ms`);
    assert.equal(head.size, size);
    assert.ok(headSignatureIsGood(head));
  }
  const exp = await member.get(`/spaces/${slug}/audit/export`);
  const v = verifyFile(exp.text);
  assert.equal(v.status, 0, v.stdout);
  assert.doesNotMatch(v.stdout, /not covered by a signed tree head/);

  // The feed: the newest head first, exactly as GET .../audit/head gives it.
  const feed = await member.get(`/spaces/${slug}/audit/heads.atom`);
  assert.equal(feed.status, 200);
  assert.match(feed.headers.get('content-type'), /^application\/atom\+xml/);
  assert.match(feed.text, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/);
  const entries = [...feed.text.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]);
  assert.ok(entries.length >= 3, `${entries.length} heads in the feed`);
  const content = entries[0].match(/<content type="application\/json">([^<]*)<\/content>/)[1]
    .replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const newest = JSON.parse(content);
  assert.deepEqual(newest, (await getJson(member, `/spaces/${slug}/audit/head`)).body);
  assert.ok(headSignatureIsGood(newest));
  assert.match(entries[0], new RegExp(`<id>urn:humanspace:audit:${id}:${newest.public_key}:${newest.size}:${newest.root}</id>`));
  const ids = entries.map((e) => e.match(/<id>([^<]*)<\/id>/)[1]);
  assert.equal(new Set(ids).size, ids.length, 'each head has its own id');

  // Readable by whoever may read the log, and nobody else.
  const outsider = await person('Bryn Okafor');
  assert.equal((await outsider.get(`/spaces/${slug}/audit/heads.atom`)).status, 403);
  const anon = await new Client(server).get(`/spaces/${slug}/audit/heads.atom`);
  assert.equal(anon.status, 303);
  assert.match(anon.location, /^\/signin/);
  const page = await member.get(`/spaces/${slug}/audit`);
  // The page's feed link carries the member's own key: a feed reader follows it without
  // a session, while the member may still read the log; a forged or borrowed key does not.
  const feedUrl = page.text.match(new RegExp(`href="(/spaces/${slug}/audit/heads\\.atom\\?key=[^"]+)"`))[1]
    .replaceAll('&amp;', '&');
  const reader = await new Client(server).get(feedUrl);
  assert.equal(reader.status, 200);
  assert.match(reader.text, /<entry>/);
  const forged = feedUrl.replace(/key=(\d+)\./, (_, uid) => `key=${Number(uid) + 1}.`);
  assert.notEqual((await new Client(server).get(forged)).status, 200);
  const outsiderPage = await outsider.get(`/spaces/${slug}/audit`);
  assert.equal(outsiderPage.status, 403);
  await member.get(`/spaces/${slug}`);
  assert.equal((await member.post(`/spaces/${slug}/leave`, { confirm: 'yes' })).status, 303);
  await new Promise((r) => setTimeout(r, 2500));  // page lookups are cached for up to 2 s
  assert.notEqual((await new Client(server).get(feedUrl)).status, 200, 'the key stops working with the role');
});

test('entries a command appends are signed before it ends', async () => {
  const { member, slug } = await forum();
  const id = spaceId(slug);
  await headCovering(member, slug, logSize(id));
  const other = await person('Nell Caddick');
  // With the server stopped, nothing but the command itself can sign what it appends.
  await server.stop();
  try {
    const before = logSize(id);
    cli(server, ['user', 'set-role', other.email, 'member', '--space', slug]);
    const after = logSize(id);
    assert.ok(after > before, 'the new member was logged');
    assert.equal(Number(sql(`SELECT head_size FROM audit_logs WHERE space_id = ${id}`)), after);
    assert.equal(Number(sql(`SELECT MAX(size) FROM audit_heads WHERE space_id = ${id}`)), after);
  } finally {
    server = await startServer({ dataDir: server.dataDir, db: server.db });
  }
});

test('an entry rewritten in the database is never signed over, and the page raises the alarm', async () => {
  const { auditor, member, slug } = await forum();
  const id = spaceId(slug);
  // Enough entries that the newest sit after the last complete 16-entry subtree.
  const pad = (21 - (logSize(id) % 16)) % 16 || 16;
  cli(server, ['audit', 'synthetic', slug, '--count', String(pad), '--batch', '1']);
  const size = logSize(id);
  assert.notEqual(size % 16, 0);
  await headCovering(member, slug, size);

  // The auditor is shown the head; on the next visit it is the same one.
  const first = await auditor.get(`/spaces/${slug}/audit`);
  assert.match(first.text, new RegExp(`id="seen-head">This is the first signed record of this log you have been shown \\(${size} entries\\)`));
  const second = await auditor.get(`/spaces/${slug}/audit`);
  assert.match(second.text, new RegExp(`id="seen-head">Consistent with the signed record you last saw \\(${size} entries\\): nothing has been added since\\.`));
  assert.doesNotMatch((await member.get(`/spaces/${slug}/audit`)).text, /id="seen-head"/, 'members are not tracked');

  // The log grows: still consistent with what the auditor saw.
  cli(server, ['audit', 'synthetic', slug, '--count', '3', '--batch', '1']);
  const grown = logSize(id);
  await headCovering(member, slug, grown);
  const third = await auditor.get(`/spaces/${slug}/audit`);
  assert.match(third.text, new RegExp(`Consistent with the signed record you last saw \\(${size} entries\\): the log has only grown since, to ${grown} entries\\.`));

  // Someone with the database rewrites the newest entry (signed a moment ago) and waits
  // for the next head to be signed over it.
  rewriteEntry(id, grown - 1, (e) => ({ ...e, data: { ...e.data, outcome: 'rewritten' } }));
  const rec = await auditor.post(`/spaces/${slug}/audit/findings`,
    { title: 'Checked', body: 'All in order.', outcome: 'no_concerns' });
  assert.equal(rec.status, 303);
  await sleep(2500);
  assert.equal((await getJson(member, `/spaces/${slug}/audit/head`)).body.size, grown, 'no head signed over the forgery');
  assert.equal((await auditor.post(`/spaces/${slug}/audit/head`)).status, 409, 'nor on demand');
  assert.match(server.log(), /not signing the decision log of space \d+ .*entries no longer match an earlier signed record/);

  const page = await member.get(`/spaces/${slug}/audit`);
  assert.match(page.text, new RegExp(`id="log-alarm" role="alert"[\\s\\S]*This log has been changed\\. Its entries no longer match the record signed when it held ${grown} entries`));
  const v = verifyFile((await member.get(`/spaces/${slug}/audit/export`)).text);
  assert.equal(v.status, 1, v.stdout);
  assert.match(v.stdout, new RegExp(`NOT VERIFIED\\. Entries \\d+ to ${grown - 1} do not match the tree head`));

  // If the server is made to forget its heads and signs over the forgery after all, the
  // auditor's page still knows what they saw.
  sql(`UPDATE audit_logs SET head_size = 0, head_root = NULL WHERE space_id = ${id}`);
  sql(`DELETE FROM audit_heads WHERE space_id = ${id}`);
  const later = logSize(id);
  assert.equal((await auditor.post(`/spaces/${slug}/audit/head`)).status, 303);
  const { head } = await headCovering(member, slug, later);
  assert.equal(head.size, later);
  const alarm = await auditor.get(`/spaces/${slug}/audit`);
  assert.match(alarm.text, new RegExp(`id="seen-head" role="alert"[\\s\\S]*The log does not match the signed record you last saw \\(${grown} entries`));
});

test('an auditor is warned when the log is smaller than the head they saw last', async () => {
  const { auditor, member, slug } = await forum();
  const id = spaceId(slug);
  cli(server, ['audit', 'synthetic', slug, '--count', '30', '--batch', '10']);
  const size = logSize(id);
  await headCovering(member, slug, size);
  assert.match((await auditor.get(`/spaces/${slug}/audit`)).text, /id="seen-head">This is the first signed record/);

  // The whole trail cut back: entries, size, heads and the kept head, to 20 entries.
  const root20 = sql(`SELECT root FROM audit_heads WHERE space_id = ${id} AND size <= 20 ORDER BY size DESC LIMIT 1`);
  sql(`DELETE FROM audit_entries WHERE space_id = ${id} AND seq >= 20`);
  sql(`DELETE FROM audit_heads WHERE space_id = ${id} AND size > 20`);
  sql(`UPDATE audit_logs SET size = 20, head_size = 20, head_root = '${root20}' WHERE space_id = ${id}`);
  const page = await auditor.get(`/spaces/${slug}/audit`);
  assert.match(page.text, new RegExp(`id="seen-head" role="alert"[\\s\\S]*The log is smaller than when you last saw it\\. You were shown a signed record for ${size} entries; the largest signed record now covers only 20\\.`));
  // And it keeps saying so.
  assert.match((await auditor.get(`/spaces/${slug}/audit`)).text, /The log is smaller than when you last saw it/);
});
