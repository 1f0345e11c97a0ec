// The decision log over HTTP: a member fetches the signed tree head and inclusion and
// consistency proofs, and checks them here, independently of the server, with the
// RFC 9162 verification algorithms and node:crypto (SHA-256, Ed25519). Also: who may
// see the log, signing on demand, and the download verifying offline. Entries are
// appended with the hidden `audit synthetic` command until governance writes real ones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, cli, Client, BIN, signedIn, PASSWORD } from './harness.mjs';

let server;

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const person = (name, options) => signedIn(server, name, options);

let spaces = 0;
async function createSpace(steward, visibility = 'listed') {
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name: `Brackwater Recovery Forum ${++spaces}`,
    slug: '',
    kind: 'forum',
    purpose: 'People in recovery along the Brackwater deciding together how the forum spends its grant.',
    visibility,
    code_of_conduct: 'Listen first. Speak for yourself.',
  });
  assert.equal(res.status, 303, `creating a space: ${res.status}`);
  return res.location.match(/^\/spaces\/([a-z0-9-]+)\?notice=created$/)[1];
}

// Entries already in a space's log (creating it and joining are logged too).
async function entryCount(client, slug) {
  const page = await client.get(`/spaces/${slug}/audit`);
  return Number(page.text.match(/id="entry-count">(\d+)</)[1]);
}

function append(slug, count) {
  return cli(server, ['audit', 'synthetic', slug, '--count', String(count), '--batch', '10']);
}

async function getJson(client, path) {
  const res = await client.get(path);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return { status: res.status, body: JSON.parse(res.text) };
}

// --- RFC 9162 by hand -------------------------------------------------------------
const sha256 = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
const leafHash = (entry) => sha256(Buffer.from([0]), Buffer.from(entry, 'utf8'));
const nodeHash = (l, r) => sha256(Buffer.from([1]), l, r);
const hex = (b) => b.toString('hex');
const unhex = (s) => Buffer.from(s, 'hex');

// Canonical JSON (RFC 8785): keys sorted by UTF-16 code units, no white space;
// JSON.stringify already escapes strings the way JCS asks.
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

// §2.1.3.2
function verifyInclusion(index, size, leaf, path, root) {
  if (index >= size) return false;
  let fn = index, sn = size - 1, r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

// §2.1.4.2
function verifyConsistency(first, second, firstRoot, secondRoot, proof) {
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0 || first > second || proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1, sn = second - 1;
  while (fn % 2 === 1) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
  let fr = path[0], sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr); sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}

function headSignatureIsGood(head) {
  const key = createPublicKey({
    key: Buffer.concat([unhex('302a300506032b6570032100'), unhex(head.public_key)]), format: 'der', type: 'spki',
  });
  const signed = canonical({ root: head.root, size: head.size, space: head.space, timestamp: head.timestamp });
  return verifySignature(null, Buffer.from(signed), key, unhex(head.signature));
}

// ------------------------------------------------------------------------------------

test('inclusion and consistency proofs from the server verify against its signed heads', async () => {
  const steward = await person('Ines Calder', { steward: true });
  const slug = await createSpace(steward);
  const member = await person('Tomasz Reed');
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);

  const before = await entryCount(member, slug);
  assert.ok(before >= 2, 'creating the space and joining it were logged');
  append(slug, 37);
  const { status, body: head } = await getJson(member, `/spaces/${slug}/audit/head`);
  assert.equal(status, 200);
  assert.equal(head.size, before + 37);
  assert.ok(headSignatureIsGood(head), 'the head carries a good Ed25519 signature');
  assert.ok(!headSignatureIsGood({ ...head, size: 36 }), 'a head edited after signing does not');

  for (const seq of [0, 1, 16, 17, 31, 32, 36]) {
    const { status: s, body: p } = await getJson(member, `/spaces/${slug}/audit/proof/inclusion?seq=${seq}&size=${head.size}`);
    assert.equal(s, 200);
    assert.equal(p.entry.seq, seq);
    const leaf = leafHash(canonical(p.entry));
    assert.equal(hex(leaf), p.leaf_hash, 'the leaf hash is the hash of the entry as shown');
    const path = p.path.map(unhex);
    assert.ok(path.length <= 6);
    assert.ok(verifyInclusion(seq, head.size, leaf, path, unhex(head.root)), `entry ${seq} is in the signed log`);
    // The check can fail: another entry, or a path altered in transit, does not verify.
    const other = leafHash(canonical({ ...p.entry, kind: 'synthetic.forged' }));
    assert.ok(!verifyInclusion(seq, head.size, other, path, unhex(head.root)));
    if (path.length) {
      path[0] = Buffer.from(path[0]);
      path[0][0] ^= 1;
      assert.ok(!verifyInclusion(seq, head.size, leaf, path, unhex(head.root)));
    }
  }

  // The log grows; the new signed head must extend the old one.
  append(slug, 20);
  const { body: later } = await getJson(member, `/spaces/${slug}/audit/head`);
  assert.equal(later.size, before + 57);
  assert.ok(headSignatureIsGood(later));
  const { body: c } = await getJson(member, `/spaces/${slug}/audit/proof/consistency?from=${head.size}&to=${later.size}`);
  const proof = c.proof.map(unhex);
  assert.ok(verifyConsistency(head.size, later.size, unhex(head.root), unhex(later.root), proof));
  assert.ok(!verifyConsistency(head.size, later.size, unhex(later.root), unhex(later.root), proof));
  // Without a size, a proof is against the log as it stands.
  const { body: latest } = await getJson(member, `/spaces/${slug}/audit/proof/inclusion?seq=40`);
  assert.equal(latest.size, before + 57);
  assert.equal(latest.root, later.root);

  const total = before + 57;
  for (const q of [`seq=${total}&size=${total}`, 'seq=-1', 'seq=abc', `seq=3&size=${total + 1}`, 'seq=3&size=0'])
    assert.equal((await member.get(`/spaces/${slug}/audit/proof/inclusion?${q}`)).status, 400, q);
  assert.equal((await member.get(`/spaces/${slug}/audit/proof/consistency?from=${total + 1}`)).status, 400);
});

test('only members see the log; auditors and stewards may sign it now', async () => {
  const steward = await person('Ada Lindqvist', { steward: true });
  const slug = await createSpace(steward);
  const hidden = await createSpace(steward, 'private');
  const member = await person('Oren Vale');
  const auditor = await person('Priya Marsh');
  const outsider = await person('Quinn Hale');
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  cli(server, ['user', 'set-role', auditor.email, 'auditor', '--space', slug]);
  const before = await entryCount(member, slug);
  append(slug, 5);

  const page = await member.get(`/spaces/${slug}/audit`);
  assert.equal(page.status, 200);
  assert.match(page.text, /<h1 class="govuk-heading-l">Decision log<\/h1>/);
  assert.match(page.text, new RegExp(`id="entry-count">${before + 5}<`));
  const { body: head } = await getJson(member, `/spaces/${slug}/audit/head`);
  const grouped = head.public_key.match(/.{8}/g).join(' ');
  assert.ok(page.text.includes(grouped), 'the page shows the public key');
  assert.doesNotMatch(page.text, /action="\/spaces\/[^"]+\/audit\/head"/, 'a member cannot sign');

  assert.equal((await outsider.get(`/spaces/${slug}/audit`)).status, 403);
  assert.equal((await getJson(outsider, `/spaces/${slug}/audit/head`)).status, 403);
  assert.equal((await getJson(outsider, `/spaces/${hidden}/audit/head`)).status, 404, 'a private space stays unknown');
  const anon = new Client(server);
  assert.equal((await getJson(anon, `/spaces/${slug}/audit/proof/inclusion?seq=0`)).status, 401);
  const anonPage = await anon.get(`/spaces/${slug}/audit`);
  assert.equal(anonPage.status, 303);
  assert.match(anonPage.location, /^\/signin/);
  assert.equal((await member.post(`/spaces/${slug}/audit/head`)).status, 403);

  append(slug, 3);  // signs the log as it then stands
  const auditPage = await auditor.get(`/spaces/${slug}/audit`);
  assert.match(auditPage.text, /action="\/spaces\/[^"]+\/audit\/head"/, 'an auditor may sign');
  const signed = await auditor.follow(await auditor.post(`/spaces/${slug}/audit/head`));
  assert.equal(signed.status, 200);
  assert.match(signed.text, /The log has been signed as it is now/);
  assert.equal((await getJson(auditor, `/spaces/${slug}/audit/head`)).body.size, before + 8);
});

test('the downloaded log verifies offline, and a changed byte is named', async () => {
  const steward = await person('Bea Thorne', { steward: true });
  const slug = await createSpace(steward);
  const before = await entryCount(steward, slug);
  append(slug, 25);
  const res = await steward.get(`/spaces/${slug}/audit/export`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-disposition'), /attachment; filename="[a-z0-9-]+-decision-log\.json"/);
  // Joining and roles are logged, but people only as commitments: no names, no addresses.
  assert.match(res.text, /"kind":"membership\.joined"/);
  assert.ok(!res.text.includes('Bea Thorne') && !res.text.includes('@'), 'no personal data in the log');
  const file = join(server.dataDir, 'export.json');
  writeFileSync(file, res.text);
  const ok = spawnSync(BIN, ['audit', 'verify', file], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  // As many heads as the server signed while the log grew (it signs within a second).
  assert.match(ok.stdout, new RegExp(`^Verified\\. Entries: ${before + 25}\\. Signed tree heads: \\d+\\.`));

  // One entry per line after the header: change a byte in the twelfth synthetic entry.
  const lines = res.text.split('\n');
  const at = lines.findIndex((l) => l.includes('"outcome":"')) + 11;
  lines[at] = lines[at].replace('"outcome":"agreed"', '"outcome":"agreeD"').replace('"outcome":"not agreed"', '"outcome":"not agreeD"');
  writeFileSync(file, lines.join('\n'));
  const bad = spawnSync(BIN, ['audit', 'verify', file], { encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, new RegExp(`NOT VERIFIED\\. Entry ${at - 1} has been changed`));
});
