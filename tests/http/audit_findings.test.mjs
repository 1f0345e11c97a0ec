// Auditors on the decision-log page: running the verifier from the page, and recording
// findings, which are listed for members and logged as a fingerprint of their words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, cli, Client, BIN, signedIn, PASSWORD } from './harness.mjs';

let server;

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const person = (name, options) => signedIn(server, name, options);

async function createSpace(steward) {
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name: 'Tollmere Carers Circle',
    slug: '',
    kind: 'forum',
    purpose: 'Unpaid carers around Tollmere deciding together how the respite fund is shared.',
    visibility: 'listed',
    code_of_conduct: 'Listen first. Speak for yourself.',
  });
  assert.equal(res.status, 303, `creating a space: ${res.status}`);
  return res.location.match(/^\/spaces\/([a-z0-9-]+)\?notice=created$/)[1];
}

const TITLE = 'Quorum kept at every vote';
const BODY = 'Checked the last three decisions.\nEach one met its quorum and the result matches the log.';
const digest = (title, body) =>
  createHash('sha256').update(`{"body":${JSON.stringify(body)},"title":${JSON.stringify(title)}}`, 'utf8').digest('hex');

test('auditors verify the log from its page and record findings that members can read', async () => {
  const steward = await person('Ossian Keble', { steward: true });
  const slug = await createSpace(steward);
  const member = await person('Wren Adebayo');
  const auditor = await person('Tamsin Orry');
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  cli(server, ['user', 'set-role', auditor.email, 'auditor', '--space', slug]);
  cli(server, ['audit', 'sign', slug]);

  // Verification from the page.
  const page = await auditor.get(`/spaces/${slug}/audit`);
  assert.equal(page.status, 200);
  assert.match(page.text, /action="\/spaces\/[^"]+\/audit\/verify"/);
  const verified = await auditor.post(`/spaces/${slug}/audit/verify`);
  assert.equal(verified.status, 200);
  assert.match(verified.text, /id="verification"/);
  assert.match(verified.text, />Verified</);
  assert.match(verified.text, /Signed tree heads checked: \d+\./);

  // Members may read but neither verify nor record.
  const memberPage = await member.get(`/spaces/${slug}/audit`);
  assert.equal(memberPage.status, 200);
  assert.doesNotMatch(memberPage.text, /audit\/verify"/);
  assert.doesNotMatch(memberPage.text, /audit\/findings"/);
  assert.equal((await member.post(`/spaces/${slug}/audit/verify`)).status, 403);
  assert.equal((await member.post(`/spaces/${slug}/audit/findings`, { title: 'x', body: 'y', outcome: 'no_concerns' })).status, 403);

  // A missing title: 422, error summary, what was typed kept.
  const bad = await auditor.post(`/spaces/${slug}/audit/findings`, { title: '', body: BODY, outcome: 'recommendation' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /govuk-error-summary/);
  assert.match(bad.text, /href="#title">Enter a title for the finding/);
  assert.match(bad.text, /Checked the last three decisions\.\nEach one met its quorum/);
  assert.match(bad.text, /value="recommendation" checked/);

  const good = await auditor.post(`/spaces/${slug}/audit/findings`, { title: TITLE, body: BODY, outcome: 'no_concerns' });
  assert.equal(good.status, 303);
  const after = await auditor.follow(good);
  assert.match(after.text, /Your finding has been recorded/);

  // Listed for members, with no author's name.
  const listed = await member.get(`/spaces/${slug}/audit`);
  assert.match(listed.text, new RegExp(TITLE));
  assert.match(listed.text, /Each one met its quorum and the result matches the log\./);
  assert.match(listed.text, /No concerns/);
  assert.match(listed.text, /Recorded by an auditor/);
  assert.doesNotMatch(listed.text, /Tamsin/);

  // The log holds the fingerprint, never the words or a name, and still verifies.
  const exp = await member.get(`/spaces/${slug}/audit/export`);
  assert.equal(exp.status, 200);
  assert.doesNotMatch(exp.text, /quorum|Quorum|Tamsin/);
  const entries = exp.text.split('\n').filter((l) => l.includes('"audit.finding"'));
  assert.equal(entries.length, 1);
  assert.ok(entries[0].includes(`"text_sha256":"${digest(TITLE, BODY)}"`), entries[0]);
  assert.match(entries[0], /"outcome":"no_concerns"/);
  const file = join(mkdtempSync(join(tmpdir(), 'hs-findings-')), 'log.json');
  writeFileSync(file, exp.text);
  const ok = spawnSync(BIN, ['audit', 'verify', file], { encoding: 'utf8' });
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /^Verified\./);

  // The page's own check agrees.
  const again = await auditor.post(`/spaces/${slug}/audit/verify`);
  assert.match(again.text, />Verified</);
});
