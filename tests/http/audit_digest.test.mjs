// Emails of new signed tree heads (issue 10): an auditor asks for them on the decision
// log's page; `humanspace audit send-digests` (what `serve` runs every 5 minutes) sends
// each person, at most once a day and only when a log has a new signed head, that head
// with how to check it. The head in the email is checked here as an outsider would: the
// offline verifier accepts a later export against it, and the root is recomputed from
// the export's entries by hand (RFC 9162). Also: stopping from the email's link without
// signing in, who may not ask, losing the role, CSRF, erasure and "download my data".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, cli, Client, BIN, ENGINE, signedIn } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const person = (name, options) => signedIn(server, name, options);

// Rows of a query against the server's database, each an array of strings.
function rows(query) {
  const out = ENGINE !== 'postgres'
    ? execFileSync('sqlite3', ['-separator', '|', server.db.replace(/^sqlite:/, ''), query], { encoding: 'utf8' })
    : execFileSync('psql', [server.db, '-qtA', '-F', '|', '-c', query], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '').map((l) => l.split('|'));
}

let spaces = 0;
async function createSpace(steward) {
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name: `Tollgate Carers Panel ${++spaces}`, slug: '', kind: 'forum',
    purpose: 'Unpaid carers in Tollgate deciding together what the panel asks the council for.',
    visibility: 'listed', code_of_conduct: 'Listen first. Speak for yourself.',
  });
  assert.equal(res.status, 303, `creating a space: ${res.status}`);
  return res.location.match(/^\/spaces\/([a-z0-9-]+)\?notice=created$/)[1];
}

// Appends entries and signs a head over them (the command signs before it ends).
const appendAndSign = (slug, count) => cli(server, ['audit', 'synthetic', slug, '--count', String(count), '--batch', '10']);
const sweep = () => cli(server, ['audit', 'send-digests']);
const mailTo = (client) => server.outbox().filter((m) => m.includes(`To: ${client.email}\r\n`));
const digestsTo = (client) => mailTo(client).filter((m) => /Subject: (Decision log of .*: signed record|New signed records)/.test(m));
const subject = (mail) => mail.match(/^Subject: (.*)$/m)[1];
const body = (mail) => mail.slice(mail.indexOf('\r\n\r\n') + 4).replace(/\r\n/g, '\n');
const pathOf = (url) => url.replace(/^https?:\/\/[^/]+/, '');

async function head(client, slug) {
  const res = await client.get(`/spaces/${slug}/audit/head`);
  assert.equal(res.status, 200);
  return JSON.parse(res.text);
}

async function choose(client, slug, email) {
  await client.get(`/spaces/${slug}/audit`);
  return client.post(`/spaces/${slug}/audit/digest`, { email });
}

// RFC 9162 §2.1.1, by hand: the root of the first n entries of an export.
const sha256 = (...parts) => createHash('sha256').update(Buffer.concat(parts)).digest();
function canonical(v) {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}
function mth(leaves) {
  if (leaves.length === 1) return leaves[0];
  let k = 1;
  while (k * 2 < leaves.length) k *= 2;
  return sha256(Buffer.from([1]), mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
const rootOf = (exported, n) => mth(exported.entries.slice(0, n)
  .map((e) => sha256(Buffer.from([0]), Buffer.from(canonical(e.entry), 'utf8')))).toString('hex');

// A one-log digest's text, and the head in it as the site gives it.
function section(mail) {
  const text = body(mail);
  const json = text.split('\n').find((l) => l.startsWith('{"public_key"'));
  return { text, head: json ? JSON.parse(json) : null };
}

test('an auditor asks for new signed heads by email, gets one digest per new head and day, checks it offline, and stops it from the link', async () => {
  const steward = await person('Marisol Achterberg', { steward: true });
  const slug = await createSpace(steward);
  const auditor = await person('Casimir Oduya');
  cli(server, ['user', 'set-role', auditor.email, 'auditor', '--space', slug]);

  // The choice is on the log's page, and CSRF is required.
  let page = await auditor.get(`/spaces/${slug}/audit`);
  assert.match(page.text, /<h3 class="govuk-heading-s" id="digest">Email me new signed records<\/h3>/);
  assert.match(page.text, /<input type="hidden" name="email" value="on">/);
  const forged = await auditor.post(`/spaces/${slug}/audit/digest`, { email: 'on' }, { csrf: false });
  assert.equal(forged.status, 403, 'no CSRF token: refused');
  const crossSite = await auditor.post(`/spaces/${slug}/audit/digest`, { email: 'on' }, { origin: 'https://evil.example' });
  assert.equal(crossSite.status, 403, 'another site\'s form: refused');
  assert.deepEqual(rows(`SELECT count(*) FROM audit_head_subscriptions`), [['0']]);

  const on = await choose(auditor, slug, 'on');
  assert.equal(on.status, 303);
  assert.equal(on.location, `/spaces/${slug}/audit?notice=digest_on`);
  page = await auditor.follow(on);
  assert.match(page.text, /We will email you the newest signed record of this log/);
  assert.match(page.text, /<button type="submit" class="govuk-button govuk-button--secondary">Stop emailing me<\/button>/);

  // An append and a signature: the sweep sends one digest with that head.
  appendAndSign(slug, 5);
  const signed = await head(auditor, slug);
  assert.match(sweep(), /Emails of new signed records sent: 1/);
  let digests = digestsTo(auditor);
  assert.equal(digests.length, 1);
  assert.equal(subject(digests[0]), `Decision log of Tollgate Carers Panel ${spaces}: signed record for ${signed.size} entries`);
  const { text, head: emailed } = section(digests[0]);
  assert.match(text, new RegExp(`^Entries: ${signed.size}$`, 'm'));
  assert.match(text, new RegExp(`^Fingerprint of the log \\(root hash\\): ${signed.root}$`, 'm'));
  assert.match(text, new RegExp(`^Signature: ${signed.signature}$`, 'm'));
  assert.match(text, new RegExp(`^Public key of the space: ${signed.public_key}$`, 'm'));
  assert.match(text, new RegExp(`humanspace audit verify ${slug}-decision-log.json --head ${slug}-signed-head.json`));
  assert.deepEqual(emailed, signed, 'the head in the email is the one the site signed, byte for byte as JSON');
  assert.ok(text.includes(JSON.stringify(signed)), 'as the site gives it, ready to save');
  // A second sweep with no new head sends nothing.
  assert.match(sweep(), /sent: 0/);
  assert.equal(digestsTo(auditor).length, 1);

  // Checked as an outsider would: the verifier accepts a later export against the head
  // from the email, and the root is the one the entries hash to.
  appendAndSign(slug, 3);
  const exported = await auditor.get(`/spaces/${slug}/audit/export`);
  const exportFile = join(server.dataDir, `${slug}-decision-log.json`);
  const headFile = join(server.dataDir, `${slug}-signed-head.json`);
  writeFileSync(exportFile, exported.text);
  writeFileSync(headFile, JSON.stringify(emailed));
  const verified = spawnSync(BIN, ['audit', 'verify', exportFile, '--head', headFile], { encoding: 'utf8' });
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  assert.match(verified.stdout, /^Verified\./);
  assert.equal(rootOf(JSON.parse(exported.text), emailed.size), emailed.root);
  // The check can fail: a head that does not match the log is refused.
  writeFileSync(headFile, JSON.stringify({ ...emailed, root: rootOf(JSON.parse(exported.text), emailed.size - 1) }));
  assert.notEqual(spawnSync(BIN, ['audit', 'verify', exportFile, '--head', headFile]).status, 0);

  // A new head within the day waits.
  assert.match(sweep(), /sent: 0/);
  assert.equal(digestsTo(auditor).length, 1, 'a second head within the day does not send another');
  // A day later, the newest head goes out.
  rows(`UPDATE audit_head_subscriptions SET last_sent_at = last_sent_at - 90000`);
  assert.match(sweep(), /sent: 1/);
  digests = digestsTo(auditor);
  assert.equal(digests.length, 2);
  const latest = await head(auditor, slug);
  assert.ok(latest.size > signed.size);
  assert.deepEqual(section(digests[1]).head, latest);
  assert.deepEqual(rows(`SELECT last_size FROM audit_head_subscriptions`), [[String(latest.size)]]);

  // Stopping from the link, signed out: a page asks first (a mail scanner following the
  // link stops nothing), then the button stops it.
  const stopUrl = pathOf(body(digests[1]).match(/To stop these emails for this space \(no need to sign in\):\n(\S+)/)[1]);
  assert.match(stopUrl, new RegExp(`^/spaces/${slug}/audit/digest/stop\\?key=\\d+\\.[A-Za-z0-9_-]+$`));
  const stranger = new Client(server);
  const ask = await stranger.get(stopUrl);
  assert.equal(ask.status, 200);
  assert.match(ask.text, /<h1 class="govuk-heading-l">Stop emails of signed records\?<\/h1>/);
  assert.deepEqual(rows(`SELECT count(*) FROM audit_head_subscriptions`), [['1']], 'following the link changes nothing');
  const key = decodeURIComponent(stopUrl.split('key=')[1]);
  const tampered = await stranger.post(`/spaces/${slug}/audit/digest/stop`, { key: key.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
  assert.equal(tampered.status, 404);
  assert.equal((await stranger.get(stopUrl.replace(/key=\d+/, 'key=1'))).status, 404, 'the key is for one person');
  const noCsrf = await stranger.post(`/spaces/${slug}/audit/digest/stop`, { key }, { csrf: false });
  assert.equal(noCsrf.status, 403);
  const stopped = await stranger.post(`/spaces/${slug}/audit/digest/stop`, { key });
  assert.equal(stopped.status, 200);
  assert.match(stopped.text, /Emails stopped/);
  assert.match(stopped.text, new RegExp(`You will not get emails of signed records of the decision log of Tollgate Carers Panel ${spaces} any more`));
  assert.deepEqual(rows(`SELECT count(*) FROM audit_head_subscriptions`), [['0']]);
  page = await auditor.get(`/spaces/${slug}/audit`);
  assert.match(page.text, /<input type="hidden" name="email" value="on">/, 'the page offers them again');

  appendAndSign(slug, 2);
  assert.match(sweep(), /sent: 0/);
  assert.equal(digestsTo(auditor).length, 2, 'no more mail after stopping');
});

test('one digest a day covers every log a person follows; stopping on the page works too', async () => {
  const steward = await person('Ottoline Vasquez-Reyes', { steward: true });
  const [a, b] = [await createSpace(steward), await createSpace(steward)];
  // Stewards may have them too.
  for (const slug of [a, b]) assert.equal((await choose(steward, slug, 'on')).status, 303);
  appendAndSign(a, 2);
  appendAndSign(b, 4);
  assert.match(sweep(), /sent: 1/);
  const [mail] = digestsTo(steward);
  assert.equal(subject(mail), 'New signed records of 2 decision logs');
  for (const slug of [a, b]) {
    const h = await head(steward, slug);
    assert.ok(body(mail).includes(JSON.stringify(h)), `${slug}'s newest head is in the digest`);
    assert.ok(body(mail).includes(`/spaces/${slug}/audit/digest/stop?key=`));
  }

  const off = await choose(steward, a, 'off');
  assert.equal(off.location, `/spaces/${a}/audit?notice=digest_off`);
  assert.match((await steward.follow(off)).text, /We will not email you signed records of this log any more/);
  appendAndSign(a, 1);
  appendAndSign(b, 1);
  rows(`UPDATE audit_head_subscriptions SET last_sent_at = last_sent_at - 90000`);
  assert.match(sweep(), /sent: 1/);
  const second = digestsTo(steward)[1];
  assert.match(subject(second), new RegExp(`^Decision log of .*: signed record for ${(await head(steward, b)).size} entries$`));
  assert.ok(!body(second).includes(`/spaces/${a}/`), 'nothing of the log they stopped');
});

test('a member without the role cannot ask and gets nothing; an auditor who loses the role gets no more', async () => {
  const steward = await person('Bartholomew Nkemelu', { steward: true });
  const slug = await createSpace(steward);
  const member = await person('Philippa Stroud');
  const auditor = await person('Ignatius Mbeki-Hall');
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  cli(server, ['user', 'set-role', auditor.email, 'auditor', '--space', slug]);

  const page = await member.get(`/spaces/${slug}/audit`);
  assert.equal(page.status, 200, 'members read the log');
  assert.doesNotMatch(page.text, /Email me new signed records/, 'and are not offered the emails');
  const refused = await member.post(`/spaces/${slug}/audit/digest`, { email: 'on' });
  assert.equal(refused.status, 403);
  const outsider = await person('Leocadia Ferro');
  assert.equal((await choose(outsider, slug, 'on')).status, 403, 'nor someone outside the space');
  const signedOut = new Client(server);
  await signedOut.get('/signin');  // a form, for a CSRF token
  const toSignIn = await signedOut.post(`/spaces/${slug}/audit/digest`, { email: 'on' });
  assert.equal(toSignIn.status, 303, 'signed out: sent to sign in');
  assert.match(toSignIn.location, /^\/signin/);
  assert.deepEqual(rows(`SELECT count(*) FROM audit_head_subscriptions s JOIN users u ON u.id = s.user_id
                         WHERE u.display_name IN ('Philippa Stroud', 'Leocadia Ferro')`), [['0']]);

  assert.equal((await choose(auditor, slug, 'on')).status, 303);
  cli(server, ['user', 'set-role', auditor.email, 'member', '--space', slug]);
  appendAndSign(slug, 3);
  sweep();
  assert.equal(digestsTo(member).length, 0);
  assert.equal(digestsTo(outsider).length, 0);
  assert.equal(digestsTo(auditor).length, 0, 'no mail once the role is gone');
  assert.deepEqual(rows(`SELECT count(*) FROM audit_head_subscriptions s JOIN users u ON u.id = s.user_id
                         WHERE u.display_name = 'Ignatius Mbeki-Hall'`), [['0']], 'and the subscription is gone');
});

test('"download my data" lists the subscriptions, and erasure removes them', async () => {
  const steward = await person('Rosalind Okonkwo-Baines', { steward: true });
  const slug = await createSpace(steward);
  const auditor = await person('Thaddeus Wren');
  cli(server, ['user', 'set-role', auditor.email, 'auditor', '--space', slug]);
  assert.equal((await choose(auditor, slug, 'on')).status, 303);
  appendAndSign(slug, 1);
  sweep();
  const sent = await head(auditor, slug);

  const data = JSON.parse((await auditor.get('/account/data.json')).text);
  assert.equal(data.decision_logs.signed_head_emails.length, 1);
  const [sub] = data.decision_logs.signed_head_emails;
  assert.equal(sub.space, `/spaces/${slug}`);
  assert.equal(sub.last_size_sent, sent.size);
  assert.equal(typeof sub.last_sent_at, 'number');

  const id = rows(`SELECT id FROM users WHERE display_name = 'Thaddeus Wren'`)[0][0];
  assert.deepEqual(rows(`SELECT count(*) FROM audit_head_subscriptions WHERE user_id = ${id}`), [['1']]);
  await auditor.get('/account/data');
  assert.equal((await auditor.post('/account/delete', { confirm: 'yes' })).status, 200);
  assert.deepEqual(rows(`SELECT count(*) FROM audit_head_subscriptions WHERE user_id = ${id}`), [['0']]);
});
