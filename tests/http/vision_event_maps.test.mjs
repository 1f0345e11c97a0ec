// An opinion map as an event's agenda item (issue 16): a facilitator adds the item (a
// question; statements moderated), opens it from the run page; people who joined with the
// code (no account) write statements, which wait for the facilitator, and answer them one
// at a time by forms that post and come back; the event's live channel carries the map's
// version; guests cannot moderate nor see the results; the facilitator sees two groups and
// the common ground; a hidden statement leaves the results and the event report (page and
// PDF); a statement's author is never shown. Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { startServer, cli, signedIn, Client } from './harness.mjs';

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

// Two sides and two things everyone agrees on.
const SIDE_A = ['Betting adverts should be banned on television', 'Shops should close at nine', 'Football shirts should carry no betting logos'];
const SIDE_B = ['Adults should bet as they please', 'Apps are safer than shops', 'Advertising pays for the sport we love'];
const COMMON = ['Help should be free for anyone who asks', 'Families need support too'];

test('an opinion map on the agenda: guests write and answer, moderated statements wait, hidden ones leave the report, authors are never shown', async () => {
  const { fac, path, code } = await setUp();
  const form = await fac.get(`${path}/items/new?kind=opinions`);
  assert.equal(form.status, 200);
  assert.match(form.text, /The question people write statements about/);
  const question = 'What should Riverbend do about gambling harm?';
  const made = await fac.post(`${path}/items`, { kind: 'opinions', from: 'new', title: question, premoderate: 'yes' });
  assert.equal(made.status, 303, made.text.slice(0, 400));
  const run = await fac.get(`${path}/run`);
  const item = run.text.match(/id="item-(\d+)"/)[1];
  const map = `${path}/items/${item}/map`;
  assert.match(run.text, new RegExp(`href="${map}"`), 'the run page links to the map');
  assert.match(run.text, /Run the opinion map/);

  const names = ['Wren', 'Osei', 'Yusra', 'Piran', 'Ingeborg', 'Calloway', 'Dagny', 'Tobiah'];
  const people = [];
  for (const n of names) people.push(await join(code, n));

  // Before the item is open, nobody writes.
  const closedPage = await people[0].get(map);
  assert.equal(closedPage.status, 200);
  assert.match(closedPage.text, /not open now/);
  assert.doesNotMatch(closedPage.text, /name="text"/);
  const early = await people[0].post(`${map}/statements`, { text: 'Too early' });
  assert.equal(early.status, 409);

  assert.equal((await fac.post(`${path}/items/${item}/do/open`)).status, 303);
  const eventPage = await people[0].get(path);
  assert.match(eventPage.text, new RegExp(`href="${map}"`), 'the event page leads to the map');
  assert.match(eventPage.text, /Go to the opinion map/);
  const v0 = JSON.parse((await people[0].get(`${path}/state.json`)).text).vision[item];
  assert.match(v0, /^\d+$/);

  // A guest's statement waits for the facilitator; others do not see it yet.
  const write = async (p, text) => {
    const page = await p.get(map);
    assert.match(page.text, /name="text"/);
    assert.match(page.text, /does not change by itself/, 'without JavaScript the page says so');
    const res = await p.post(`${map}/statements`, { text });
    assert.equal(res.status, 303, res.text.slice(0, 400));
    assert.match(res.location, /notice=held$/);
  };
  const all = [...SIDE_A, ...SIDE_B, ...COMMON, 'Bernard from the bakery is a cheat'];
  for (const [i, text] of all.entries()) await write(people[i % people.length], text);
  assert.doesNotMatch(decode((await people[1].get(map)).text), /Betting adverts should be banned/, 'a held statement is not shown');
  // Guests cannot moderate nor see the results.
  await people[0].get(map);
  const st = decode((await fac.get(map)).text);
  const pending = [...st.matchAll(/<p class="govuk-body">([^<]+)<\/p>\s*<div class="govuk-button-group">\s*<form method="post" action="[^"]*\/statements\/(\d+)\/moderate"/g)];
  assert.equal(pending.length, all.length, 'the facilitator sees every waiting statement');
  assert.equal((await people[0].post(`${map}/statements/${pending[0][2]}/moderate`, { do: 'show' })).status, 403);
  assert.equal((await people[0].get(`${map}/results`)).status, 403);
  for (const n of names) assert.doesNotMatch(st, new RegExp(n), 'the facilitator does not see who wrote a statement');

  const ids = {};
  for (const [, text, id] of pending) {
    ids[text] = id;
    assert.equal((await fac.post(`${map}/statements/${id}/moderate`, { do: 'show' })).status, 303);
  }
  const v1 = JSON.parse((await people[0].get(`${path}/state.json`)).text).vision[item];
  assert.notEqual(v1, v0, 'the live channel carries the change');
  const pageSig = () => people[0].get(`${path}/state.json`).then((r) => JSON.parse(r.text).vision[`${item}s`]);
  const s1 = await pageSig();
  assert.ok(s1, "the map's own page has a signature of its own");

  // Everyone answers, one statement at a time: four on each side.
  const rude = ids['Bernard from the bakery is a cheat'];
  for (const [i, p] of people.entries()) {
    const a = i < 4;
    for (;;) {
      const page = decode((await p.get(map)).text);
      const next = page.match(/name="statement" value="(\d+)"/);
      if (!next) { assert.match(page, /answered every statement|You have answered/i); break; }
      const text = Object.keys(ids).find((t) => ids[t] === next[1]);
      assert.ok(page.includes(text), 'the statement is shown');
      const vote = COMMON.includes(text) ? 'agree' : SIDE_A.includes(text) ? (a ? 'agree' : 'disagree')
        : SIDE_B.includes(text) ? (a ? 'disagree' : 'agree') : 'pass';
      const res = await p.post(`${map}/answer`, { statement: next[1], vote });
      assert.equal(res.status, 303, res.text.slice(0, 300));
    }
  }

  // Answers change what the results page follows, not what each phone's map page follows:
  // a room answering does not make every phone fetch its page again at each answer.
  const after = JSON.parse((await people[0].get(`${path}/state.json`)).text).vision;
  assert.notEqual(after[item], v1, 'the results page follows the answers');
  assert.equal(after[`${item}s`], s1, 'the map page does not');
  assert.match(decode((await people[0].get(map)).text), new RegExp(`data-part="vision:${item}s" data-part-sig="${s1.replace(/[|]/g, '\\|')}"`));

  // The facilitator hides the statement that names someone.
  await fac.get(map);
  assert.equal((await fac.post(`${map}/statements/${rude}/moderate`, { do: 'reject' })).status, 303);
  assert.notEqual(await pageSig(), s1, 'hiding a statement changes what the map page follows');

  const results = decode((await fac.get(`${map}/results`)).text);
  assert.match(results, /8 people answered/);
  assert.match(results, /Group A: 4 people/);
  assert.match(results, /Group B: 4 people/);
  const common = results.match(/<ul class="govuk-list govuk-list--bullet" id="common-ground">([\s\S]*?)<\/ul>/);
  assert.ok(common, 'common ground');
  for (const t of COMMON) assert.ok(common[1].includes(t), t);
  assert.doesNotMatch(results, /from the bakery/);
  for (const n of names) assert.doesNotMatch(results, new RegExp(n));
  const svg = decode((await fac.get(`${map}/map.svg`)).text);
  assert.match(svg, /<svg/);
  assert.doesNotMatch(svg, /from the bakery/);

  // The results download as CSV and JSON, for those who run the event only; never who answered.
  const csv = await fac.get(`${map}/results.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition'), /^attachment; filename="event-\d+-opinion-map-\d+\.csv"/);
  const rows = csv.text.trim().split('\r\n');
  assert.equal(rows[0], 'statement,agree,disagree,pass,group_A_agree,group_A_disagree,group_A_pass,group_B_agree,group_B_disagree,group_B_pass,common_ground');
  assert.equal(rows.length, 1 + SIDE_A.length + SIDE_B.length + COMMON.length, 'a row for each statement shown');
  for (const t of COMMON) assert.ok(rows.some((r) => r.startsWith(`"${t}",8,0,0,`) && r.endsWith(',yes')), `${t} is common ground in the CSV`);
  assert.doesNotMatch(csv.text, /from the bakery/);
  const json = JSON.parse((await fac.get(`${map}/results.json`)).text);
  assert.equal(json.question, question);
  assert.equal(json.participants, 8);
  assert.deepEqual(json.groups.map((g) => g.people), [4, 4]);
  assert.deepEqual(json.common_ground.map((c) => json.statements[c.statement].text).sort(), [...COMMON].sort());
  for (const n of names) assert.doesNotMatch(csv.text + JSON.stringify(json), new RegExp(n));
  assert.equal((await people[0].get(`${map}/results.csv`)).status, 403);
  assert.equal((await people[0].get(`${map}/results.json`)).status, 403);
  assert.ok(results.includes(`href="${map}/results.csv"`) && results.includes(`href="${map}/results.json"`), 'the results page links both');

  // The event report: the question, the groups, the common ground; never the hidden one nor an author.
  const reportPage = (await fac.get(`${path}/report`)).text;
  const report = decode(reportPage);
  const src = reportPage.match(/<img src="([^"]+)" alt="The map of people who answered[^"]*" class="hs-picture"/);
  assert.ok(src, 'the report holds the map of people');
  const pictured = decode((await fac.get(src[1])).text);
  assert.match(pictured, /<svg[\s\S]*Group A \(4 people\)/);
  assert.doesNotMatch(pictured, /from the bakery/);
  assert.match(report, new RegExp(`Opinion map: ${question.replace('?', '\\?')}`));
  assert.match(report, /Group A: 4 people/);
  assert.match(report, /Group B: 4 people/);
  for (const t of COMMON) assert.ok(report.includes(t), t);
  // Each group's distinctive statements (at most five each) come from the two sides.
  const sides = [...SIDE_A, ...SIDE_B].filter((t) => report.includes(t));
  assert.ok(sides.length >= 5, `the groups' distinctive statements are in the report (${sides.length})`);
  assert.doesNotMatch(report, /from the bakery/);
  for (const n of names) assert.doesNotMatch(report, new RegExp(`\\b${n}\\b`));

  const res = await fetch(`${server.url}${path}/report.pdf`, { headers: { cookie: fac.cookieHeader() } });
  assert.equal(res.status, 200);
  const file = joinPath(mkdtempSync(joinPath(tmpdir(), 'hs-vision-maps-report-')), 'report.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  assert.match(text, /Opinion map: What should Riverbend do about gambling harm\?/);
  assert.match(text, /Group A: 4 people/);
  assert.match(text, /Help should be free for anyone who asks/);
  assert.doesNotMatch(text, /from the bakery/);
  for (const n of names) assert.doesNotMatch(text, new RegExp(`\\b${n}\\b`));
});
