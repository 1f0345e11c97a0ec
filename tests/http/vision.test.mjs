// Three Horizons boards in a space (issue 16): members add notes to the open horizon,
// named or anonymous (an anonymous note's author is in no page, export or row); the
// facilitators move the stages, merge, sort and hide (in the decision log); hidden notes
// leave the picture and the exports; members dot-vote on H2+. Non-members see nothing; a
// note sent to a closed horizon is refused with a message and the typed words kept; posts
// need the CSRF token. Opinion maps: statements held for a facilitator, answered one at a
// time, two planted camps found as two groups with the planted common ground, CSV and
// JSON. Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, signedIn, dbRows, Client } from './harness.mjs';

let server, fac, member, other, slug, board;

function decode(html) {
  return html.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

async function addNote(client, text, anonymous = false) {
  await client.get(board);
  const res = await client.post(`${board}/notes`, anonymous ? { text, anonymous: 'yes' } : { text });
  assert.equal(res.status, 303, res.text.slice(0, 400));
  return Number(res.location.match(/#note-(\d+)$/)[1]);
}

async function stage(to) {
  await fac.get(board);
  const res = await fac.post(`${board}/stage`, { to });
  assert.equal(res.status, 303, res.text.slice(0, 400));
}

before(async () => {
  server = await startServer();
  fac = await signedIn(server, 'Farah Facilitator', { steward: true });
  await fac.get('/spaces/new');
  const res = await fac.post('/spaces/new', {
    name: 'Riverbend Gambling Harm Forum', slug: '', kind: 'forum', purpose: 'People affected by gambling harm.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(res.status, 303);
  slug = res.location.match(/^\/spaces\/([a-z0-9-]+)\?/)[1];
  member = await signedIn(server, 'Morven Member');
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  other = await signedIn(server, 'Olwen Outsider');
});

after(() => server?.stop());

test('a facilitator starts a board, linked from the space page; non-members get 403 or 404', async () => {
  const space = await member.get(`/spaces/${slug}`);
  assert.match(space.text, new RegExp(`href="/spaces/${slug}/vision"`));
  // Members cannot start one.
  await member.get(`/spaces/${slug}/vision`);
  assert.equal((await member.post(`/spaces/${slug}/vision`, { title: 'Mine', dots: '3' })).status, 403);
  await fac.get(`/spaces/${slug}/vision`);
  const bad = await fac.post(`/spaces/${slug}/vision`, { title: '', dots: '30' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /Say what the board is about/);
  const res = await fac.post(`/spaces/${slug}/vision`, { title: 'Reducing gambling harm in Riverbend', dots: '2' });
  assert.equal(res.status, 303, res.text.slice(0, 400));
  board = res.location;
  assert.match(board, new RegExp(`^/spaces/${slug}/vision/\\d+$`));
  for (const path of [board, `${board}/picture.svg`, `${board}/notes.csv`, `/spaces/${slug}/vision`])
    assert.equal((await other.get(path)).status, 403, path);
  assert.equal((await new Client(server).get(board)).status, 303, 'signed out: sign in first');
  assert.equal((await member.get(`/spaces/${slug}/vision/999999`)).status, 404);
});

test('posts without the CSRF token are refused', async () => {
  const res = await member.post(`${board}/notes`, { text: 'No token here' }, { csrf: false });
  assert.equal(res.status, 403);
  assert.equal(dbRows(server, `SELECT count(*) FROM vision_note_words WHERE text = 'No token here'`)[0][0], '0');
});

test('an anonymous note\'s author is in no page, export or row; a named one shows its author', async () => {
  const named = await addNote(member, 'Betting adverts around every football match');
  const anon = await addNote(member, 'People are too ashamed to ask for help', true);
  assert.ok(named && anon);
  const rows = dbRows(server, `SELECT text, COALESCE(author_id, 0) FROM vision_note_words ORDER BY id`);
  assert.deepEqual(rows.map((r) => r[1] === '0'), [false, true]);
  const page = decode((await fac.get(board)).text);
  const anonCard = page.slice(page.indexOf(`id="note-${anon}"`), page.indexOf('</p>', page.indexOf(`id="note-${anon}"`)));
  assert.match(anonCard, /too ashamed to ask for help <span class="hs-secondary">\(anonymous\)/);
  assert.doesNotMatch(anonCard, /Morven/);
  const namedCard = page.slice(page.indexOf(`id="note-${named}"`), page.indexOf('</p>', page.indexOf(`id="note-${named}"`)));
  assert.match(namedCard, /Morven Member/);
  const csv = await fac.get(`${board}/notes.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  const line = csv.text.split('\r\n').find((l) => l.includes('ashamed'));
  assert.match(line, /"anonymous"/);
  assert.doesNotMatch(line, /Morven/);
  // Nor is the note's adding in the decision log.
  const log = dbRows(server, `SELECT entry FROM audit_entries`).map((r) => r[0]).join('\n');
  assert.doesNotMatch(log, /ashamed|note_added/);
});

test('a note for a closed horizon is refused with a clear message and the typed words kept', async () => {
  await stage('h3');
  await addNote(member, 'Nobody is ashamed to ask for help');
  await stage('h2');
  await addNote(member, 'Peer support in every GP surgery');
  await addNote(member, 'A levy on betting firms pays for treatment');
  await addNote(member, 'Peer supporters in GP surgeries', true);
  await stage('sort');
  await member.get(board);
  const res = await member.post(`${board}/notes`, { text: 'Late idea about banks blocking gambling' });
  assert.equal(res.status, 409);
  assert.match(res.text, /Notes cannot be added at this stage of the board/);
  assert.match(res.text, /<textarea[^>]*id="text"[^>]*>Late idea about banks blocking gambling<\/textarea>/);
  assert.equal(dbRows(server, `SELECT count(*) FROM vision_note_words WHERE text LIKE 'Late idea%'`)[0][0], '0');
  // Members cannot move stages.
  assert.equal((await member.post(`${board}/stage`, { to: 'vote' })).status, 403);
  // Skipping a stage is refused.
  const skip = await fac.post(`${board}/stage`, { to: 'done' });
  assert.equal(skip.status, 409);
  assert.match(skip.text, /one stage at a time/);
});

test('facilitators merge, sort and hide; hidden notes leave the picture and the exports; all in the decision log', async () => {
  const id = (text) => Number(dbRows(server, `SELECT note_id FROM vision_note_words WHERE text = '${text}'`)[0][0]);
  const gp = id('Peer support in every GP surgery');
  const gp2 = id('Peer supporters in GP surgeries');
  const levy = id('A levy on betting firms pays for treatment');
  await fac.get(board);
  // Members may not merge or hide.
  assert.equal((await member.post(`${board}/notes/${gp2}/merge`, { into: String(gp) })).status, 403);
  assert.equal((await fac.post(`${board}/notes/${gp2}/merge`, { into: String(gp) })).status, 303);
  // Both authors' words are kept, on the kept note.
  assert.deepEqual(dbRows(server, `SELECT text FROM vision_note_words WHERE note_id = ${gp} ORDER BY position`).map((r) => r[0]),
    ['Peer support in every GP surgery', 'Peer supporters in GP surgeries']);
  assert.equal((await fac.post(`${board}/notes/${gp}/move`, { to: 'h2_plus' })).status, 303);
  assert.equal((await fac.post(`${board}/notes/${levy}/move`, { to: 'h2_plus' })).status, 303);
  // Hiding needs a reason; the error is beside that note's field.
  const noReason = await fac.post(`${board}/notes/${levy}/hide`, { reason: '' });
  assert.equal(noReason.status, 422);
  assert.match(noReason.text, new RegExp(`href="#reason-${levy}"`));
  const svgBefore = await fac.get(`${board}/picture.svg`);
  assert.match(decode(svgBefore.text), /levy on betting/);
  assert.equal((await fac.post(`${board}/notes/${levy}/hide`, { reason: 'Names a real company' })).status, 303);
  const svg = await member.get(`${board}/picture.svg`);
  assert.equal(svg.status, 200);
  assert.match(svg.headers.get('content-type'), /^image\/svg\+xml/);
  assert.doesNotMatch(decode(svg.text), /levy on betting/);
  assert.match(decode(svg.text), /GP surgery/);
  assert.doesNotMatch((await fac.get(`${board}/notes.csv`)).text, /levy/);
  assert.doesNotMatch(decode((await member.get(board)).text), /levy on betting/);
  // The facilitators still see it, with the reason, and can show it again.
  const facPage = decode((await fac.get(board)).text);
  assert.match(facPage, /Hidden notes[\s\S]*levy on betting[\s\S]*Names a real company/);
  const kinds = dbRows(server, `SELECT entry FROM audit_entries`).map((r) => JSON.parse(r[0]).kind);
  for (const k of ['vision.board_created', 'vision.stage_moved', 'vision.notes_merged', 'vision.note_moved', 'vision.note_hidden'])
    assert.ok(kinds.includes(k), k);
  const log = dbRows(server, `SELECT entry FROM audit_entries`).map((r) => r[0]).join('\n');
  assert.doesNotMatch(log, /Names a real company/);
});

test('members place and take back dots in the vote, with the dots they have left', async () => {
  const gp = Number(dbRows(server, `SELECT note_id FROM vision_note_words WHERE text = 'Peer support in every GP surgery'`)[0][0]);
  await member.get(board);
  assert.equal((await member.post(`${board}/notes/${gp}/dot`, { do: 'add' })).status, 409, 'not before the vote');
  await stage('vote');
  let page = decode((await member.get(board)).text);
  assert.match(page, /You have 2 dots left/);
  assert.equal((await member.post(`${board}/notes/${gp}/dot`, { do: 'add' })).status, 303);
  assert.equal((await member.post(`${board}/notes/${gp}/dot`, { do: 'add' })).status, 303);
  page = decode((await member.get(board)).text);
  assert.match(page, /You have 0 dots left/);
  const third = await member.post(`${board}/notes/${gp}/dot`, { do: 'add' });
  assert.equal(third.status, 409);
  assert.match(third.text, /used all your dots/);
  assert.equal((await member.post(`${board}/notes/${gp}/dot`, { do: 'remove' })).status, 303);
  page = decode((await member.get(board)).text);
  assert.match(page, /You have 1 dot left/);
  assert.equal(dbRows(server, `SELECT count(*) FROM vision_dots`)[0][0], '1');
});

test('the picture downloads as SVG, PNG and PDF for a slide and A4', async () => {
  await stage('done');
  for (const [ext, type, magic] of [['png', 'image/png', '\x89PNG'], ['pdf', 'application/pdf', '%PDF']]) {
    for (const size of ['slide', 'a4']) {
      const res = await fetch(`${server.url}${board}/picture.${ext}?size=${size}`, { headers: { cookie: member.cookieHeader() } });
      assert.equal(res.status, 200, `${ext} ${size}`);
      assert.equal(res.headers.get('content-type'), type);
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.equal(bytes.subarray(0, magic.length).toString('latin1'), magic);
    }
  }
  const a4 = await member.get(`${board}/picture.svg?size=a4`);
  assert.match(a4.text, /viewBox="0 0 842 595"|width="842"/);
  const page = (await member.get(board)).text;
  assert.match(page, /<img class="hs-picture" src="[^"]+\/picture\.svg(?:\?v=\d+)?" alt="[^"]+"/);
});

test('opinion maps: statements held for a facilitator, answered one at a time; two groups and the common ground', async () => {
  await fac.get(`/spaces/${slug}/opinions`);
  assert.equal((await member.post(`/spaces/${slug}/opinions`, { question: 'Mine?' })).status, 403);
  const made = await fac.post(`/spaces/${slug}/opinions`, { question: 'What should Riverbend do about gambling harm?', moderated: 'yes' });
  assert.equal(made.status, 303, made.text.slice(0, 300));
  const map = made.location;
  assert.equal((await other.get(map)).status, 403);
  assert.equal((await other.get(`${map}/results.csv`)).status, 403);
  // A member's statement waits for a facilitator; a facilitator's own is shown at once.
  await member.get(map);
  const held = await member.post(`${map}/statements`, { text: 'Betting adverts should be banned near schools' });
  assert.equal(held.status, 303);
  assert.match(held.location, /notice=held/);
  const tooLong = await member.post(`${map}/statements`, { text: 'x'.repeat(141) });
  assert.equal(tooLong.status, 422);
  assert.match(tooLong.text, /140 characters or fewer/);
  assert.match(tooLong.text, /x{141}<\/textarea>/, 'what was typed is kept');
  assert.doesNotMatch((await member.get(map)).text, /banned near schools/);
  const pending = Number(dbRows(server, `SELECT id FROM vision_statements WHERE text LIKE 'Betting adverts should%'`)[0][0]);
  await fac.get(map);
  assert.equal((await member.post(`${map}/statements/${pending}/moderate`, { do: 'show' })).status, 403);
  assert.equal((await fac.post(`${map}/statements/${pending}/moderate`, { do: 'show' })).status, 303);
  const planted = {
    common: ['Anyone affected should get free help quickly', 'People with lived experience should shape services'],
    a: ['Gambling adverts should be banned on TV', 'Betting shops should close at 10pm', 'A levy should pay for treatment'],
  };
  for (const t of [...planted.common, ...planted.a, 'Gambling is a personal choice', 'Adverts keep football clubs alive'])
    assert.equal((await fac.post(`${map}/statements`, { text: t })).status, 303);
  const ids = Object.fromEntries(dbRows(server, `SELECT text, id FROM vision_statements WHERE status = 'shown'`));
  // Twelve people in two camps: camp A agrees with the 'a' statements and disagrees with the
  // others, camp B the reverse; everyone agrees with the common ground.
  const people = [];
  for (let i = 0; i < 12; i++) {
    const p = await signedIn(server, `Voter${i} Riverbend`);
    cli(server, ['user', 'set-role', p.email, 'member', '--space', slug]);
    people.push(p);
  }
  for (const [i, p] of people.entries()) {
    const camp = i < 6 ? 'a' : 'b';
    let page = await p.get(map);
    assert.match(page.text, /You have answered 0 of 8 statements/);
    for (let n = 0; n < 8; n++) {
      const id = page.text.match(/name="statement" value="(\d+)"/)[1];
      const text = Object.keys(ids).find((k) => ids[k] === id);
      const vote = planted.common.includes(text) ? 'agree'
        : (planted.a.includes(text) || text.startsWith('Betting adverts should')) === (camp === 'a') ? 'agree' : 'disagree';
      const res = await p.post(`${map}/answer`, { statement: id, vote: (i === 5 && n === 7) ? 'pass' : vote });
      assert.equal(res.status, 303);
      page = await p.get(map);
    }
    assert.match(page.text, /You have answered every statement/);
  }
  // Without the token, or on a statement held back, nothing is saved.
  assert.equal((await people[0].post(`${map}/answer`, { statement: ids['Gambling is a personal choice'], vote: 'agree' }, { csrf: false })).status, 403);
  const results = decode((await member.get(`${map}/results`)).text);
  assert.match(results, /12 people answered; 12 of them/);
  assert.match(results, /Group A: 6 people/);
  assert.match(results, /Group B: 6 people/);
  const common = results.slice(results.indexOf('id="common-ground"'), results.indexOf('</ul>', results.indexOf('id="common-ground"')));
  for (const t of planted.common) assert.match(common, new RegExp(t));
  assert.doesNotMatch(common, /levy|personal choice/);
  const svg = await member.get(`${map}/map.svg`);
  assert.match(svg.headers.get('content-type'), /^image\/svg\+xml/);
  assert.match(svg.text, /<svg/);
  const csv = await member.get(`${map}/results.csv`);
  assert.match(csv.headers.get('content-type'), /^text\/csv/);
  assert.match(csv.text.split('\r\n')[0], /group_A_agree.*group_B_agree.*common_ground/);
  assert.match(csv.text, /"Anyone affected should get free help quickly",12,0,0,6,0,0,6,0,0,yes/);
  const json = JSON.parse((await member.get(`${map}/results.json`)).text);
  assert.equal(json.groups.length, 2);
  assert.equal(json.common_ground.length, 2);
  assert.doesNotMatch(JSON.stringify(json), /Voter\d|Morven/);
});

test('"download my data" holds a person\'s named notes; erasure makes them anonymous', async () => {
  const res = await member.get('/account/data.json');
  assert.equal(res.status, 200);
  const data = JSON.parse(res.text);
  const mine = JSON.stringify(data.vision ?? data.modules?.vision ?? data);
  assert.match(mine, /Betting adverts around every football match/);
  assert.doesNotMatch(mine, /too ashamed/, 'an anonymous note is nobody\'s, not even in its writer\'s data');
  await member.get('/account/data');
  const del = await member.post('/account/delete', { confirm: 'yes' });
  assert.equal(del.status, 200);
  assert.equal(dbRows(server, `SELECT count(*) FROM vision_note_words WHERE author_id IS NOT NULL`)[0][0], '0');
  assert.equal(dbRows(server, `SELECT count(*) FROM vision_dots WHERE voter_id IS NOT NULL`)[0][0], '0');
  assert.equal(dbRows(server, `SELECT count(*) FROM vision_note_words WHERE text = 'Betting adverts around every football match'`)[0][0], '1');
});
