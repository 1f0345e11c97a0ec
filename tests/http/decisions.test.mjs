// Decisions: opening proposals, answering with each method's form, changing an answer
// until closing, closing with an outcome, CSV results, anonymous polls that reveal no
// one's answer, reminders, and members-only pages. Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, Client, signedIn, PASSWORD } from './harness.mjs';

let server;

after(async () => { await server.stop(); });

const person = (name, options) => signedIn(server, name, options);

// The same people take part in every test (sign-ins are rate limited); each test gets
// a space of its own with a steward, a facilitator, two members and an auditor.
let cast;
before(async () => {
  server = await startServer();
  cast = {
    steward: await person('Marisol Treadwell', { steward: true }),
    facilitator: await person('Desmond Achebe'),
    members: [await person('Rhiannon Quill'), await person('Tobias Fenwick')],
    auditor: await person('Ingrid Salcombe'),
    outsider: await person('Caspian Wolde'),
  };
});

let spaces = 0;
async function forum() {
  const { steward, facilitator, members, auditor } = cast;
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name: `Millbrook Recovery Forum ${++spaces}`, slug: '', kind: 'forum', purpose: 'People in recovery along the Millbrook valley.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(res.status, 303);
  const slug = res.location.match(/^\/spaces\/([a-z0-9-]+)\?/)[1];
  cli(server, ['user', 'set-role', facilitator.email, 'facilitator', '--space', slug]);
  for (const m of members) cli(server, ['user', 'set-role', m.email, 'member', '--space', slug]);
  cli(server, ['user', 'set-role', auditor.email, 'auditor', '--space', slug]);
  return { slug, steward, facilitator, members, auditor, voters: [steward, facilitator, ...members] };
}

// The closing time fields for a time `hours` from now (UTC, to the minute).
function closing(hours) {
  const d = new Date(Date.now() + hours * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  return {
    closes_day: String(d.getUTCDate()), closes_month: String(d.getUTCMonth() + 1), closes_year: String(d.getUTCFullYear()),
    closes_time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

async function propose(client, slug, fields) {
  await client.get(`/spaces/${slug}/decisions/new`);
  const res = await client.post(`/spaces/${slug}/decisions/new`, {
    title: 'Meet every two weeks', details: 'Monthly meetings are too far apart.', method: 'consent', options: '',
    ...closing(72), quorum: '50', results: 'after_close', threshold: 'simple_majority', dots: '5', ...fields,
  });
  assert.equal(res.status, 303, `opening a proposal: ${res.status} ${res.text.slice(0, 600)}`);
  const m = res.location.match(new RegExp(`^/spaces/${slug}/decisions/(\\d+)\\?notice=opened$`));
  assert.ok(m, res.location);
  return `/spaces/${slug}/decisions/${m[1]}`;
}

async function answer(client, path, fields) {
  await client.get(path);
  return client.post(`${path}/vote`, fields);
}

test('opening a proposal: the page states the equal-power rule and the method\'s rules; form errors stay on the form', async () => {
  const f = await forum();
  const [rhiannon] = f.members;
  await rhiannon.get(`/spaces/${f.slug}/decisions/new`);
  const empty = await rhiannon.post(`/spaces/${f.slug}/decisions/new`, {
    title: '', details: 'Kept text', method: '', options: '', closes_day: '31', closes_month: '2', closes_year: '2031',
    closes_time: '17:00', quorum: '150', results: 'after_close', threshold: 'simple_majority', dots: '5',
  });
  assert.equal(empty.status, 422);
  for (const field of ['title', 'method', 'closes_at', 'quorum'])
    assert.match(empty.text, new RegExp(`href="#${field}"`), `error summary links to ${field}`);
  assert.match(empty.text, />Kept text<\/textarea>/);

  const path = await propose(rhiannon, f.slug, { method: 'ranked_choice', options: 'Library\nHarbour room\nOnline' });
  const page = await rhiannon.get(path);
  assert.equal(page.status, 200);
  assert.match(page.text, /One member, one vote: no role carries extra weight\./);
  assert.match(page.text, /an option wins when it has more than half|An option wins when it has more than half/);
  assert.match(page.text, /leaves the count|with fewest votes leaves/);
  // Ranked choice is answered with a select per rank.
  assert.match(page.text, /<select class="govuk-select" id="ranking" name="rank_1">/);
  assert.match(page.text, /name="rank_3"/);
  const list = await rhiannon.get(`/spaces/${f.slug}/decisions`);
  assert.match(list.text, /Meet every two weeks/);
  assert.match(list.text, /You have not answered yet/);
});

test('a majority vote closes with the right outcome, a statement and CSV results', async () => {
  const f = await forum();
  const [rhiannon, tobias] = f.members;
  const path = await propose(rhiannon, f.slug, { method: 'majority', threshold: 'two_thirds', results: 'after_voting' });

  // Results are shown to a person once they have answered.
  assert.match((await tobias.get(path)).text, /Results are shown to each person once they have answered/);
  assert.equal((await answer(rhiannon, path, { choice: 'yes' })).status, 303);
  // One answer of four is short of the 50% quorum, and the page says so.
  assert.match((await rhiannon.get(path)).text, /As things stand: Not decided: too few members took part/);
  const none = await answer(tobias, path, {});
  assert.equal(none.status, 422);
  assert.match(none.text, /href="#choice"/);
  assert.equal((await answer(tobias, path, { choice: 'yes' })).status, 303);
  assert.equal((await answer(f.steward, path, { choice: 'no' })).status, 303);
  // The auditor reads but does not vote.
  const audit = await f.auditor.get(path);
  assert.equal(audit.status, 200);
  assert.match(audit.text, /Auditors do not vote/);
  assert.equal((await f.auditor.post(`${path}/vote`, { choice: 'yes' })).status, 403);

  // Not everyone has answered yet: closing early is refused, beside the form.
  await f.facilitator.get(path);
  const early = await f.facilitator.post(`${path}/close`, { statement: 'We will meet fortnightly.' });
  assert.equal(early.status, 409);
  assert.match(early.text, /only when every member who can vote has answered/);
  assert.equal((await answer(f.facilitator, path, { choice: 'abstain' })).status, 303);

  // A member who did not propose it cannot close it; the closer must say what was decided.
  await tobias.get(path);
  assert.equal((await tobias.post(`${path}/close`, { statement: 'Done.' })).status, 403);
  await f.facilitator.get(path);
  const blank = await f.facilitator.post(`${path}/close`, { statement: '' });
  assert.equal(blank.status, 422);
  assert.match(blank.text, /href="#statement"/);
  const closed = await f.facilitator.post(`${path}/close`, { statement: 'We will meet every two weeks from May.' });
  assert.equal(closed.status, 303);
  const page = await tobias.get(path);
  assert.match(page.text, /Decided: Passed/);
  assert.match(page.text, /We will meet every two weeks from May\./);
  assert.match(page.text, /closed before the stated closing time/);

  const csv = await tobias.get(`${path}/results.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  const [head, row] = csv.text.trim().split('\r\n');
  const cells = Object.fromEntries(head.split(',').map((h, i) => [h, row.split(',')[i]]));
  assert.equal(cells['Yes'], '2');
  assert.equal(cells['No'], '1');
  assert.equal(cells['Abstain'], '1');
  assert.equal(cells['Outcome'], 'passed');
  assert.equal(cells['Yes needed'], 'two_thirds');
  assert.equal(cells['Took part'], '4');
  assert.equal(cells['Could vote'], '4');
  assert.match((await tobias.get(`/spaces/${f.slug}/decisions`)).text, /Passed/);
});

test('a member can change their answer until closing but not after', async () => {
  const f = await forum();
  const [rhiannon, tobias] = f.members;
  const path = await propose(rhiannon, f.slug, { method: 'consent', results: 'after_voting' });
  assert.equal((await answer(tobias, path, { choice: 'consent' })).status, 303);
  const noReason = await answer(tobias, path, { choice: 'object', reason: '' });
  assert.equal(noReason.status, 422);
  assert.match(noReason.text, /Say why you object/);
  assert.equal((await answer(tobias, path, { choice: 'object', reason: 'Fortnightly is too often for carers.' })).status, 303);
  let page = await tobias.get(path);
  assert.match(page.text, /id="choice-object" name="choice" type="radio" value="object" checked/);
  assert.match(page.text, /You have answered\. You can change your answer/);

  for (const v of [f.steward, f.facilitator, rhiannon]) assert.equal((await answer(v, path, { choice: 'consent' })).status, 303);
  // In a named consent decision, a standing objection stops an early close – and is shown with its name.
  await rhiannon.get(path);
  assert.equal((await rhiannon.post(`${path}/close`, { statement: 'Agreed.' })).status, 409);
  page = await rhiannon.get(path);
  assert.match(page.text, /I object – Tobias Fenwick:<\/strong> Fortnightly is too often for carers\./);

  await tobias.get(path);
  assert.equal((await tobias.post(`${path}/withdraw`, { withdraw_reason: '' })).status, 303);
  await rhiannon.get(path);
  assert.equal((await rhiannon.post(`${path}/close`, { statement: 'We meet fortnightly.' })).status, 303);

  const late = await answer(tobias, path, { choice: 'object', reason: 'Changed my mind again.' });
  assert.equal(late.status, 409);
  assert.match(late.text, /Voting has closed/);
  page = await tobias.get(path);
  assert.match(page.text, /Decided: Passed/);
  assert.doesNotMatch(page.text, /action="[^"]*\/vote"/);
});

test('an anonymous poll: no page, export, log entry or log line shows who answered what', async () => {
  const f = await forum();
  const [rhiannon, tobias] = f.members;
  const path = await propose(rhiannon, f.slug, {
    method: 'score', options: 'Library\nHarbour room\nOnline', anonymous: 'yes', results: 'after_voting',
  });
  const answers = new Map([
    [f.steward, { scores: ['5', '0', '1'], reason: 'steward-reason-quartz' }],
    [f.facilitator, { scores: ['0', '5', '2'], reason: 'facilitator-reason-amber' }],
    [rhiannon, { scores: ['1', '2', '5'], reason: 'rhiannon-reason-cobalt' }],
    [tobias, { scores: ['3', '3', '3'], reason: 'tobias-reason-ochre' }],
  ]);
  for (const [who, a] of answers) {
    const res = await answer(who, path, { score_0: a.scores[0], score_1: a.scores[1], score_2: a.scores[2], reason: a.reason });
    assert.equal(res.status, 303, res.text.slice(0, 400));
  }
  // Before closing nobody sees results, facilitators included; each sees only their own answer.
  for (const [who, a] of answers) {
    const page = await who.get(path);
    assert.match(page.text, /Results are shown when voting has closed/);
    assert.match(page.text, new RegExp(a.reason));
    for (const [other, b] of answers) if (other !== who) assert.doesNotMatch(page.text, new RegExp(b.reason));
  }
  assert.equal((await f.facilitator.get(`${path}/results.csv`)).status, 403);

  await f.facilitator.get(path);
  assert.equal((await f.facilitator.post(`${path}/close`, { statement: 'The library, with the harbour room as a fallback.' })).status, 303);

  const page = await f.auditor.get(path);
  assert.match(page.text, /Decided:/);
  // Reasons are shown, each without a name.
  const reasonItems = [...page.text.matchAll(/<li class="hs-reason">([\s\S]*?)<\/li>/g)].map((m) => m[1]);
  assert.equal(reasonItems.length, 4);
  for (const item of reasonItems)
    for (const who of answers.keys()) assert.doesNotMatch(item, new RegExp(who.name));
  for (const a of answers.values()) assert.ok(reasonItems.some((item) => item.includes(a.reason)), a.reason);

  const csv = await f.auditor.get(`${path}/results.csv`);
  assert.equal(csv.status, 200);
  for (const [who, a] of answers) {
    assert.doesNotMatch(csv.text, new RegExp(who.name));
    assert.doesNotMatch(csv.text, new RegExp(who.email));
    assert.doesNotMatch(csv.text, new RegExp(a.reason));
  }
  assert.match(csv.text, /Library,9,2\.25,4/);

  // The decision log export, and everything the server wrote to its log.
  const exported = cli(server, ['audit', 'export', f.slug]);
  const log = server.log();
  for (const a of answers.values()) {
    assert.doesNotMatch(exported, new RegExp(a.reason));
    assert.doesNotMatch(log, new RegExp(a.reason));
    assert.doesNotMatch(log, new RegExp(a.scores.join(',')));
  }
  const answered = exported.split('\n').filter((l) => l.includes('"decision.answered"'));
  assert.equal(answered.length, 4);
  for (const line of answered) assert.doesNotMatch(line, /"(scores|choice|reason)/);
});

test('an anonymous answer is kept under a ballot code: another device needs the code, a shared device cannot reuse it', async () => {
  const f = await forum();
  const [rhiannon, tobias] = f.members;
  const path = await propose(rhiannon, f.slug, { method: 'consent', anonymous: 'yes', title: 'Open the garden on Sundays' });
  const id = path.split('/').pop();
  const res = await answer(tobias, path, { choice: 'object', reason: 'tobias-worry-heron' });
  assert.equal(res.status, 303);
  const cookieName = [...tobias.cookies.keys()].find((k) => k.endsWith(`hs_ballot${id}`));
  assert.ok(cookieName, 'the browser keeps the ballot code');
  let page = await tobias.get(path);
  const shown = page.text.match(/Your ballot code: <strong[^>]*>([2-9A-HJ-NP-Z]{4}(?:-[2-9A-HJ-NP-Z]{4}){4})<\/strong>/);
  assert.ok(shown, 'the page shows the code to write down');
  const code = shown[1];
  assert.match(page.text, /tobias-worry-heron/);

  // Another device, signed in as the same person, without the code: it cannot see or
  // change the answer, and is asked for the code.
  const other = new Client(server);
  other.cookies = new Map([...tobias.cookies].filter(([k]) => k !== cookieName));
  page = await other.get(path);
  assert.doesNotMatch(page.text, /tobias-worry-heron/);
  assert.match(page.text, /name="ballot_code"/);
  assert.doesNotMatch(page.text, /action="[^"]*\/vote"/);
  const blind = await other.post(`${path}/vote`, { choice: 'consent', reason: '' });
  assert.equal(blind.status, 422);
  assert.match(blind.text, /href="#ballot_code"/);

  // A wrong code: a clear message, and what was typed is kept.
  const wrong = await other.post(`${path}/code`, { ballot_code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ' });
  assert.equal(wrong.status, 422);
  assert.match(wrong.text, /That code does not open an answer of yours/);
  assert.match(wrong.text, /value="ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ"/);
  // The right code, typed loosely: the device remembers it and the answer opens.
  const typed = code.toLowerCase().replace(/-/g, ' ');
  assert.equal((await other.post(`${path}/code`, { ballot_code: typed })).status, 303);
  page = await other.get(path);
  assert.match(page.text, /tobias-worry-heron/);
  assert.equal((await answer(other, path, { choice: 'consent', reason: 'tobias-second-thoughts' })).status, 303);
  page = await tobias.get(path);
  assert.match(page.text, /tobias-second-thoughts/);
  assert.match(page.text, new RegExp(code));  // a change keeps the same code

  // On a shared computer the code is bound to its owner: someone else signed in on
  // the same browser gets nothing from it.
  await answer(rhiannon, path, { choice: 'consent', reason: 'rhiannon-own' });
  const shared = new Client(server);
  shared.cookies = new Map([...rhiannon.cookies].filter(([k]) => !k.includes('hs_ballot')));
  shared.cookies.set(cookieName, tobias.cookies.get(cookieName));
  page = await shared.get(path);
  assert.doesNotMatch(page.text, /tobias-second-thoughts/);
  assert.match(page.text, /name="ballot_code"/);

  // Forgetting the code on this device: the answer stays, the page asks for the code.
  const forgot = await other.post(`${path}/forget-code`, {});
  assert.equal(forgot.status, 303);
  page = await other.get(forgot.location.replace(/#.*$/, ''));
  assert.match(page.text, /forgotten your ballot code/);
  assert.doesNotMatch(page.text, /tobias-second-thoughts/);
  assert.match(page.text, /2 of 4 members have answered/);
});

test('every method takes an answer from its own form', async () => {
  const f = await forum();
  const [rhiannon] = f.members;
  const cases = [
    [{ method: 'consensus' }, { position: 'block', reason: 'It leaves out night-shift workers.' }, /Not passed: blocked|Blocks?/],
    [{ method: 'dot_vote', options: 'Garden\nKitchen\nMural', dots: '3' }, { dots_0: '2', dots_1: '', dots_2: '1' }, /Garden/],
    [{ method: 'meeting_poll', options: 'Tuesday 6pm\nSaturday 11am' }, { slot_0: 'yes', slot_1: 'if_need_be' }, /Tuesday 6pm/],
    [{ method: 'ranked_choice', options: 'Library\nHarbour room' }, { rank_1: '1', rank_2: '0' }, /Harbour room/],
  ];
  for (const [fields, ballot, shown] of cases) {
    const path = await propose(rhiannon, f.slug, { ...fields, results: 'after_voting' });
    const res = await answer(rhiannon, path, ballot);
    assert.equal(res.status, 303, `${fields.method}: ${res.status} ${res.text.slice(0, 500)}`);
    const page = await rhiannon.get(path);
    assert.match(page.text, /As things stand/);
    assert.match(page.text, shown);
  }
  const dots = await propose(rhiannon, f.slug, { method: 'dot_vote', options: 'A\nB', dots: '2' });
  const over = await answer(rhiannon, dots, { dots_0: '2', dots_1: '1' });
  assert.equal(over.status, 422);
  assert.match(over.text, /href="#dots"/);
  assert.match(over.text, /value="1"/);  // what was typed is kept
});

test('people who have not answered are reminded once before closing', async () => {
  const f = await forum();
  const [rhiannon, tobias] = f.members;
  const path = await propose(rhiannon, f.slug, { ...closing(20), title: 'Choose a new meeting room' });
  assert.equal((await answer(tobias, path, { choice: 'consent' })).status, 303);
  const before = server.outbox().length;
  assert.match(cli(server, ['remind']), /1 closing soon/);
  assert.match(cli(server, ['remind']), /0 closing soon/);
  const sent = server.outbox().slice(before);
  const to = (c) => sent.filter((m) => m.includes(`To: ${c.email}\r\n`));
  assert.equal(to(f.steward).length, 1);
  assert.equal(to(f.facilitator).length, 1);
  assert.equal(to(rhiannon).length, 1);
  assert.equal(to(tobias).length, 0, 'answered already');
  assert.equal(to(f.auditor).length, 0, 'auditors do not vote');
  assert.match(to(rhiannon)[0], /Voting closes soon: Choose a new meeting room/);
  assert.match(to(rhiannon)[0], new RegExp(`${path}\\b`));
});

test('decisions are for members: everyone else gets "not found", signed-out people are asked to sign in', async () => {
  const f = await forum();
  const path = await propose(f.members[0], f.slug, {});
  const { outsider } = cast;
  for (const p of [`/spaces/${f.slug}/decisions`, `/spaces/${f.slug}/decisions/new`, path, `${path}/results.csv`]) {
    const res = await outsider.get(p);
    assert.equal(res.status, 404, p);
    assert.doesNotMatch(res.text, /Meet every two weeks/);
  }
  await outsider.get('/spaces');
  assert.equal((await outsider.post(`${path}/vote`, { choice: 'consent' })).status, 404);
  assert.equal((await outsider.post(`${path}/close`, { statement: 'x' })).status, 404);
  const anon = new Client(server);
  const res = await anon.get(path);
  assert.equal(res.status, 303);
  assert.match(res.location, /^\/signin\?next=/);
  assert.equal((await f.members[0].get(`/spaces/${f.slug}/decisions/99999`)).status, 404);
});
