// Live learning events: a facilitator plans an event with a poll and questions; people
// join by code without accounts, vote, ask and upvote; step out quietly; the live
// channel sends snapshots; and acknowledged submissions survive a crash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import WebSocket from 'ws';
import { startServer, cli, Client, ENGINE, signedIn, PASSWORD } from './harness.mjs';

let server;

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const person = signedIn;  // (server, name, { steward })

let spaces = 0;
// A space with a facilitator, and an event in it with a poll and a Q&A item.
async function setUp(srv) {
  const steward = await person(srv, 'Ottoline Brack', { steward: true });
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: `Fernhill Recovery Network ${++spaces}`, slug: '', kind: 'network',
    purpose: 'People in recovery and the services around them, learning together.', visibility: 'listed',
    code_of_conduct: '# Be kind\n\nListen first.',
  });
  assert.equal(made.status, 303, made.text.slice(0, 300));
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  const fac = await person(srv, 'Marisol Teague');
  cli(srv, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);

  await fac.get(`/spaces/${slug}/events`);
  const bad = await fac.post(`/spaces/${slug}/events`, { title: '', description: '', starts: '2030-05-01T10:00', ends: '2030-05-01T09:00' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /href="#title"/);
  assert.match(bad.text, /href="#ends"/);
  const ev = await fac.post(`/spaces/${slug}/events`, {
    title: 'Learning together day', description: 'Talks, a poll and questions.',
    starts: '2030-05-01T10:00', ends: '2030-05-01T16:00',
  });
  assert.equal(ev.status, 303, ev.text.slice(0, 500));
  const path = ev.location.replace(/\/run$/, '');
  const run = await fac.get(`${path}/run`);
  assert.equal(run.status, 200);
  const code = run.text.match(/id="join-code">([A-Z0-9]+)</)[1];
  assert.match(code, /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);

  const poll = await fac.post(`${path}/items`, {
    kind: 'poll', title: 'Where should the next forum meet?', summary: '', speakers: '', key_messages: '',
    content_note: '', options: 'The library\nThe community centre\nOnline', max_entries: '3',
  });
  assert.equal(poll.status, 303, poll.text.slice(0, 500));
  const qa = await fac.post(`${path}/items`, {
    kind: 'qa', title: 'Questions for the panel', summary: '', speakers: '', key_messages: '',
    content_note: '', options: '', max_entries: '3',
  });
  assert.equal(qa.status, 303);
  const agenda = await fac.get(`${path}/run`);
  const items = [...agenda.text.matchAll(/id="item-(\d+)"/g)].map((m) => m[1]);
  assert.equal(items.length, 2);
  return { steward, fac, slug, path, code, pollItem: items[0], qaItem: items[1] };
}

async function participant(srv, code, nickname) {
  const p = new Client(srv);
  await p.get('/join');
  const res = await p.post('/join', { code: code.toLowerCase().replace(/^(...)/, '$1 '), nickname });
  assert.equal(res.status, 303, `joining: ${res.status} ${res.text.slice(0, 300)}`);
  assert.ok([...p.cookies.keys()].includes('__Host-hs_participant'));
  return p;
}

function optionIds(html) {
  return [...html.matchAll(/name="choice" type="radio" value="(\d+)"/g)].map((m) => m[1]);
}

test('participants join by code, vote, ask, upvote once and step out; results wait for the reveal', async () => {
  const { fac, path, code, pollItem, qaItem } = await setUp(server);

  // A person without the code cannot see the event.
  const stranger = new Client(server);
  const s = await stranger.get(path);
  assert.equal(s.status, 303);
  assert.equal(s.location, '/join');

  const ana = await participant(server, code, 'Tamsin');
  const ben = await participant(server, code, '');
  const cat = await participant(server, code, 'Rafe');

  const before = await ana.get(path);
  assert.match(before.text, /Nothing is on in the main room right now/);
  assert.match(before.text, /action="\/events\/\d+\/step-out"/, 'step out is on every participant page');
  assert.match(before.text, /href="\/events\/\d+\/support"/, 'support is one click away');

  assert.equal((await fac.post(`${path}/items/${pollItem}/do/open`)).status, 303);
  const page = await ana.get(path);
  const opts = optionIds(page.text);
  assert.equal(opts.length, 3);
  for (const [who, choice] of [[ana, opts[1]], [ben, opts[1]], [cat, opts[2]]]) {
    await who.get(path);
    const r = await who.post(`${path}/items/${pollItem}/vote`, { choice });
    assert.equal(r.status, 303, r.text.slice(0, 300));
  }
  const bad = await ana.post(`${path}/items/${pollItem}/vote`, { choice: [opts[0], opts[1]] });
  assert.equal(bad.status, 422, 'single choice takes one answer');

  const hidden = await ben.get(path);
  assert.match(hidden.text, /Results will be shown when the facilitator reveals them/);
  assert.doesNotMatch(hidden.text, /id="results"/);
  const facView = await fac.get(`${path}/run`);
  assert.match(facView.text, /The community centre<\/th><td class="govuk-table__cell govuk-table__cell--numeric">2</);

  assert.equal((await fac.post(`${path}/items/${pollItem}/do/reveal`)).status, 303);
  const shown = await ben.get(path);
  assert.match(shown.text, /id="results"/);
  assert.match(shown.text, /<svg[^>]*role="img"[^>]*aria-label="Poll results: The library, 0; The community centre, 2; Online, 1;"/);
  assert.match(shown.text, /The community centre<\/th><td class="govuk-table__cell govuk-table__cell--numeric">2<\/td><td[^>]*>67%/);

  // Q&A: anonymous questions, one upvote per participant.
  assert.equal((await fac.post(`${path}/items/${qaItem}/do/open`)).status, 303);
  await ana.get(path);
  assert.equal((await ana.post(`${path}/items/${qaItem}/questions`, { question: 'How do we <b>pay</b> people for their time?', anonymous: 'yes' })).status, 303);
  await cat.get(path);
  assert.equal((await cat.post(`${path}/items/${qaItem}/questions`, { question: 'Who reads the report?' })).status, 303);
  const qpage = await ben.get(path);
  assert.match(qpage.text, /How do we &lt;b&gt;pay&lt;\/b&gt; people/);
  assert.match(qpage.text, /Asked by Rafe/);
  assert.doesNotMatch(qpage.text, /Asked by Tamsin/, 'anonymous stays anonymous');
  const qid = qpage.text.match(/id="q-(\d+)">\s*<p class="govuk-body hs-pre">How do we/)[1];
  assert.equal((await ben.post(`${path}/items/${qaItem}/questions/${qid}`)).status, 303);
  assert.equal((await ben.post(`${path}/items/${qaItem}/questions/${qid}`)).status, 303);
  await cat.get(path);
  assert.equal((await cat.post(`${path}/items/${qaItem}/questions/${qid}`)).status, 303);
  const state = JSON.parse((await ana.get(`${path}/state.json`)).text);
  const q = state.current.questions.find((x) => String(x.id) === qid);
  assert.equal(q.votes, 2, 'one upvote per participant');
  assert.equal(state.current.questions[0].id, Number(qid), 'most votes first');
  assert.equal(q.by, undefined);

  // Stepping out: quiet, no reason asked, visible to the facilitator.
  const so = await cat.post(`${path}/step-out`);
  assert.equal(so.status, 303);
  assert.match(so.location, /\/support/);
  const run = await fac.get(`${path}/run`);
  assert.match(run.text, /1 stepped out/);
  assert.match(run.text, /<li>Rafe<\/li>/);
  const catSees = await cat.get(path);
  assert.doesNotMatch(catSees.text, /stepped out<\/p>/, 'participants do not see the step-out list');
  const forbidden = await cat.get(`${path}/run`);
  assert.equal(forbidden.status, 403);

  // The presenter screen refreshes itself without JavaScript.
  const present = await fac.get(`${path}/present`);
  assert.match(present.text, /<noscript><meta http-equiv="refresh" content="5"><\/noscript>/);
  assert.match(present.text, /Questions for the panel/);
});

test('a WebSocket subscriber receives a snapshot after a submission', async () => {
  const { fac, path, code, pollItem } = await setUp(server);
  await fac.post(`${path}/items/${pollItem}/do/open`);
  const p = await participant(server, code, 'Jory');
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}/live`, {
    headers: { cookie: p.cookieHeader(), origin: server.origin },
  });
  const messages = [];
  ws.on('message', (m) => messages.push(JSON.parse(String(m))));
  await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
  // The first message is the whole current state, with nothing changed meanwhile.
  for (const start = Date.now(); !messages.length && Date.now() - start < 2000;) await new Promise((r) => setTimeout(r, 20));
  assert.equal(messages[0]?.current?.id, Number(pollItem), 'a new listener gets the current state at once');
  assert.equal(messages[0].current.responses, 0);
  // A second listener gets it straight from the last snapshot.
  const second = new WebSocket(`ws://127.0.0.1:${server.port}${path}/live`, {
    headers: { cookie: p.cookieHeader(), origin: server.origin },
  });
  const first = await new Promise((resolve, reject) => { second.on('message', (m) => resolve(JSON.parse(String(m)))); second.on('error', reject); });
  second.close();
  assert.equal(first.current.id, Number(pollItem));
  const page = await p.get(path);
  await p.post(`${path}/items/${pollItem}/vote`, { choice: optionIds(page.text)[0] });
  const deadline = Date.now() + 3000;
  while (!messages.some((m) => m.current && m.current.responses === 1) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  ws.close();
  const snap = messages.find((m) => m.current && m.current.responses === 1);
  assert.ok(snap, `no snapshot with the vote: ${JSON.stringify(messages)}`);
  assert.equal(snap.current.options[0].votes, undefined, 'no counts before the reveal');

  // Someone without the code cannot listen in.
  const outsider = new WebSocket(`ws://127.0.0.1:${server.port}${path}/live`, { headers: { origin: server.origin } });
  const refused = await new Promise((resolve) => {
    outsider.on('open', () => resolve(false));
    outsider.on('unexpected-response', (_req, res) => resolve(res.statusCode));
    outsider.on('error', () => resolve(true));
  });
  assert.ok(refused === 404 || refused === true, `outsider: ${refused}`);
});

test('a snapshot reaches every subscriber, and stopping the server closes them cleanly', async () => {
  const srv = await startServer();
  try {
    const { fac, path, code, pollItem } = await setUp(srv);
    await fac.post(`${path}/items/${pollItem}/do/open`);
    // Enough connections to be dealt to every live thread.
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await participant(srv, code, `Listener ${i}`));
    const sockets = people.map((p) => {
      const ws = new WebSocket(`ws://127.0.0.1:${srv.port}${path}/live`, {
        headers: { cookie: p.cookieHeader(), origin: srv.origin },
      });
      const seen = [];
      ws.on('message', (m) => seen.push(JSON.parse(String(m))));
      const closed = new Promise((resolve) => ws.on('close', (codeNo) => resolve(codeNo)));
      const opened = new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); });
      return { ws, seen, closed, opened };
    });
    await Promise.all(sockets.map((s) => s.opened));
    const page = await people[0].get(path);
    await people[0].post(`${path}/items/${pollItem}/vote`, { choice: optionIds(page.text)[0] });
    const deadline = Date.now() + 3000;
    const got = () => sockets.every((s) => s.seen.some((m) => m.current && m.current.responses === 1));
    while (!got() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.ok(got(), 'every subscriber has the snapshot with the vote');

    const exit = await srv.stop('SIGTERM');
    assert.deepEqual(exit, { code: 0, signal: null }, `the server stops cleanly:\n${srv.log()}`);
    for (const s of sockets) assert.equal(await s.closed, 1001, 'each connection is told the server is going away');
  } finally {
    await srv.stop();
  }
});

test('with two servers on one PostgreSQL database, a change made on one reaches live pages on the other',
  { skip: ENGINE !== 'postgres' && 'several servers share PostgreSQL; SQLite is one server' }, async () => {
    const a = await startServer();
    // The second node shares the database and the data folder (its keys), as nodes
    // behind a load balancer do.
    const b = await startServer({ dataDir: a.dataDir, db: a.db });
    try {
      const { fac, path, code, pollItem } = await setUp(a);
      await fac.post(`${path}/items/${pollItem}/do/open`);
      const p = await participant(a, code, 'Roamer');
      const listen = (srv) => {
        const ws = new WebSocket(`ws://127.0.0.1:${srv.port}${path}/live`, {
          headers: { cookie: p.cookieHeader(), origin: srv.origin },
        });
        const seen = [];
        ws.on('message', (m) => seen.push(JSON.parse(String(m))));
        return { ws, seen, opened: new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject); }) };
      };
      const onB = listen(b);
      await onB.opened;
      const until = async (f) => {
        const deadline = Date.now() + 3000;
        while (!f() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
        return f();
      };
      // A vote on node A reaches the live page on node B.
      const page = await p.get(path);
      await p.post(`${path}/items/${pollItem}/vote`, { choice: optionIds(page.text)[0] });
      assert.ok(await until(() => onB.seen.some((m) => m.current && m.current.responses === 1)),
        `node B's subscriber saw the vote made on node A: ${JSON.stringify(onB.seen)}\n${b.log()}`);
      // And the other way: the facilitator's reveal on node B reaches a page on node A.
      const onA = listen(a);
      await onA.opened;
      const facB = new Client(b);
      facB.cookies = fac.cookies;
      const revealed = await facB.post(`${path}/items/${pollItem}/do/reveal`);
      assert.equal(revealed.status, 303);
      assert.ok(await until(() => onA.seen.some((m) => m.current && m.current.revealed === true)),
        `node A's subscriber saw the reveal made on node B: ${JSON.stringify(onA.seen)}`);

      // Cut both nodes' feeds, as a database restart or a network blip would. They
      // reconnect, rebuild what their pages listen to, and changes flow again.
      const admin = process.env.HS_TEST_PG_URL;
      const dbName = a.db.slice(a.db.lastIndexOf('/') + 1);
      const cut = execFileSync('psql', [admin, '-qtAc', `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
        WHERE application_name = 'humanspace live feed' AND datname = '${dbName}'`], { encoding: 'utf8' }).trim();
      assert.equal(cut, '2', 'each node had its feed connection');
      const q = await p.get(path);
      const second = optionIds(q.text)[1];
      const again = await p.post(`${path}/items/${pollItem}/vote`, { choice: second });
      assert.equal(again.status, 303);
      const votesOnB = () => {
        const last = [...onB.seen].reverse().find((m) => m.current && m.current.options);
        return last && last.current.options.map((o) => o.votes).join(',');
      };
      assert.ok(await until(() => votesOnB() === '0,1' || votesOnB() === '0,1,0'),
        `after the feeds were cut, node B's page shows the changed vote: ${votesOnB()}\n${b.log()}`);
      onA.ws.close();
      onB.ws.close();
    } finally {
      await b.stop();
      await a.stop();
    }
  });

test('every acknowledged submission survives the server being killed', async () => {
  const srv = await startServer();
  const { fac, path, code, pollItem, qaItem } = await setUp(srv);
  await fac.post(`${path}/items/${qaItem}/do/open`);
  const ps = [];
  for (let i = 0; i < 4; i++) ps.push(await participant(srv, code, `Streamer ${i}`));
  for (const p of ps) await p.get(path);
  const acknowledged = [];
  let stop = false;
  const streams = ps.map(async (p, i) => {
    for (let n = 0; !stop; n++) {
      const body = `Question ${i}-${n} about the day`;
      try {
        const r = await p.post(`${path}/items/${qaItem}/questions`, { question: body });
        if (r.status === 303) acknowledged.push(body);
      } catch { return; }
    }
  });
  await new Promise((r) => setTimeout(r, 700));
  srv.proc.kill('SIGKILL');
  await srv.exited;
  stop = true;
  await Promise.all(streams);
  assert.ok(acknowledged.length > 5, `only ${acknowledged.length} acknowledged`);

  const again = await startServer({ dataDir: srv.dataDir, db: srv.db });
  try {
    const facAgain = new Client(again);
    facAgain.cookies = fac.cookies;
    const run = await facAgain.get(`${path}/run`);
    assert.equal(run.status, 200);
    const missing = acknowledged.filter((b) => !run.text.includes(b));
    assert.deepEqual(missing, [], 'every acknowledged question is there');
  } finally {
    await again.stop();
  }
  void pollItem;
});

test('word cloud: stems group variants, listed words wait for the facilitator, who can hide, merge and rename', async () => {
  const { fac, path, code, slug } = await setUp(server);
  const made = await fac.post(`${path}/items`, {
    kind: 'cloud', title: 'One word for a good meeting', summary: '', speakers: '', key_messages: '',
    content_note: '', options: '', max_entries: '4', max_chars: '30',
  });
  assert.equal(made.status, 303, made.text.slice(0, 500));
  const items = [...(await fac.get(`${path}/run`)).text.matchAll(/id="item-(\d+)"/g)].map((m) => m[1]);
  const item = items[items.length - 1];
  assert.equal((await fac.post(`${path}/items/${item}/do/open`)).status, 303);

  const ana = await participant(server, code, 'Wren');
  const ben = await participant(server, code, '');
  const cat = await participant(server, code, 'Idris');
  const add = async (who, entry, status = 303) => {
    await who.get(path);
    const r = await who.post(`${path}/items/${item}/words`, { entry });
    assert.equal(r.status, status, `${entry}: ${r.status} ${r.text.slice(0, 300)}`);
    return r;
  };
  await add(ana, 'Listening');
  await add(ben, 'listen ');
  await add(cat, 'listened');
  await add(ana, 'Trust');
  await add(ben, 'trusting');
  await add(cat, 'bollocks');
  await add(cat, 'the');
  // Limits: 30 characters here, and four entries each.
  const long = await add(ana, 'x'.repeat(31), 422);
  assert.match(long.text, /href="#entry"/);
  assert.match(long.text, /Up to 4 entries, each up to 30 characters/);
  await add(ana, 'kindness');
  await add(ana, 'hope');
  const full = await add(ana, 'more', 409);
  assert.match(full.text, /Take one back to add another/);

  const rowOf = (html, word) => {
    const m = html.match(new RegExp(`<td class="govuk-table__cell">${word}</td><td class="govuk-table__cell govuk-table__cell--numeric">(\\d+)</td>`));
    return m ? Number(m[1]) : null;
  };
  let page = await ben.get(path);
  assert.equal(rowOf(page.text, 'Listening'), 3, 'Listening, listen and listened count together');
  assert.equal(rowOf(page.text, 'Trust'), 2);
  assert.doesNotMatch(page.text, /bollocks/, 'a listed word is not shown to participants');
  assert.equal(rowOf(page.text, 'the'), null, 'stop words are not shown');
  assert.match(page.text, /<svg[^>]*id="cloud-svg"[^>]*role="img"[^>]*aria-label="Word cloud: One word for a good meeting: Listening, Trust/);
  assert.match(page.text, /9 entries, top: Listening \(3\)/);
  // The one who wrote it still sees their own entry, to take it back.
  assert.match((await cat.get(path)).text, /<li>bollocks <form/);

  let state = JSON.parse((await ben.get(`${path}/state.json`)).text);
  // Compact: each word is [text, count]; the picture places words by index.
  assert.deepEqual(state.current.words.slice(0, 2), [['Listening', 3], ['Trust', 2]]);
  assert.ok(!JSON.stringify(state).includes('bollocks'), 'the snapshot leaves held words out');
  assert.equal(state.current.summary, '9 entries, top: Listening (3)');
  const placed = state.current.picture.placed;
  assert.equal(placed.length, state.current.words.length, 'every shown word is placed');
  assert.ok(placed.some((q) => state.current.words[q[0]][0] === 'Listening'));
  for (const [i, x, y, size, advance] of placed) {
    assert.ok(Number.isInteger(i) && i >= 0 && i < state.current.words.length);
    assert.ok(x >= 0 && x <= state.current.picture.width && y >= 0 && y <= state.current.picture.height);
    assert.ok(size > 0 && advance > 0);
  }
  assert.equal(state.current.picture.label, 'Word cloud: One word for a good meeting');

  // The facilitator sees it waiting, and releases it.
  let run = await fac.get(`${path}/run`);
  const held = run.text.match(/<ul class="govuk-list" id="held"[\s\S]*?<\/ul>/);
  assert.ok(held, 'held entries are listed');
  assert.match(held[0], /bollocks/);
  const keyOf = (html, text) => html.match(new RegExp(`<option value="([^"]+)">${text} \\(`))[1];
  const rude = keyOf(run.text, 'bollocks');
  assert.equal((await fac.post(`${path}/items/${item}/cloud/restore`, { key: rude })).status, 303);
  page = await ben.get(path);
  assert.equal(rowOf(page.text, 'bollocks'), 1, 'released, it is shown');
  assert.equal((await fac.post(`${path}/items/${item}/cloud/hide`, { key: rude })).status, 303);
  assert.equal(rowOf((await ben.get(path)).text, 'bollocks'), null, 'hidden again');

  // Merge "hope" into "kindness", then rename it.
  run = await fac.get(`${path}/run`);
  const same = await fac.post(`${path}/items/${item}/cloud/merge`, { merge_from: keyOf(run.text, 'hope'), merge_into: keyOf(run.text, 'hope') });
  assert.equal(same.status, 422);
  assert.match(same.text, /href="#merge_into"/);
  const merged = await fac.post(`${path}/items/${item}/cloud/merge`, { merge_from: keyOf(run.text, 'hope'), merge_into: keyOf(run.text, 'kindness') });
  assert.equal(merged.status, 303);
  page = await ben.get(path);
  assert.equal(rowOf(page.text, 'kindness'), 2);
  assert.equal(rowOf(page.text, 'hope'), null);
  run = await fac.get(`${path}/run`);
  const renamed = await fac.post(`${path}/items/${item}/cloud/rename`, { rename_key: keyOf(run.text, 'kindness'), rename_text: 'Kindness & hope' });
  assert.equal(renamed.status, 303);
  page = await ben.get(path);
  assert.equal(rowOf(page.text, 'Kindness &amp; hope'), 2, 'renamed, counts kept');

  // Withdrawing reduces the count.
  const catPage = await cat.get(path);
  const mine = catPage.text.match(/<li>listened <form method="post" action="([^"]+)"/)[1];
  assert.equal((await cat.post(mine)).status, 303);
  page = await ben.get(path);
  assert.equal(rowOf(page.text, 'Listening'), 2);

  // The download is a well-formed SVG naming every shown word, with text escaped.
  const svg = await ben.get(`${path}/items/${item}/cloud.svg`);
  assert.equal(svg.status, 200);
  assert.match(svg.headers.get('content-type'), /^image\/svg\+xml/);
  assert.match(svg.text, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*role="img"[^>]*aria-label="[^"]+"/);
  assert.match(svg.text, /<\/svg>\s*$/);
  const texts = [...svg.text.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  state = JSON.parse((await ben.get(`${path}/state.json`)).text);
  const shownWords = state.current.words.map((w) => w[0].replace(/&/g, '&amp;'));
  assert.deepEqual([...texts].sort(), [...shownWords].sort(), 'every shown word is drawn');
  assert.ok(texts.includes('Kindness &amp; hope'));
  assert.ok(!svg.text.includes('bollocks'));
  assert.doesNotMatch(svg.text.replace(/&(amp|lt|gt|quot|#39);/g, ''), /&/, 'no stray ampersands');
  // Someone without the code cannot download it.
  assert.equal((await new Client(server).get(`${path}/items/${item}/cloud.svg`)).status, 404);
  // The moderation went into the space's decision log, without the words themselves.
  const log = await fac.get(`/spaces/${slug}/audit/export`);
  assert.equal(log.status, 200);
  assert.match(log.text, /"kind":"moderation\.word_cloud"/);
  assert.ok(!log.text.includes('bollocks') && !log.text.includes('Kindness'), 'no words in the log');
});

// Last: guesses from this address block joining from it for a while.
test('the event comes as an iCalendar file, and its join link as a QR code for the screen', async () => {
  const { fac, path, code } = await setUp(server);
  const p = await participant(server, code, 'Cal');
  const ics = await p.get(`${path}/event.ics`);
  assert.equal(ics.status, 200);
  assert.match(ics.headers.get('content-type'), /^text\/calendar/);
  assert.match(ics.text, /BEGIN:VCALENDAR/);
  assert.match(ics.text, /SUMMARY:Learning together day/);
  assert.match(ics.text, /DTSTART:20300501T100000Z/);
  assert.match(ics.text, /DTEND:20300501T160000Z/);
  assert.equal((await new Client(server).get(`${path}/event.ics`)).status === 200, false, 'not for strangers');

  const qr = await fac.get(`${path}/join-qr.svg`);
  assert.equal(qr.status, 200);
  assert.match(qr.headers.get('content-type'), /^image\/svg\+xml/);
  assert.match(qr.text, new RegExp(`role="img" aria-label="[^"]*${code}`));
  assert.ok((qr.text.match(/h1v1h-1z/g) || []).length > 100, 'a QR code has many dark modules');
  assert.equal((await p.get(`${path}/join-qr.svg`)).status, 403, 'participants do not need it');
  const present = await fac.get(`${path}/present`);
  assert.match(present.text, /<img class="hs-join__qr" src="[^"]+\/join-qr\.svg" alt="[^"]+"/);
});

test('guessing join codes is rate-limited', async () => {
  const guesser = new Client(server);
  await guesser.get('/join');
  const statuses = [];
  for (let i = 0; i < 14; i++) statuses.push((await guesser.post('/join', { code: 'ZZZZZZ', nickname: '' })).status);
  assert.equal(statuses[0], 422);
  assert.ok(statuses.includes(429), `expected a 429 in ${statuses}`);
});
