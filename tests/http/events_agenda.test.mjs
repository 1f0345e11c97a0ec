// Events, ahead of and on the day: members register (and cancel) from the event's page
// and get an email with the date and a calendar file; facilitators see who is coming;
// facilitators change, reorder and remove agenda items and move the event on with
// "next part"; each event groups its word clouds' words in its own language; and the
// word cloud downloads as a PNG picture as well as SVG.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { startServer, cli, Client, linksIn, signedIn, PASSWORD, eventInSpace, addItem, participant as joinAs } from './harness.mjs';

let server;

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const person = (name, options) => signedIn(server, name, options);

const setUp = (fields = {}) => eventInSpace(server, fields);
const participant = (code, nickname = '') => joinAs(server, code, nickname);

const agendaTitles = (html) => [...html.matchAll(/<h3 class="hs-card__title">([^<]+)<\/h3>/g)].map((m) => m[1]);
const currentTitle = (html) => (html.match(/<h2 class="govuk-heading-m" id="current-heading"[^>]*>([^<]+)<\/h2>/) || [])[1];

test('members register and cancel from the event page; the facilitator sees who is coming', async () => {
  const { fac, member, path, code, slug } = await setUp();

  // The member shares access needs on their profile (only facilitators of their spaces see them).
  await member.get('/account/profile');
  const saved = await member.post('/account/profile', {
    email: member.email, display_name: member.name, pronouns: '', access_needs: 'A seat near the door, and breaks',
  });
  assert.equal(saved.status, 303, saved.text.slice(0, 300));

  const page = await member.get(path);
  assert.equal(page.status, 200);
  assert.match(page.text, /Coming to this event\?/);
  // Dates in words, as people read them, on the event and in the space's list of events.
  assert.match((await member.get(`/spaces/${slug}/events`)).text, /4 March 2031, 10:00<\/time> – <time datetime="2031-03-04T15:30Z">4 March 2031, 15:30/);
  assert.match(page.text, /4 March 2031, 10:00<\/time> to <time datetime="2031-03-04T15:30Z">4 March 2031, 15:30/);
  const before = server.outbox().length;
  const reg = await member.post(`${path}/registration`);
  assert.equal(reg.status, 303);
  const after = await member.follow(reg);
  assert.match(after.text, /You are registered\. Check your email/);
  assert.match(after.text, /Cancel my registration/);

  // The confirmation email: the date, the event's page and its .ics file.
  const mail = server.lastEmailTo(member.email);
  assert.ok(mail, 'a confirmation email was sent');
  assert.equal(server.outbox().length, before + 1);
  assert.match(mail, /Subject: You are registered for Carers learning day/);
  assert.match(mail, /When: 2031-03-04 10:00 to 2031-03-04 15:30 \(UTC\)/);
  const links = linksIn(mail);
  const ics = links.find((l) => l.endsWith(`${path}/event.ics`));
  assert.ok(ics, `an .ics link in ${links}`);
  assert.ok(links.some((l) => l.endsWith(path)));
  const cal = await member.get(new URL(ics).pathname);
  assert.equal(cal.status, 200);
  assert.match(cal.text, /DTSTART:20310304T100000Z/);

  // Registering twice is once: no second email, still one registration.
  assert.equal((await member.post(`${path}/registration`)).status, 303);
  assert.equal(server.outbox().length, before + 1);

  // The facilitator sees the name and, as the profile page promises, the access needs.
  let run = await fac.get(`${path}/run`);
  assert.match(run.text, /id="registered-count">1 registered</);
  assert.match(run.text, /<ul class="govuk-list" id="registered-names">\s*<li>Dov Abernethy<p[^>]*><span[^>]*>Access needs:<\/span> A seat near the door, and breaks<\/p><\/li>/);
  // The facilitator registers too; people are listed by name.
  await fac.get(path);
  assert.equal((await fac.post(`${path}/registration`)).status, 303);
  run = await fac.get(`${path}/run`);
  assert.match(run.text, /id="registered-count">2 registered</);
  const names = (html) => [...(html.match(/id="registered-names">([\s\S]*?)<\/ul>/) || ['', ''])[1]
    .matchAll(/<li>([^<]+)/g)].map((m) => m[1]);
  assert.deepEqual(names(run.text), ['Dov Abernethy', 'Saoirse Lindqvist']);
  assert.doesNotMatch(run.text, /<li>Saoirse Lindqvist<p/, 'no access needs given, none shown');

  // A member cannot see who registered; someone who joined with the code cannot register.
  assert.equal((await member.get(`${path}/run`)).status, 403);
  const guest = await participant(code, 'Pip');
  const guestPage = await guest.get(path);
  assert.doesNotMatch(guestPage.text, /Coming to this event\?/);
  const denied = await guest.post(`${path}/registration`);
  assert.equal(denied.status, 303);
  assert.match(denied.location, /^\/signin/);
  // Someone signed in but not in the space: not found.
  const outsider = await person('Tobiah Fenwick');
  await outsider.get('/');
  assert.equal((await outsider.post(`${path}/registration`)).status, 404);

  // Cancelling takes the name off the list.
  await member.get(path);
  const cancel = await member.post(`${path}/registration/cancel`);
  assert.equal(cancel.status, 303);
  const cancelled = await member.follow(cancel);
  assert.match(cancelled.text, /Your registration is cancelled/);
  assert.match(cancelled.text, /Register for this event/);
  run = await fac.get(`${path}/run`);
  assert.match(run.text, /id="registered-count">1 registered</);
  assert.deepEqual(names(run.text), ['Saoirse Lindqvist']);

  // On the day a registered member takes part as themselves, with no code.
  await member.post(`${path}/registration`);
  const qa = await addItem(fac, path, { kind: 'qa', title: 'Questions for the panel' });
  assert.equal((await fac.post(`${path}/items/${qa}/do/open`)).status, 303);
  await member.get(path);
  assert.equal((await member.post(`${path}/items/${qa}/questions`, { question: 'How do we claim travel costs?' })).status, 303);
  const seen = await guest.get(`${path}?seen=${qa}`);
  assert.match(seen.text, /How do we claim travel costs\?[\s\S]*?Asked by Dov Abernethy/);
  // The run page says how many joined on the day, not only who registered: guests never register.
  assert.match((await fac.get(`${path}/run`)).text, /id="joined-count">2 people have joined on the day, with the code or signed in\.</);

  // Their registration is in "download my data".
  const data = await member.get('/account/data.json');
  assert.equal(data.status, 200);
  const events = JSON.parse(data.text).events;
  assert.equal(events.registrations.length, 1);
  assert.equal(events.registrations[0].event, 'Carers learning day');

  // Once the day has begun the box is gone for someone registered: they are here. After the
  // event it says registration has closed.
  const iso = (ms) => new Date(ms).toISOString().slice(0, 16);
  const edit = (starts, ends) => fac.post(`${path}/edit`, { title: 'Carers learning day', description: '', starts, ends, language: 'en' });
  assert.equal((await edit(iso(Date.now() - 3600e3), iso(Date.now() + 3600e3))).status, 303);
  const during = (await member.get(path)).text;
  assert.doesNotMatch(during, /id="registration"/, 'no registration box during the event for someone registered');
  // Someone not registered can still register on the day, below what is happening now.
  assert.equal((await member.post(`${path}/registration/cancel`)).status, 303);
  const unregistered = (await member.get(path)).text;
  assert.match(unregistered, /id="current"[\s\S]*id="floor-area"[\s\S]*id="registration"/, 'the box comes after what is happening now');
  assert.equal((await member.post(`${path}/registration`)).status, 303);
  assert.equal((await edit(iso(Date.now() - 7200e3), iso(Date.now() - 3600e3))).status, 303);
  assert.match((await member.get(path)).text, /This event has finished, so registration has closed\./);
  void slug;
});

test('facilitators change, reorder and remove agenda items; people see the changes', async () => {
  const { fac, member, path, code } = await setUp();
  const talk = await addItem(fac, path, { kind: 'talk', title: 'Welcome', speakers: 'Ilse Marchetti | carer for 12 years' });
  const poll = await addItem(fac, path, { kind: 'poll', title: 'Which day suits you?', options: 'Monday\nFriday' });
  const cloud = await addItem(fac, path, { kind: 'cloud', title: 'One word for support' });
  assert.deepEqual(agendaTitles((await fac.get(`${path}/run`)).text), ['Welcome', 'Which day suits you?', 'One word for support']);

  // Edit a talk: the form holds what is there; a mistake comes back with what was typed.
  const form = await fac.get(`${path}/items/${talk}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.text, /value="Welcome"/);
  assert.match(form.text, /Ilse Marchetti \| carer for 12 years<\/textarea>/);
  const bad = await fac.post(`${path}/items/${talk}/edit`, {
    title: '', summary: 'Why we are here', speakers: 'Ilse Marchetti', key_messages: '', content_note: '',
  });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /href="#title"/);
  assert.match(bad.text, /Why we are here<\/textarea>/);
  const ok = await fac.post(`${path}/items/${talk}/edit`, {
    title: 'Welcome and why we are here', summary: 'Why we are here', speakers: 'Ilse Marchetti', key_messages: '',
    content_note: 'Mentions caring for someone at the end of life',
  });
  assert.equal(ok.status, 303);
  assert.match((await fac.follow(ok)).text, /Saved\. People following the event see the change\./);

  // Participants see the change, content note first.
  assert.equal((await fac.post(`${path}/items/${talk}/do/current`)).status, 303);
  const guest = await participant(code, 'Ro');
  const seen = await guest.get(path);
  assert.equal(currentTitle(seen.text), 'Welcome and why we are here');
  assert.match(seen.text, /Mentions caring for someone at the end of life/);

  // Reorder with buttons: the word cloud moves up twice to the top.
  assert.equal((await fac.post(`${path}/items/${cloud}/move/up`)).status, 303);
  assert.equal((await fac.post(`${path}/items/${cloud}/move/up`)).status, 303);
  let run = await fac.get(`${path}/run`);
  assert.deepEqual(agendaTitles(run.text), ['One word for support', 'Welcome and why we are here', 'Which day suits you?']);
  const first = run.text.match(new RegExp(`<li class="hs-card" id="item-${cloud}">[\\s\\S]*?</li>`))[0];
  assert.doesNotMatch(first, /Move up/, 'the first item has no "move up"');
  assert.match(first, /Move down<span class="govuk-visually-hidden"> One word for support/);
  assert.equal((await fac.post(`${path}/items/${cloud}/move/up`)).status, 409, 'already first');
  assert.equal((await fac.post(`${path}/items/${poll}/move/down`)).status, 409, 'already last');
  assert.equal((await fac.post(`${path}/items/${poll}/move/sideways`)).status, 404);

  // A poll's answers can change until someone votes; then they are locked.
  assert.equal((await fac.post(`${path}/items/${poll}/edit`, { title: 'Which day suits you?', options: 'Monday\nWednesday\nFriday', multiple: 'yes' })).status, 303);
  assert.equal((await fac.post(`${path}/items/${poll}/do/open`)).status, 303);
  let pollPage = await guest.get(path);
  const opts = [...pollPage.text.matchAll(/<label class="govuk-label govuk-checkboxes__label" for="choice-(\d+)">([^<]+)</g)].map((m) => m[2]);
  assert.deepEqual(opts, ['Monday', 'Wednesday', 'Friday'], 'the new answers, as checkboxes (more than one allowed)');
  const choice = pollPage.text.match(/name="choice" type="checkbox" value="(\d+)"/)[1];
  assert.equal((await guest.post(`${path}/items/${poll}/vote`, { choice })).status, 303);
  const locked = await fac.post(`${path}/items/${poll}/edit`, { title: 'Which day suits you?', options: 'Tuesday\nThursday' });
  assert.equal(locked.status, 409);
  assert.match(locked.text, /People have voted, so the answers cannot change now/);
  assert.match(locked.text, /href="#options"/);
  const retitled = await fac.post(`${path}/items/${poll}/edit`, { title: 'Which day suits you best?', options: 'Monday\nWednesday\nFriday', multiple: 'yes' });
  assert.equal(retitled.status, 303, 'other fields still change');
  pollPage = await guest.get(path);
  assert.equal(currentTitle(pollPage.text), 'Which day suits you best?');

  // Removing: refused once people have answered (their answers stay), allowed before.
  const pollForm = await fac.get(`${path}/items/${poll}/edit`);
  assert.doesNotMatch(pollForm.text, /action="[^"]+\/remove"/);
  assert.match(pollForm.text, /People have answered this part, so it stays in the agenda/);
  const refused = await fac.post(`${path}/items/${poll}/remove`);
  assert.equal(refused.status, 409);
  assert.match(refused.text, /href="#remove"/);
  assert.match(refused.text, /value="Which day suits you best\?"/, 'the form still holds the item as it is');
  assert.match(refused.text, /Monday\nWednesday\nFriday\n<\/textarea>/);
  const talkForm = await fac.get(`${path}/items/${talk}/edit`);
  assert.match(talkForm.text, /Nobody has answered it yet, so no answers are lost/);
  const removed = await fac.post(`${path}/items/${talk}/remove`);
  assert.equal(removed.status, 303);
  run = await fac.follow(removed);
  assert.match(run.text, /Removed from the agenda\./);
  assert.deepEqual(agendaTitles(run.text), ['One word for support', 'Which day suits you best?']);
  assert.equal((await fac.get(`${path}/items/${talk}/edit`)).status, 404);

  // Only those who run the event change it.
  for (const [method, url] of [['get', `${path}/items/${poll}/edit`], ['post', `${path}/items/${poll}/edit`],
    ['post', `${path}/items/${cloud}/move/down`], ['post', `${path}/items/${cloud}/remove`], ['post', `${path}/next`],
    ['get', `${path}/edit`], ['post', `${path}/edit`]]) {
    await member.get(path);
    const r = method === 'get' ? await member.get(url) : await member.post(url, { title: 'Taken over' });
    assert.equal(r.status, 403, `${method} ${url}`);
  }
  const stillPoll = await guest.get(path);
  assert.equal(currentTitle(stillPoll.text), 'Which day suits you best?');
  assert.equal((await guest.post(`${path}/items/${cloud}/remove`)).status, 403);
});

test('"next part" closes the open activity, shows the next one everywhere, and stops at the end', async () => {
  const { fac, path, code } = await setUp();
  const cloud = await addItem(fac, path, { kind: 'cloud', title: 'What does co-production mean to you?' });
  const talk = await addItem(fac, path, { kind: 'talk', title: 'Lived experience in commissioning' });
  const qa = await addItem(fac, path, { kind: 'qa', title: 'Your questions' });

  let run = await fac.get(`${path}/run`);
  assert.match(run.text, /Shows &quot;What does co-production mean to you\?&quot; to everyone/, 'nothing on yet: next is the first part');
  assert.equal((await fac.post(`${path}/next`)).status, 303);
  assert.equal((await fac.post(`${path}/items/${cloud}/do/open`)).status, 303);
  const guest = await participant(code);
  await guest.get(path);
  assert.equal((await guest.post(`${path}/items/${cloud}/words`, { entry: 'sharing power' })).status, 303);

  // Someone watching live hears about the change without reloading.
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}/live`, {
    headers: { origin: server.origin, cookie: guest.cookieHeader() },
  });
  const messages = [];
  ws.on('message', (m) => messages.push(JSON.parse(String(m))));
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });

  run = await fac.get(`${path}/run`);
  assert.match(run.text, /Closes &quot;What does co-production mean to you\?&quot; \(its answers are kept\) and shows &quot;Lived experience in commissioning&quot;/);
  const next = await fac.post(`${path}/next`);
  assert.equal(next.status, 303);
  assert.match((await fac.follow(next)).text, /Everyone now sees the next part\./);

  const deadline = Date.now() + 5000;
  while (!messages.some((m) => m.current && String(m.current.id) === talk) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  ws.close();
  const snap = messages.find((m) => m.current && String(m.current.id) === talk);
  assert.ok(snap, `a snapshot with the talk on: ${JSON.stringify(messages).slice(0, 500)}`);
  assert.equal(snap.current.title, 'Lived experience in commissioning');

  // The word cloud closed with its entry kept; the participant page shows the talk.
  const page = await guest.get(path);
  assert.equal(currentTitle(page.text), 'Lived experience in commissioning');
  run = await fac.get(`${path}/run`);
  const cloudCard = run.text.match(new RegExp(`<li class="hs-card" id="item-${cloud}">[\\s\\S]*?</li>`))[0];
  assert.match(cloudCard, /Closed/);
  const svg = await guest.get(`${path}/items/${cloud}/cloud.svg`);
  assert.match(svg.text, /sharing power/);

  // A talk is not "closed" by moving on; the last part has no next.
  assert.equal((await fac.post(`${path}/next`)).status, 303);
  run = await fac.get(`${path}/run`);
  assert.match(run.text, /id="at-end">This is the last part of the agenda\./);
  assert.doesNotMatch(run.text, /action="[^"]+\/next"/);
  assert.equal(currentTitle((await guest.get(path)).text), 'Your questions');
  const end = await fac.post(`${path}/next`);
  assert.equal(end.status, 409);
  assert.match(end.text, /This is the last part of the agenda\./);
  void qa;
});

test('the event\'s language groups word-cloud words, chosen when creating and when editing', async () => {
  const { fac, path, code, slug } = await setUp({ language: 'fr' });
  let run = await fac.get(`${path}/run`);
  assert.match(run.text, /id="event-language">French \(Français\)</);

  // The form lists the Snowball languages, with English chosen by default.
  const index = await fac.get(`/spaces/${slug}/events`);
  const offered = [...index.text.matchAll(/<option value="([a-z]+)"( selected)?>/g)];
  assert.ok(offered.length >= 25, `${offered.length} languages`);
  assert.deepEqual(offered.filter((m) => m[2]).map((m) => m[1]), ['en']);
  assert.ok(offered.some((m) => m[1] === 'de') && offered.some((m) => m[1] === 'es'));
  const unknown = await fac.post(`/spaces/${slug}/events`, {
    title: 'Another day', description: '', starts: '2031-03-04T10:00', ends: '2031-03-04T12:00', language: 'klingon',
  });
  assert.equal(unknown.status, 422);
  assert.match(unknown.text, /href="#language"/);
  assert.match(unknown.text, /Choose a language from the list/);

  // French stems: "écoute" and "écouter" count together.
  const cloud = await addItem(fac, path, { kind: 'cloud', title: 'Un mot' });
  assert.equal((await fac.post(`${path}/items/${cloud}/do/open`)).status, 303);
  const a = await participant(code);
  const b = await participant(code);
  for (const [who, word] of [[a, 'écoute'], [b, 'écouter']]) {
    await who.get(path);
    assert.equal((await who.post(`${path}/items/${cloud}/words`, { entry: word })).status, 303);
  }
  const rows = (html) => [...html.matchAll(/<tr class="govuk-table__row"><td class="govuk-table__cell">([^<]+)<\/td><td class="govuk-table__cell govuk-table__cell--numeric">(\d+)<\/td>/g)]
    .map((m) => [m[1], Number(m[2])]);
  let page = await a.get(path);
  assert.equal(rows(page.text).length, 1, JSON.stringify(rows(page.text)));
  assert.equal(rows(page.text)[0][1], 2);

  // Edited to English, the same words no longer group.
  const form = await fac.get(`${path}/edit`);
  assert.match(form.text, /<option value="fr" selected>French/);
  assert.match(form.text, /value="2031-03-04T10:00"/);
  const badEdit = await fac.post(`${path}/edit`, { title: 'Carers learning day', description: '', starts: '2031-03-04T10:00', ends: '2031-03-04T09:00', language: 'en' });
  assert.equal(badEdit.status, 422);
  assert.match(badEdit.text, /href="#ends"/);
  assert.match(badEdit.text, /<option value="en" selected>English/, 'what was chosen is kept');
  const edited = await fac.post(`${path}/edit`, { title: 'Carers learning day (moved)', description: '', starts: '2031-03-05T10:00', ends: '2031-03-05T12:00', language: 'en' });
  assert.equal(edited.status, 303);
  run = await fac.follow(edited);
  assert.match(run.text, /The event(&apos;|&#39;|')s details are saved\./);
  assert.match(run.text, /id="event-language">English</);
  page = await a.get(path);
  assert.match(page.text, /Carers learning day \(moved\)/);
  assert.deepEqual(rows(page.text).map((r) => r[1]), [1, 1]);
});

test('the word cloud downloads as a PNG picture beside the SVG', async () => {
  const { fac, path, code } = await setUp();
  const cloud = await addItem(fac, path, { kind: 'cloud', title: 'One word for support' });
  assert.equal((await fac.post(`${path}/items/${cloud}/do/open`)).status, 303);
  const p = await participant(code);
  await p.get(path);
  for (const w of ['listening', 'time', 'trust']) assert.equal((await p.post(`${path}/items/${cloud}/words`, { entry: w })).status, 303);
  const page = await p.get(path);
  assert.match(page.text, new RegExp(`href="${path}/items/${cloud}/cloud.png" download>Download the word cloud \\(PNG picture\\)`));
  assert.match((await fac.get(`${path}/run`)).text, /cloud\.png" download>/);
  assert.match((await fac.get(`${path}/present`)).text, /cloud\.png" download>/);

  const res = await fetch(`${server.url}${path}/items/${cloud}/cloud.png`, { headers: { cookie: p.cookieHeader() } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  assert.match(res.headers.get('content-disposition'), /attachment; filename="word-cloud.png"/);
  const png = Buffer.from(await res.arrayBuffer());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
  assert.equal(png.readUInt32BE(16), 1920, 'twice the 960 px layout');
  assert.equal(png.readUInt32BE(20), 1080);
  assert.ok(png.length > 5000, `${png.length} bytes: words are drawn`);

  // As private as the SVG: nobody without the code gets it; no PNG for a non-cloud item.
  assert.equal((await new Client(server).get(`${path}/items/${cloud}/cloud.png`)).status, 404);
  const talk = await addItem(fac, path, { kind: 'talk', title: 'Thanks' });
  assert.equal((await p.get(`${path}/items/${talk}/cloud.png`)).status, 404);
});
