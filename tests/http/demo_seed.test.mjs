// `./dev run` starts the server with the demo community (`serve --seed-demo`): it must
// start, list a demo account for every role, and show every capability in use. A seed
// that stops half-way (as it once did at the breakout round) leaves `./dev run` dead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, startServer, Client, ROOT } from './harness.mjs';

function count(server, sql) {
  const out = server.db.startsWith('sqlite:')
    ? execFileSync('sqlite3', [server.db.slice('sqlite:'.length), sql], { encoding: 'utf8' })
    : execFileSync('psql', [server.db, '-tAc', sql], { encoding: 'utf8' });
  return Number(out.trim());
}

test('the demo community seeds, lists every role and has a breakout round of its people', async () => {
  const server = await startServer({ env: { HUMANSPACE_DEMO: '1' }, args: ['--seed-demo'] });
  try {
    const log = server.log();
    for (const role of ['steward', 'facilitator', 'auditor', 'member', 'partner']) {
      assert.match(log, new RegExp(role, 'i'), `the start-up lists a ${role} account`);
    }
    const home = await fetch(server.url + '/');
    assert.equal(home.status, 200);
    // The demo event's breakout round placed the people who were there, in groups.
    assert.ok(count(server, 'SELECT COUNT(*) FROM breakout_groups') >= 2, 'the demo round has groups');
    assert.ok(count(server, 'SELECT COUNT(*) FROM breakout_places') >= 4, 'people are placed in them');
    // Stories shown with a name, under a pseudonym and anonymously, answered by a partner.
    assert.equal(count(server, "SELECT COUNT(DISTINCT shown_as) FROM stories WHERE status = 'published'"), 3);
    assert.ok(count(server, "SELECT COUNT(*) FROM story_responses WHERE kind = 'response'") >= 2, 'partners responded');
    assert.ok(count(server, "SELECT COUNT(*) FROM story_responses WHERE kind = 'reply'") >= 1, 'an author replied');
    assert.match(log, /\/spaces\/gambling-harm-forum\/stories/, 'the start-up says where the stories are');
    // "You said, we did": actions in every status, on a page anyone can read.
    assert.equal(count(server, 'SELECT COUNT(DISTINCT status) FROM actions'), 5);
    assert.match(log, /\/spaces\/gambling-harm-forum\/actions/, 'the start-up says where the actions are');
    const actions = await (await fetch(server.url + '/spaces/gambling-harm-forum/actions')).text();
    for (const status of ['Raised', 'Being looked at', 'Change planned', 'Change made', 'Not changing']) {
      assert.match(actions, new RegExp(`govuk-tag[^>]*>${status}<`), `the public page shows an action "${status}"`);
    }
    // One comes from a theme of the report of the forum's own meeting.
    assert.equal(count(server, "SELECT COUNT(*) FROM actions WHERE source_kind = 'theme' AND theme_id IS NOT NULL"), 1);
    assert.match(actions, /Keep the support line open until 10pm/);
    // Conversations of each kind with replies and mentions, told as each person chose: the
    // muted treasurer hears of nothing.
    assert.equal(count(server, 'SELECT COUNT(DISTINCT kind) FROM conversations'), 4);
    assert.ok(count(server, 'SELECT COUNT(*) FROM conversation_posts WHERE opening = 0') >= 6, 'with replies');
    assert.ok(count(server, "SELECT COUNT(*) FROM conversation_notifications WHERE reason = 'mention'") >= 2, 'and mentions');
    assert.equal(count(server, "SELECT COUNT(*) FROM conversation_notifications n JOIN users u ON u.id = n.user_id WHERE u.display_name = 'Dana Fairweather'"), 0);
    assert.equal(count(server, 'SELECT COUNT(DISTINCT level || email) FROM conversation_choices'), 5, 'choices set differently');
    assert.match(log, /\/spaces\/lived-experience-practice\/conversations/, 'the start-up says where the conversations are');
    // Shared vision: a finished Three Horizons board with its picture, and an opinion map
    // answered by 20 people in two groups with common ground.
    assert.match(log, /\/spaces\/lived-experience-practice\/vision and .*\/opinions/, 'the start-up says where they are');
    assert.equal(count(server, "SELECT COUNT(*) FROM vision_boards WHERE stage = 'done' AND item_id IS NULL"), 1);
    // And one on the learning event's agenda, finished by the people in the room.
    assert.equal(count(server, "SELECT COUNT(*) FROM vision_boards WHERE stage = 'done' AND item_id IS NOT NULL"), 1);
    assert.equal(count(server, 'SELECT COUNT(DISTINCT participant_id) FROM vision_note_words WHERE participant_id IS NOT NULL'), 7);
    // And an opinion map there that the room's eight people wrote and answered.
    assert.equal(count(server, 'SELECT COUNT(*) FROM vision_maps WHERE item_id IS NOT NULL'), 1);
    assert.equal(count(server, 'SELECT COUNT(DISTINCT participant_id) FROM vision_participant_votes'), 8);
    assert.equal(count(server, 'SELECT COUNT(*) FROM vision_notes WHERE hidden = 1'), 1);
    assert.ok(count(server, "SELECT COUNT(*) FROM vision_notes WHERE horizon = 'h2_plus'") >= 3, 'H2 is sorted');
    assert.ok(count(server, 'SELECT COUNT(*) FROM vision_dots') >= 10, 'the dot vote was held');
    assert.equal(count(server, 'SELECT COUNT(DISTINCT voter_id) FROM vision_votes'), 20);
    const password = JSON.parse(readFileSync(join(ROOT, 'resources', 'demo', 'community.json'), 'utf8')).password;
    const jo = new Client(server);
    await jo.get('/signin');
    assert.equal((await jo.post('/signin', { email: 'jo@example.org', password })).status, 303);
    const boards = await jo.get('/spaces/lived-experience-practice/vision');
    const board = boards.text.match(/href="(\/spaces\/lived-experience-practice\/vision\/\d+)"/)[1];
    const page = await jo.get(board);
    assert.match(page.text, /Finished/);
    assert.match(page.text, /H2\+: innovations that lead towards the future we want/);
    const png = await fetch(`${server.url}${board}/picture.png`, { headers: { cookie: jo.cookieHeader() } });
    assert.equal(png.headers.get('content-type'), 'image/png');
    const maps = await jo.get('/spaces/lived-experience-practice/opinions');
    const map = maps.text.match(/href="(\/spaces\/lived-experience-practice\/opinions\/\d+)"/)[1];
    const results = (await jo.get(`${map}/results`)).text;
    assert.match(results, /Group A: \d+ people/);
    assert.match(results, /Group B: \d+ people/);
    assert.doesNotMatch(results, /Group C/);
    assert.match(results, /<ul class="govuk-list govuk-list--bullet" id="common-ground">\s*<li>/);
  } finally {
    await server.stop();
  }
  // Its report, as the PDF the event page offers, holds the answered poll and the Q&A.
  const eventId = count(server, 'SELECT MIN(id) FROM events');
  const pdf = join(server.dataDir, 'demo-report.pdf');
  cli(server, ['report', String(eventId), '--pdf', pdf]);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /Which should the breakout groups talk about first\?/, 'the poll is in the report');
  assert.match(text, /Three Horizons: Co-production in Riverbend/, 'the event board is in the report');
  assert.match(text, /A rate card everyone can see, and payment on the day \(4 dots\)/);
  assert.match(text, /Opinion map: What would make co-production real in Riverbend\?/, 'the event map is in the report');
  assert.match(text, /Group A: 4 people/);
  assert.match(text, /Group B: 4 people/);
  assert.match(text, /Meeting papers should be written in plain words/, 'with its common ground');
  assert.match(text, /\d+ ?%/, 'with its percentages');
  assert.match(text, /How did the forum agree its terms of reference/, 'the Q&A is in the report');
  assert.ok(readFileSync(pdf).length > 1000);
  // Seeding again (a second start) is a no-op that still lists the accounts.
  const again = await startServer({ env: { HUMANSPACE_DEMO: '1' }, args: ['--seed-demo'], dataDir: server.dataDir, db: server.db });
  try {
    assert.match(again.log(), /facilitator/i);
  } finally {
    await again.stop();
  }
});
