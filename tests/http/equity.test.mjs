// Who is in the room: equality answers are the person's own (optional, changeable,
// deletable), stored under a pseudonym and sealed; a space's report is for its stewards and
// facilitators only, refused under 10 people, with counts from 1 to 4 hidden (and more, so
// none can be worked out); erasure takes a person's answers out of the counts. Runs on the
// engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, signedIn, dbRows } from './harness.mjs';
import { decode, rowsOf, answer } from './equity_lib.mjs';

let server;
let steward;
let slug;
const people = [];

before(async () => {
  server = await startServer();
  steward = await signedIn(server, 'Ingrid Steward', { steward: true });
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name: 'Tollcross Recovery Voices', slug: '', kind: 'forum', purpose: 'People in recovery in Tollcross.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(res.status, 303);
  slug = res.location.match(/^\/spaces\/([a-z0-9-]+)\?/)[1];
});

after(() => server?.stop());

test('answers are optional, the person\'s own, and stored under a pseudonym, sealed', async () => {
  const p = await signedIn(server, 'Aoife Member');
  cli(server, ['user', 'set-role', p.email, 'member', '--space', slug]);
  people.push(p);
  const form = await p.get('/account/equality');
  assert.equal(form.status, 200);
  assert.match(form.text, /Prefer not to say/);
  // Nothing chosen is fine; a known answer is kept; an unknown one dropped without fuss.
  await answer(p, { q_ethnicity: 'white_scottish', q_age: 'over_9000', q_lived: ['gambling_harm', 'unpaid_caring'] });
  const again = await p.get('/account/equality');
  assert.match(again.text, /id="q_ethnicity_white_scottish"[^>]*checked/);
  assert.match(again.text, /id="q_lived_unpaid_caring"[^>]*checked/);
  assert.doesNotMatch(again.text, /id="q_age_[a-z0-9_]+"[^>]*checked/);
  const rows = dbRows(server, 'SELECT pseudonym, sealed FROM equality_answers');
  assert.equal(rows.length, 1);
  assert.match(rows[0][0], /^[0-9a-f]{64}$/);
  assert.doesNotMatch(rows[0][1], /white|gambling|caring/);
  // Signed out: nothing to see.
  const { Client } = await import('./harness.mjs');
  const anon = new Client(server);
  assert.equal((await anon.get('/account/equality')).status, 303);
});

test('the report is refused under 10 people, then shows counts with small ones hidden', async () => {
  const ethnic = ['white_scottish', 'white_scottish', 'white_scottish', 'white_scottish', 'white_scottish',
    'white_british', 'white_british', 'white_british', 'white_british', 'white_british', 'african', 'asian'];
  // 8 answers so far (with the first person): refused.
  for (let i = 1; i < 8; i++) {
    const p = await signedIn(server, `Member ${i} Tollcross`);
    cli(server, ['user', 'set-role', p.email, 'member', '--space', slug]);
    await answer(p, { q_ethnicity: ethnic[i] });
    people.push(p);
  }
  const refused = decode((await steward.get(`/spaces/${slug}/equality`)).text);
  assert.match(refused, /This report is shown once at least 10/);
  assert.doesNotMatch(refused, /<table/);
  assert.equal((await steward.get(`/spaces/${slug}/equality.csv`)).status, 409);
  for (let i = 8; i < 12; i++) {
    const p = await signedIn(server, `Member ${i} Tollcross`);
    cli(server, ['user', 'set-role', p.email, 'member', '--space', slug]);
    await answer(p, { q_ethnicity: ethnic[i] });
    people.push(p);
  }
  const page = decode((await steward.get(`/spaces/${slug}/equality`)).text);
  assert.match(page, /12 of 13 members have answered/);
  const rows = Object.fromEntries(rowsOf(page, 'ethnicity'));
  // 5 Scottish, 5 other British, 1 African, 1 Asian. The two ones are hidden; alone they
  // would add up to 2 (12 less the 10 shown) and so give themselves away: one of the fives
  // is hidden with them.
  assert.equal(rows['African, Scottish African or British African'], 'fewer than 5');
  assert.equal(rows['Asian, Scottish Asian or British Asian'], 'fewer than 5');
  assert.equal(rows['White: Scottish'], 'hidden');
  assert.equal(rows['White: other British'], '5');
  for (const v of Object.values(rows)) assert.ok(!/^[1-4]$/.test(v), `no count of 1 to 4 is shown (${v})`);
  // The CSV hides the same cells.
  const csv = await steward.get(`/spaces/${slug}/equality.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition'), /^attachment;/);
  assert.match(csv.text, /African, Scottish African or British African",fewer than 5/);
  assert.doesNotMatch(csv.text, /,[1-4],/);
});

test('only stewards and facilitators see the report, and nobody sees one person\'s answers', async () => {
  const roles = {};
  for (const role of ['member', 'auditor', 'treasurer', 'facilitator']) {
    const p = await signedIn(server, `Role ${role} Holder`);
    cli(server, ['user', 'set-role', p.email, role, '--space', slug]);
    roles[role] = p;
  }
  for (const role of ['member', 'auditor', 'treasurer']) {
    assert.equal((await roles[role].get(`/spaces/${slug}/equality`)).status, 403, role);
    assert.equal((await roles[role].get(`/spaces/${slug}/equality.csv`)).status, 403, role);
  }
  const outsider = await signedIn(server, 'Ulla Outsider');
  assert.equal((await outsider.get(`/spaces/${slug}/equality`)).status, 403);
  assert.equal((await roles.facilitator.get(`/spaces/${slug}/equality`)).status, 200);
  // Only a steward sets the reference population.
  assert.equal((await roles.facilitator.get(`/spaces/${slug}/equality/reference?question=ethnicity`)).status, 403);
  // Nothing anywhere shows one person's answers: the steward's own view of the members page
  // and a person's exported data show their own only.
  const members = decode((await steward.get(`/spaces/${slug}/members`)).text);
  assert.doesNotMatch(members, /White: Scottish|Gambling harm/);
  const mine = await people[0].get('/account/data.json');
  assert.match(mine.text, /white_scottish/);
  const theirs = await people[1].get('/account/data.json');
  assert.doesNotMatch(theirs.text, /gambling_harm/);
});

test('a reference population marks who is under-represented', async () => {
  await steward.get(`/spaces/${slug}/equality/reference?question=ethnicity`);
  const bad = await steward.post(`/spaces/${slug}/equality/reference?question=ethnicity`, { share_white_scottish: 'lots' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Enter a share from 0 to 100/);
  assert.match(bad.text, /value="lots"/);
  const ok = await steward.post(`/spaces/${slug}/equality/reference?question=ethnicity`, {
    share_white_scottish: '9.3', share_white_british: '77.7',
  });
  assert.equal(ok.status, 303);
  const page = decode((await steward.get(`/spaces/${slug}/equality`)).text);
  const at = page.indexOf('id="ethnicity"');
  const table = page.slice(at, page.indexOf('</table>', at));
  // 5 of 12 is 42 %, under four fifths of 77.7 %. A hidden count is never compared.
  assert.match(table, /White: other British <strong[^>]*>fewer here than in the reference/);
  assert.doesNotMatch(table, /White: Scottish <strong/);
  assert.match(table, /77\.7%/);
});

test('an event\'s report counts the members who took part, for those who run it only', async () => {
  const fac = await signedIn(server, 'Fenella Facilitator');
  cli(server, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);
  await fac.get(`/spaces/${slug}/events`);
  const ev = await fac.post(`/spaces/${slug}/events`, {
    title: 'Tollcross gathering', description: '', starts: '2031-03-04T10:00', ends: '2031-03-04T15:30',
  });
  assert.equal(ev.status, 303, ev.text.slice(0, 500));
  const path = ev.location.replace(/\/run$/, '');
  const code = (await fac.get(`${path}/run`)).text.match(/id="join-code">([A-Z0-9]+)</)[1];
  // A member takes part as themselves from the event's page (here by stepping out and
  // back in, the quickest thing a person can do there).
  assert.ok(code);
  const join = async (p) => {
    await p.get(path);
    assert.equal((await p.post(`${path}/step-out`, {})).status, 303);
    assert.equal((await p.post(`${path}/step-in`, {})).status, 303);
  };
  // Nine members who answered take part: too few to report on.
  for (const p of people.slice(0, 9)) await join(p);
  const few = decode((await fac.get(`${path}/equality`)).text);
  assert.match(few, /This report is shown once at least 10/);
  await join(people[9]);
  const page = decode((await fac.get(`${path}/equality`)).text);
  assert.match(page, /10 of 10 members have answered/, page.replace(/[\s\S]*<main[^>]*>/, '').slice(0, 1500));
  const rows = Object.fromEntries(rowsOf(page, 'ethnicity'));
  for (const v of Object.values(rows)) assert.ok(!/^[1-4]$/.test(v), `no count of 1 to 4 is shown (${v})`);
  // A member who took part sees no report.
  assert.notEqual((await people[0].get(`${path}/equality`)).status, 200);
});

test('erasing an account takes its answers out of the counts', async () => {
  const before = Object.fromEntries(rowsOf(decode((await steward.get(`/spaces/${slug}/equality`)).text), 'ethnicity'));
  assert.equal(before['White: Scottish'], 'hidden');
  const leaving = people[0];  // answered White: Scottish
  await leaving.get('/account/delete');
  assert.equal((await leaving.post('/account/delete', { confirm: 'yes' })).status, 200);
  const page = decode((await steward.get(`/spaces/${slug}/equality`)).text);
  const after = Object.fromEntries(rowsOf(page, 'ethnicity'));
  // 4 Scottish now: hidden as fewer than 5, and the ones no longer pin each other.
  assert.equal(after['White: Scottish'], 'fewer than 5');
  assert.equal(after['White: other British'], '5');
  assert.match(page, /11 of /);
  assert.equal(dbRows(server, 'SELECT COUNT(*) FROM equality_answers')[0][0], '11');
  // Deleting one's answers does the same, from the person's own page.
  await people[1].get('/account/equality');
  assert.equal((await people[1].post('/account/equality/delete', {})).status, 303);
  assert.equal(dbRows(server, 'SELECT COUNT(*) FROM equality_answers')[0][0], '10');
});

test('balanced groups use the equality answers only of those who agreed to that use', async () => {
  const fac = await signedIn(server, 'Gwendolen Facilitator');
  cli(server, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);
  await fac.get(`/spaces/${slug}/events`);
  const ev = await fac.post(`/spaces/${slug}/events`, {
    title: 'Tollcross small groups', description: '', starts: '2031-05-04T10:00', ends: '2031-05-04T15:30',
  });
  const path = ev.location.replace(/\/run$/, '');
  const members = [];
  for (const [name, fields] of [
    ['Agreed One', { q_age: '25_34', q_sex: 'female', groups: 'yes' }],
    ['Agreed Two', { q_age: '55_64', q_sex: 'male', groups: 'yes' }],
    ['Not Agreed', { q_age: '25_34', q_sex: 'male' }],
    ['Never Answered', null],
  ]) {
    const p = await signedIn(server, name);
    cli(server, ['user', 'set-role', p.email, 'member', '--space', slug]);
    if (fields) await answer(p, fields);
    // Takes part, and is here now.
    await p.get(path);
    assert.equal((await p.post(`${path}/step-out`, {})).status, 303);
    assert.equal((await p.post(`${path}/step-in`, {})).status, 303);
    await p.get(path);
    members.push(p);
  }
  await fac.get(`${path}/breakouts`);
  const added = await fac.post(`${path}/breakouts`, {
    prompts: 'What would help?', min_size: '2', max_size: '2', duration: '15', content_note: '', mode: 'balanced',
    equality: 'yes',
  });
  assert.equal(added.status, 303, added.text.slice(0, 500));
  const round = decode((await fac.get(added.location)).text);
  assert.match(round, /The equality answers of 2 people who agreed were used\./);
  assert.match(round, /Also spread people by their equality answers/);
  // Nothing on the page says whose answers they were, or what they were.
  assert.doesNotMatch(round, /25_34|55_64|25 to 34|55 to 64/);
  // Without the option, no answers are opened at all.
  const plain = await fac.post(`${path}/breakouts`, {
    prompts: 'And then?', min_size: '2', max_size: '2', duration: '15', content_note: '', mode: 'balanced',
  });
  assert.doesNotMatch(decode((await fac.get(plain.location)).text), /equality answers of/);
});
