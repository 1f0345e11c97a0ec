// The report holds the whole day: the poll with percentages that add up to 100, the Q&A
// (most upvoted first, anonymous ones unattributed, hidden ones left out), lists as
// lists, and a tagged PDF. Creating an event asks where people can find support, from a
// text that is never empty; items are added kind first. Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { startServer, cli, Client, signedIn } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

async function space() {
  const steward = await signedIn(server, 'Perpetua Lindqvist', { steward: true });
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: `Saltmarsh Recovery Forum ${Math.random().toString(36).slice(2, 6)}`, slug: '', kind: 'forum',
    purpose: 'People in recovery and the services around them.', visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(made.status, 303);
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  const fac = await signedIn(server, `Anselm Okonjo ${Math.random().toString(36).slice(2, 6)}`);
  cli(server, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);
  return { fac, slug };
}

const EVENT = { title: 'Recovery learning day', description: 'Talks and a poll.', starts: '2030-06-01T10:00', ends: '2030-06-01T15:00' };

async function join(code, nickname) {
  const p = new Client(server);
  await p.get('/join');
  const res = await p.post('/join', { code, nickname });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  return p;
}

const decode = (html) => html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

test('creating an event asks where to find support, starting from UK helplines, and never leaves it empty', async () => {
  const { fac, slug } = await space();
  const form = await fac.get(`/spaces/${slug}/events`);
  assert.match(form.text, /<label class="govuk-label" for="support_text">Where people can find support<\/label>/);
  const box = decode(form.text.match(/<textarea[^>]*id="support_text"[^>]*>([^<]*)<\/textarea>/)[1]);
  assert.match(box, /Samaritans: call 116 123, free, any time/);
  assert.match(box, /999/);

  // Kept as typed, and shown to participants on the support page.
  const own = await fac.post(`/spaces/${slug}/events`, { ...EVENT, support_text: 'Speak to Ines at the door.\n\nSaltmarsh helpline: 0800 000 0001' });
  assert.equal(own.status, 303, own.text.slice(0, 400));
  const path = own.location.replace(/\/run$/, '');
  const code = (await fac.get(`${path}/run`)).text.match(/id="join-code">([A-Z0-9]+)</)[1];
  const guest = await join(code, 'Wren');
  const page = await guest.get(path);
  assert.match(page.text, new RegExp(`href="${path}/support"`), 'the event page links to support');
  const support = await guest.get(`${path}/support`);
  assert.match(support.text, /Speak to Ines at the door/);

  // Emptied, or not sent at all: the helplines, never an empty page.
  for (const fields of [{ ...EVENT, support_text: '   ' }, { ...EVENT }]) {
    const made = await fac.post(`/spaces/${slug}/events`, fields);
    assert.equal(made.status, 303);
    const s = await fac.get(`${made.location.replace(/\/run$/, '')}/support`);
    assert.match(s.text, /Samaritans: call 116 123/);
  }

  // Too long: the form comes back with the error and what was typed.
  const long = await fac.post(`/spaces/${slug}/events`, { ...EVENT, title: 'Kept title', support_text: 'x'.repeat(2001) });
  assert.equal(long.status, 422);
  assert.match(long.text, /href="#support_text"/);
  assert.match(long.text, /value="Kept title"/);
});

test('the report and its PDF hold the poll, the Q&A and lists, and the PDF is tagged', async () => {
  const { fac, slug } = await space();
  const ev = await fac.post(`/spaces/${slug}/events`, EVENT);
  const path = ev.location.replace(/\/run$/, '');
  const code = (await fac.get(`${path}/run`)).text.match(/id="join-code">([A-Z0-9]+)</)[1];

  // Kind first: the first step asks for the kind; then only that kind's fields.
  const step = await fac.get(`${path}/items/new`);
  assert.equal(step.status, 200);
  assert.match(step.text, /type="radio" value="poll"/);
  assert.doesNotMatch(step.text, /name="options"/);
  const none = await fac.get(`${path}/items/new?step=kind`);
  assert.equal(none.status, 400);
  assert.match(none.text, /href="#kind"/);
  const pollForm = await fac.get(`${path}/items/new?kind=poll`);
  assert.match(pollForm.text, /name="options"/);
  assert.doesNotMatch(pollForm.text, /name="speakers"|name="max_entries"|name="premoderate"/);
  const talkForm = await fac.get(`${path}/items/new?kind=talk`);
  assert.match(talkForm.text, /name="speakers"/);
  assert.doesNotMatch(talkForm.text, /name="options"/);
  const empty = await fac.post(`${path}/items`, { kind: 'poll', from: 'new', title: '', options: '' });
  assert.equal(empty.status, 422);
  assert.match(empty.text, /name="from" value="new"/, 'errors come back on the same page');
  assert.doesNotMatch(empty.text, /name="speakers"/);

  const poll = await fac.post(`${path}/items`, { kind: 'poll', from: 'new', title: 'Where should we meet next?', options: 'The library\nThe harbour hall' });
  assert.equal(poll.status, 303, poll.text.slice(0, 400));
  const qa = await fac.post(`${path}/items`, { kind: 'qa', from: 'new', title: 'Questions for the panel' });
  assert.equal(qa.status, 303);
  const [pollItem, qaItem] = [...(await fac.get(`${path}/run`)).text.matchAll(/id="item-(\d+)"/g)].map((m) => m[1]);

  // 1 of 6 chose the library: 17 % and 83 %, not 16 % and 83 %.
  const names = ['Wren', 'Osei', 'Yusra', 'Piran', 'Ingeborg', 'Calloway'];
  const people = [];
  for (const n of names) people.push(await join(code, n));
  assert.equal((await fac.post(`${path}/items/${pollItem}/do/open`)).status, 303);
  const options = [...(await people[0].get(path)).text.matchAll(/name="choice" type="radio" value="(\d+)"/g)].map((m) => m[1]);
  assert.equal(options.length, 2);
  for (const [i, p] of people.entries()) {
    await p.get(path);
    assert.equal((await p.post(`${path}/items/${pollItem}/vote`, { choice: options[i === 0 ? 0 : 1] })).status, 303);
  }
  assert.equal((await fac.post(`${path}/items/${pollItem}/do/reveal`)).status, 303);
  const shown = await people[1].get(path);
  assert.match(shown.text, /The library<\/th><td[^>]*>1<\/td><td[^>]*>17%/, 'the event page rounds too');

  // Q&A: a named question, an anonymous one upvoted most, and one the facilitator hid.
  assert.equal((await fac.post(`${path}/items/${qaItem}/do/open`)).status, 303);
  const ask = async (p, question, anonymous) => {
    await p.get(path);
    const r = await p.post(`${path}/items/${qaItem}/questions`, anonymous ? { question, anonymous: 'yes' } : { question });
    assert.equal(r.status, 303);
  };
  await ask(people[0], 'Who keeps the minutes?', false);
  await ask(people[1], 'How are people paid for their time?', true);
  await ask(people[2], 'A question that was hidden', false);
  const seen = await people[5].get(path);
  const qid = (text) => seen.text.match(new RegExp(`id="q-(\\d+)">[\\s\\S]{0,200}?${text}`))[1];
  const paid = qid('How are people paid'), hiddenQ = qid('A question that was hidden');
  assert.equal((await fac.post(`${path}/items/${qaItem}/questions/${hiddenQ}/hide`)).status, 303);
  for (const p of people.slice(2, 5)) {
    await p.get(path);
    assert.equal((await p.post(`${path}/items/${qaItem}/questions/${paid}`)).status, 303);
  }

  // What happens next, typed with a list.
  await fac.get(`${path}/report`);
  const saved = await fac.post(`${path}/report`, {
    intro: 'We met at the harbour hall.',
    next_steps: 'We will:\n- pay people on the day\n- write back to everyone by March\n\nThank you for coming.',
  });
  assert.equal(saved.status, 303);

  const report = (await fac.get(`${path}/report`)).text;
  assert.match(report, /<h2 class="govuk-heading-m">Poll: Where should we meet next\?<\/h2>/);
  assert.match(report, /6 people answered/);
  const pct = [...report.matchAll(/<td class="govuk-table__cell govuk-table__cell--numeric">(\d+)%<\/td>/g)].map((m) => Number(m[1]));
  assert.deepEqual(pct, [17, 83]);
  assert.equal(pct.reduce((a, b) => a + b, 0), 100);
  assert.match(report, /Questions: Questions for the panel/);
  const qaRows = [...report.matchAll(/<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">([^<]*)<\/th><td class="govuk-table__cell">([^<]*)<\/td><td class="govuk-table__cell govuk-table__cell--numeric">(\d+)<\/td>/g)]
    .map((m) => [m[1], m[2], Number(m[3])]);
  assert.deepEqual(qaRows, [
    ['How are people paid for their time?', 'Not named', 3],
    ['Who keeps the minutes?', 'Wren', 0],
  ], 'most upvoted first; the anonymous asker unnamed');
  assert.doesNotMatch(report, /Osei/, 'nothing names the anonymous asker');
  assert.doesNotMatch(report, /A question that was hidden/);
  // Who was heard, unnamed: six people each answered the poll and three also asked (the
  // hidden question was still asked): 2, 2, 2, 1, 1, 1; the top fifth (two) made 4 of 9.
  assert.match(report, /6 of 6 people contributed; the most active fifth made 44 % of contributions\./);
  assert.match(report, /<p class="govuk-body hs-pre-line">We will:<\/p>\s*<ul class="govuk-list govuk-list--bullet"><li>pay people on the day<\/li><li>write back to everyone by March<\/li><\/ul>/);

  // The PDF: the same words, and tagged with headings, lists and tables.
  const res = await fetch(`${server.url}${path}/report.pdf`, { headers: { cookie: fac.cookieHeader() } });
  assert.equal(res.status, 200);
  const file = joinPath(mkdtempSync(joinPath(tmpdir(), 'hs-report-')), 'report.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.match(info, /^Tagged:\s+yes$/m);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.match(text, /The library\s+1\s+17%/);
  assert.match(text, /The harbour hall\s+5\s+83%/);
  assert.match(text, /How are people paid for their time\?\s+Not named\s+3/);
  assert.doesNotMatch(text, /Osei|A question that was hidden/);
  assert.match(text.replace(/\s+/g, ' '), /6 of 6 people contributed; the most active fifth made 44 % of contributions/);
  const struct = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
  for (const tag of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'LBody', 'Table', 'TR', 'TH', 'TD']) {
    assert.match(struct, new RegExp(`^\\s*${tag}\\b`, 'm'), `the PDF has ${tag}`);
  }
  // Reading order: the list's items in order, inside the list.
  const list = struct.indexOf('pay people on the day'), after = struct.indexOf('write back to everyone by March');
  assert.ok(list > 0 && after > list, struct.slice(0, 2000));
  assert.ok(struct.indexOf('Poll: Where should we meet next?') < struct.indexOf('Questions: Questions for the panel'));
});
