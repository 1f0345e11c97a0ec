// The event on the day, finished: the facilitator shows one question large on the
// presenter (live through the event's channel, and after a reload without JavaScript);
// a space keeps a default for where people can find support, which a new event starts
// from; the run page starts adding a part by asking its kind; a round that ends by
// itself ends on time even when nobody asks for a page; someone who arrives late is
// offered a group.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import WebSocket from 'ws';
import { startServer, cli, Client, signedIn, eventInSpace, addItem, participant as joinAs } from './harness.mjs';

let server;

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const person = (name, options) => signedIn(server, name, options);

const setUp = (fields = {}) => eventInSpace(server, fields);
const participant = (code, nickname = '') => joinAs(server, code, nickname);

// Runs SQL on the server's database (to move a round's end into the past).
function sql(text) {
  if (server.db.startsWith('sqlite:')) execFileSync('sqlite3', ['-cmd', '.timeout 5000', server.db.slice(7)], { input: text });
  else execFileSync('psql', [server.db, '-q', '-f', '-'], { input: text });
}

// Listens on the event's channel as this client; `until(pred, ms)` waits for a snapshot.
async function listen(client, path) {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}/live`, { headers: { cookie: client.cookieHeader(), origin: server.origin } });
  const messages = [];
  ws.on('message', (m) => messages.push(JSON.parse(String(m))));
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  const until = async (pred, ms = 1000) => {
    const start = Date.now();
    const deadline = start + ms;
    const from = messages.length;
    while (Date.now() < deadline) {
      const hit = messages.slice(from).find(pred);
      if (hit) return { hit, ms: Date.now() - start };
      await new Promise((r) => setTimeout(r, 20));
    }
    return { hit: null, ms };
  };
  return { ws, messages, until };
}

const shownOnPresenter = (html) => {
  const m = html.match(/<figure class="hs-stage__shown" id="shown-question">\s*<blockquote[^>]*>([^<]*)</);
  return m ? m[1] : null;
};

test('the facilitator shows one question large on the presenter; another replaces it; "Stop showing" clears it', async () => {
  const { fac, path, code } = await setUp();
  const qaItem = await addItem(fac, path, { kind: 'qa', title: 'Your questions' });
  assert.equal((await fac.post(`${path}/items/${qaItem}/do/open`)).status, 303);
  const ana = await participant(code, 'Ana');
  const ben = await participant(code, 'Ben');
  assert.equal((await ana.post(`${path}/items/${qaItem}/questions`, { question: 'Who pays for travel?' })).status, 303);
  assert.equal((await ben.post(`${path}/items/${qaItem}/questions`, { question: 'Where do the notes go?' })).status, 303);
  const ids = [...(await fac.get(`${path}/run`)).text.matchAll(/id="q-(\d+)"/g)].map((m) => m[1]);
  assert.equal(ids.length, 2);
  // Ben's question gets a vote: most votes first, on the run page and the presenter.
  assert.equal((await ana.post(`${path}/items/${qaItem}/questions/${ids[1]}`)).status, 303);
  let run = await fac.get(`${path}/run`);
  const [travel, notes] = [
    run.text.match(/id="q-(\d+)">\s*<p class="govuk-body hs-pre">Who pays/)[1],
    run.text.match(/id="q-(\d+)">\s*<p class="govuk-body hs-pre">Where do/)[1],
  ];
  assert.ok(run.text.indexOf(`id="q-${notes}"`) < run.text.indexOf(`id="q-${travel}"`), 'most votes first');
  assert.match(run.text, new RegExp(`action="${path}/items/${qaItem}/questions/${notes}/show"`));
  let present = await fac.get(`${path}/present`);
  assert.equal(shownOnPresenter(present.text), null, 'nothing is shown before the facilitator chooses');
  // The presenter offers the question with the most votes first (its key: Q).
  assert.match(present.text, new RegExp(`action="${path}/items/${qaItem}/questions/${notes}/show" id="present-question"`));

  // A participant may not show anything.
  assert.equal((await ana.post(`${path}/items/${qaItem}/questions/${notes}/show`)).status, 403);

  const screen = await listen(ana, path);
  const before = (await screen.until((m) => m.current, 3000)).hit;
  // From the run page: shown on the presenter, live within a second.
  const shown = await fac.post(`${path}/items/${qaItem}/questions/${notes}/show`);
  assert.equal(shown.status, 303);
  assert.equal(shown.location, `${path}/run#q-${notes}`);
  const arrived = await screen.until((m) => m.current && m.current.shown === Number(notes));
  assert.ok(arrived.hit, 'the shown question goes out on the event channel within a second');
  // Phones show nothing of it: their page's signature stays (no page fetch from 2,000
  // phones), and the presenter and run pages follow the staff signature.
  assert.equal(arrived.hit.sig, before.sig);
  assert.notEqual(arrived.hit.staff, before.staff);
  // After a reload (as a presenter without JavaScript does every few seconds).
  present = await fac.get(`${path}/present`);
  assert.equal(shownOnPresenter(present.text), 'Where do the notes go?');
  assert.match(present.text, /<figcaption[^>]*>1 vote<\/figcaption>/);
  assert.doesNotMatch(present.text, /id="questions"/, 'the one question alone, large');
  assert.match(present.text, new RegExp(`action="${path}/items/${qaItem}/questions/${notes}/unshow" id="present-unshow"`));
  // The next question by votes is offered next.
  assert.match(present.text, new RegExp(`action="${path}/items/${qaItem}/questions/${travel}/show" id="present-question"`));
  // After the last, round to the first.
  assert.equal((await fac.post(`${path}/items/${qaItem}/questions/${travel}/show`)).status, 303);
  assert.match((await fac.get(`${path}/present`)).text, new RegExp(`action="${path}/items/${qaItem}/questions/${notes}/show" id="present-question"`));
  assert.equal((await fac.post(`${path}/items/${qaItem}/questions/${notes}/show`)).status, 303);
  run = await fac.get(`${path}/run`);
  assert.match(run.text, new RegExp(`id="q-${notes}">[\\s\\S]*?On the screen now[\\s\\S]*?/questions/${notes}/unshow`));

  // From the presenter: another question replaces it.
  const other = await fac.post(`${path}/items/${qaItem}/questions/${travel}/show`, { return_to: 'present' });
  assert.equal(other.location, `${path}/present`);
  assert.ok((await screen.until((m) => m.current && m.current.shown === Number(travel))).hit);
  present = await fac.get(`${path}/present`);
  assert.equal(shownOnPresenter(present.text), 'Who pays for travel?');
  // A page drawn before that choice stops showing nothing new.
  assert.equal((await fac.post(`${path}/items/${qaItem}/questions/${notes}/unshow`)).status, 303);
  assert.equal(shownOnPresenter((await fac.get(`${path}/present`)).text), 'Who pays for travel?');
  // "Stop showing": back to the list, live.
  assert.equal((await fac.post(`${path}/items/${qaItem}/questions/${travel}/unshow`, { return_to: 'present' })).status, 303);
  assert.ok((await screen.until((m) => m.current && m.current.kind === 'qa' && m.current.shown === undefined)).hit);
  present = await fac.get(`${path}/present`);
  assert.equal(shownOnPresenter(present.text), null);
  assert.match(present.text, /id="questions"/);
  // An answered question sorts below the rest on the screen, and says it was answered.
  assert.equal((await fac.post(`${path}/items/${qaItem}/questions/${notes}/answered`)).status, 303);
  present = await fac.get(`${path}/present`);
  assert.match(present.text, new RegExp(`<li id="q-${notes}" class="hs-stage__answered"><span class="hs-stage__question">Where do the notes go\\? <span class="hs-stage__answered-tag">Answered</span>`));

  // Hiding a shown question takes it off the screen; a hidden one cannot be shown.
  assert.equal((await fac.post(`${path}/items/${qaItem}/questions/${travel}/show`)).status, 303);
  assert.equal((await fac.post(`${path}/items/${qaItem}/questions/${travel}/hide`)).status, 303);
  assert.equal(shownOnPresenter((await fac.get(`${path}/present`)).text), null);
  assert.equal((await fac.post(`${path}/items/${qaItem}/questions/${travel}/show`)).status, 404);
  screen.ws.close();
});

test('support is never empty: a space keeps what its events start from, and a new event starts from it', async () => {
  const { steward, fac, member, slug } = await setUp();
  // Before anyone sets it: the built-in UK helplines.
  let page = await fac.get(`/spaces/${slug}/event-support`);
  assert.equal(page.status, 200);
  assert.match(page.text, /<textarea[^>]*id="support_text"[^>]*>[^<]*Samaritans: call 116 123/);
  // Those who run events find it from the space's page; the steward from the settings too.
  assert.match((await fac.get(`/spaces/${slug}`)).text, new RegExp(`href="/spaces/${slug}/event-support"`));
  assert.match((await steward.get(`/spaces/${slug}/edit`)).text, new RegExp(`href="/spaces/${slug}/event-support"`));
  assert.doesNotMatch((await member.get(`/spaces/${slug}`)).text, /event-support/);
  assert.equal((await member.get(`/spaces/${slug}/event-support`)).status, 403);
  assert.equal((await member.post(`/spaces/${slug}/event-support`, { support_text: 'Nothing' })).status, 403);

  // Too long: said beside the field, what was typed kept.
  const long = 'x'.repeat(2001);
  const bad = await fac.post(`/spaces/${slug}/event-support`, { support_text: long });
  assert.equal(bad.status, 422, bad.text.slice(0, 300));
  assert.match(bad.text, /id="support_text-error"/);
  assert.ok(bad.text.includes(long));

  const own = 'Riverbend Gambling Support Line: call 0800 000 0000, free, 8am to 8pm.\n\nSamaritans: call 116 123, free, any time.';
  const saved = await fac.post(`/spaces/${slug}/event-support`, { support_text: own });
  assert.equal(saved.status, 303);
  assert.equal(saved.location, `/spaces/${slug}/event-support?notice=saved`);
  assert.match((await fac.get(saved.location)).text, /New events start from this text/);

  // Creating an event asks where people can find support, starting from the space's text.
  const form = await fac.get(`/spaces/${slug}/events`);
  assert.match(form.text, /<textarea[^>]*id="support_text"[^>]*>Riverbend Gambling Support Line/);
  assert.doesNotMatch(form.text.match(/<textarea[^>]*id="support_text"[^>]*>([^<]*)</)[1], /Shout/);
  // Left empty, the event gets the space's text, never nothing.
  const ev = await fac.post(`/spaces/${slug}/events`, {
    title: 'Gambling harm: what helps', description: '', starts: '2031-04-01T10:00', ends: '2031-04-01T12:00', support_text: '',
  });
  assert.equal(ev.status, 303);
  const path = ev.location.replace(/\/run$/, '');
  assert.match((await fac.get(`${path}/support`)).text, /Riverbend Gambling Support Line: call 0800 000 0000/);

  // Emptied: back to the built-in helplines.
  assert.equal((await steward.post(`/spaces/${slug}/event-support`, { support_text: '  ' })).status, 303);
  assert.match((await fac.get(`/spaces/${slug}/events`)).text, /<textarea[^>]*id="support_text"[^>]*>[^<]*Samaritans: call 116 123[^<]*Shout/);
});

// Every fill colour a PDF's pages set ("r g b rg"), as "#rrggbb".
function pdfFillColours(bytes) {
  const out = new Set();
  const text = bytes.toString('latin1');
  const re = /stream\r?\n/g;
  let m;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    let body = bytes.subarray(start, end);
    try { body = inflateSync(body); } catch { /* not compressed, or not a content stream */ }
    for (const c of body.toString('latin1').matchAll(/([\d.]+) ([\d.]+) ([\d.]+) rg/g))
      out.add('#' + [c[1], c[2], c[3]].map((v) => Math.round(Number(v) * 255).toString(16).padStart(2, '0')).join(''));
    re.lastIndex = end;
  }
  return out;
}

test('the word cloud in the PDF report is in the same calm palette as the page, each word its colour there', async () => {
  const { fac, path, code } = await setUp();
  const cloud = await addItem(fac, path, { kind: 'cloud', title: 'One word for what helps' });
  assert.equal((await fac.post(`${path}/items/${cloud}/do/open`)).status, 303);
  const words = ['trust', 'respect', 'listening', 'time', 'kindness', 'honesty'];
  for (let i = 0; i < words.length; i++) {
    const p = await participant(code, `P${i}`);
    assert.equal((await p.post(`${path}/items/${cloud}/words`, { entry: words[i] })).status, 303);
    if (i % 2 === 0) assert.equal((await p.post(`${path}/items/${cloud}/words`, { entry: 'trust' })).status, 303);
  }
  // The page's colours, word by word.
  const present = (await fac.get(`${path}/present`)).text;
  const onPage = new Set([...present.matchAll(/<text fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]));
  assert.ok(onPage.size >= 3, `the page uses several colours: ${[...onPage]}`);
  const res = await fetch(`${server.url}${path}/report.pdf`, { headers: { cookie: fac.cookieHeader() } });
  assert.equal(res.status, 200);
  const inPdf = pdfFillColours(Buffer.from(await res.arrayBuffer()));
  for (const c of onPage) assert.ok(inPdf.has(c), `the PDF draws words in ${c}, as the page does (PDF: ${[...inPdf]})`);
});

test('a round that ends by itself ends when its minute has passed, though nobody asks for a page then', async () => {
  const { fac, path, code } = await setUp();
  const ps = [];
  for (const n of ['Ines', 'Jago', 'Kemi', 'Lars']) ps.push(await participant(code, n));
  const added = await fac.post(`${path}/breakouts`, {
    prompts: 'What next?', min_size: '2', max_size: '2', duration: '5', content_note: '', mode: 'balanced', auto_end: 'yes',
  });
  assert.equal(added.status, 303, added.text.slice(0, 600));
  const roundPath = added.location.replace(/\?.*$/, '');
  const roundId = Number(roundPath.split('/').pop());
  assert.equal((await fac.post(`${roundPath}/do/start`, {})).status, 303);
  const phone = await listen(ps[0], path);
  await phone.until((m) => m.breakouts && m.breakouts.state === 'running', 3000);

  // Time is up and the minute that brings everyone back ends in about 2 seconds. One
  // change (a message to the groups) sends the round out again; then nobody does anything.
  sql(`UPDATE breakout_rounds SET ends_at = ${Math.floor(Date.now() / 1000) - 58} WHERE id = ${roundId}`);
  assert.equal((await fac.post(`${roundPath}/broadcast`, { message: 'Time to come back together.' })).status, 303);
  const warned = await phone.until((m) => m.breakouts && typeof m.breakouts.back_in === 'number' && m.breakouts.back_in <= 2, 3000);
  assert.ok(warned.hit, 'the countdown that brings everyone back goes out');
  const ended = await phone.until((m) => m.breakouts && m.breakouts.rounds && m.breakouts.rounds[roundId] === 'ended', 6000);
  assert.ok(ended.hit, 'the end of the round goes out on the event channel by itself');
  phone.ws.close();
  // Every page agrees.
  const page = await ps[1].get(roundPath);
  assert.match(page.text, /The round has ended\. Go back to the main event/);
  assert.doesNotMatch((await fac.get(roundPath)).text, /id="time-left"/);
});
