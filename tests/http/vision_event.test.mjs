// A Three Horizons board as an event's agenda item (issue 16): a facilitator adds the item,
// opens it from the run page and moves its stages; people who joined with the code (no
// account) add notes, named or anonymous, and dots from the event's page, by forms that
// post and come back; the event's live channel carries the board's version; a closed item
// takes no notes; guests cannot facilitate; a hidden note leaves the picture and the event
// report (page and PDF). Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { startServer, cli, signedIn, Client, eventInSpace } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const decode = (html) => html.replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

async function setUp() {
  const steward = await signedIn(server, 'Perpetua Lindqvist', { steward: true });
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: `Riverbend Forum ${Math.random().toString(36).slice(2, 6)}`, slug: '', kind: 'forum',
    purpose: 'People affected by gambling harm.', visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(made.status, 303);
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  const fac = await signedIn(server, `Farah Okonjo ${Math.random().toString(36).slice(2, 6)}`);
  cli(server, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);
  await fac.get(`/spaces/${slug}/events/new`);
  const ev = await fac.post(`/spaces/${slug}/events`, { title: 'Gambling harm futures day', description: 'A shared vision.', starts: '2030-06-01T10:00', ends: '2030-06-01T15:00' });
  assert.equal(ev.status, 303, ev.text.slice(0, 300));
  const path = ev.location.replace(/\/run$/, '');
  const code = (await fac.get(`${path}/run`)).text.match(/id="join-code">([A-Z0-9]+)</)[1];
  return { fac, slug, path, code };
}

async function join(code, nickname) {
  const p = new Client(server);
  await p.get('/join');
  const res = await p.post('/join', { code, nickname });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  return p;
}

test('a board on the agenda: guests add notes and dots from their phones, the facilitator runs it, hidden notes leave the picture and the report', async () => {
  const { fac, path, code } = await setUp();
  const form = await fac.get(`${path}/items/new?kind=horizons`);
  assert.equal(form.status, 200);
  assert.match(form.text, /What the board is about/);
  const made = await fac.post(`${path}/items`, { kind: 'horizons', from: 'new', title: 'Reducing gambling harm in Riverbend' });
  assert.equal(made.status, 303, made.text.slice(0, 400));
  const run = await fac.get(`${path}/run`);
  const item = run.text.match(/id="item-(\d+)"/)[1];
  const board = `${path}/items/${item}/board`;
  assert.match(run.text, new RegExp(`href="${board}"`), 'the run page links to the board');

  const names = ['Wren', 'Osei', 'Yusra', 'Piran', 'Ingeborg', 'Calloway'];
  const people = [];
  for (const n of names) people.push(await join(code, n));

  // Before the item is open, nobody adds notes.
  const closedPage = await people[0].get(board);
  assert.equal(closedPage.status, 200);
  assert.match(closedPage.text, /not open now/);
  assert.doesNotMatch(closedPage.text, /name="text"/);
  const early = await people[0].post(`${board}/notes`, { text: 'Too early' });
  assert.equal(early.status, 409);
  assert.match(early.text, /not open/);

  assert.equal((await fac.post(`${path}/items/${item}/do/open`)).status, 303);
  const eventPage = await people[0].get(path);
  assert.match(eventPage.text, new RegExp(`href="${board}"`), 'the event page leads to the board');

  const state0 = JSON.parse((await people[0].get(`${path}/state.json`)).text);
  const v0 = state0.vision[item];
  assert.match(v0, /^\d+:h1$/);

  const addNote = async (p, text, anonymous = false) => {
    const page = await p.get(board);
    assert.match(page.text, /name="text"/);
    assert.match(page.text, /does not change by itself/, 'without JavaScript the page says so');
    const res = await p.post(`${board}/notes`, anonymous ? { text, anonymous: 'yes' } : { text });
    assert.equal(res.status, 303, res.text.slice(0, 400));
    return Number(res.location.match(/#note-(\d+)$/)[1]);
  };
  await addNote(people[0], 'Adverts for betting are everywhere');
  const secret = await addNote(people[1], 'I lost my flat to debt', true);
  const rude = await addNote(people[2], 'Something unkind about a named person');
  const v1 = JSON.parse((await people[0].get(`${path}/state.json`)).text).vision[item];
  assert.notEqual(v1, v0, 'the live channel carries the change');

  // Guests cannot facilitate.
  await people[0].get(board);
  assert.equal((await people[0].post(`${board}/stage`, { to: 'h3' })).status, 403);
  // The facilitator hides a note; nobody sees who wrote the anonymous one.
  await fac.get(board);
  assert.equal((await fac.post(`${board}/notes/${rude}/hide`, { reason: 'Names a person' })).status, 303);
  const facPage = decode((await fac.get(board)).text);
  assert.match(facPage, /I lost my flat to debt <span[^>]*>\(anonymous\)/);
  assert.doesNotMatch(facPage, /Osei/);
  assert.match(facPage, /Adverts for betting are everywhere <span[^>]*>\(Wren\)/);

  const stage = async (to) => {
    await fac.get(board);
    const res = await fac.post(`${board}/stage`, { to });
    assert.equal(res.status, 303, res.text.slice(0, 300));
  };
  await stage('h3');
  await addNote(people[3], 'Nobody is ashamed to ask for help');
  await stage('h2');
  const idea = await addNote(people[4], 'Peer support in every GP surgery');
  const prop = await addNote(people[5], 'More self-exclusion posters');
  await stage('sort');
  await fac.get(board);
  assert.equal((await fac.post(`${board}/notes/${idea}/move`, { to: 'h2_plus' })).status, 303);
  assert.equal((await fac.post(`${board}/notes/${prop}/move`, { to: 'h2_minus' })).status, 303);
  await stage('vote');
  for (const p of people.slice(0, 4)) {
    await p.get(board);
    assert.equal((await p.post(`${board}/notes/${idea}/dot`, { do: 'add' })).status, 303);
  }
  await stage('done');

  // The picture: every shown note, never the hidden one.
  const svg = decode((await people[0].get(`${board}/picture.svg`)).text);
  assert.match(svg, /Adverts for betting/);
  assert.match(svg, /Peer support in every GP/);
  assert.doesNotMatch(svg, /Something unkind/);
  const png = await fetch(`${server.url}${board}/picture.png`, { headers: { cookie: fac.cookieHeader() } });
  assert.equal(png.status, 200);
  const bytes = Buffer.from(await png.arrayBuffer());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  assert.ok(bytes.length > 10000, `a real picture (${bytes.length} bytes)`);
  assert.ok(secret > 0);

  // The event report: the picture and the lists, every shown note, never the hidden one.
  const reportPage = (await fac.get(`${path}/report`)).text;
  const report = decode(reportPage);
  assert.match(report, /Three Horizons: Reducing gambling harm in Riverbend/);
  const src = reportPage.match(/<img src="([^"]+)" alt="The three-curves picture[^"]*" class="hs-picture"/);
  assert.ok(src, 'the report holds the picture');
  const pictured = decode((await fac.get(src[1])).text);
  assert.match(pictured, /Peer support in every GP/);
  assert.doesNotMatch(pictured, /Something unkind/);
  assert.match(report, /The most voted ideas \(H2\+\)<\/p>\s*<ol[^>]*><li>Peer support in every GP surgery \(4 dots\)<\/li><\/ol>/);
  for (const note of ['Adverts for betting are everywhere', 'I lost my flat to debt', 'Nobody is ashamed to ask for help', 'More self-exclusion posters'])
    assert.match(report, new RegExp(`<li>${note}`), note);
  assert.doesNotMatch(report, /Something unkind/);
  assert.doesNotMatch(report, /Osei/);

  const res = await fetch(`${server.url}${path}/report.pdf`, { headers: { cookie: fac.cookieHeader() } });
  assert.equal(res.status, 200);
  const file = joinPath(mkdtempSync(joinPath(tmpdir(), 'hs-vision-report-')), 'report.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /Three Horizons: Reducing gambling harm in Riverbend/);
  assert.match(text, /Peer support in every GP surgery \(4 dots\)/);
  assert.match(text, /Adverts for betting are everywhere/);
  assert.doesNotMatch(text, /Something unkind/);
  const struct = execFileSync('pdfinfo', ['-struct-text', file], { encoding: 'utf8' });
  assert.match(struct, /^\s*Figure\b/m, 'the picture is a tagged figure');
});

test('a member who takes part signed in finds their event notes, statements and answers in "download my data"', async () => {
  const { fac, member, path } = await eventInSpace(server);
  for (const [kind, title] of [['horizons', 'Futures of the carers forum'], ['opinions', 'What should the forum change?']])
    assert.equal((await fac.post(`${path}/items`, { kind, from: 'new', title })).status, 303);
  const [boardItem, mapItem] = [...(await fac.get(`${path}/run`)).text.matchAll(/id="item-(\d+)"/g)].map((m) => m[1]);
  const board = `${path}/items/${boardItem}/board`, map = `${path}/items/${mapItem}/map`;
  assert.equal((await fac.post(`${path}/items/${boardItem}/do/open`)).status, 303);
  await member.get(board);
  assert.equal((await member.post(`${board}/notes`, { text: 'Meetings in the evening so carers can come' })).status, 303);
  await member.get(board);
  assert.equal((await member.post(`${board}/notes`, { text: 'Nobody asks us until it is too late', anonymous: 'yes' })).status, 303);
  assert.equal((await fac.post(`${path}/items/${mapItem}/do/open`)).status, 303);
  await member.get(map);
  assert.equal((await member.post(`${map}/statements`, { text: 'Carers should be paid for their time at meetings' })).status, 303);
  const statement = (await member.get(map)).text.match(/name="statement" value="(\d+)"/)[1];
  assert.equal((await member.post(`${map}/answer`, { statement, vote: 'agree' })).status, 303);

  const data = JSON.parse((await member.get('/account/data.json')).text);
  const mine = data.vision_at_events;
  assert.deepEqual(mine.named_notes.map((n) => n.words), ['Meetings in the evening so carers can come'], 'the named note only');
  assert.equal(mine.named_notes[0].board, 'Futures of the carers forum');
  assert.equal(mine.named_notes[0].event, path);
  assert.deepEqual(mine.opinion_statements, ['Carers should be paid for their time at meetings']);
  assert.equal(mine.opinion_answers, 1);
  assert.equal(mine.dots_placed, 0);
  // The facilitator's own download holds none of it.
  const theirs = JSON.parse((await fac.get('/account/data.json')).text).vision_at_events;
  assert.deepEqual([theirs.named_notes.length, theirs.opinion_statements.length, theirs.opinion_answers], [0, 0, 0]);
});
