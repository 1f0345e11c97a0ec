// Breakouts to report, as people use it: a facilitator adds a round with two questions;
// twelve people who joined by code are put in balanced groups; people in three groups
// write notes (one without their name); the facilitator gathers the notes into themes
// from a suggestion, writes the report's introduction and next steps, and downloads the
// PDF, whose text (pdftotext, poppler-utils) holds the questions, the themes and the
// notes – the anonymous one unattributed. The report is then published and read without
// an account. Every page visited passes axe-core and the page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, Client } from '../http/harness.mjs';
import { startSuite, server, browser, audit, check, PHONE, DESKTOP, submit } from './lib.mjs';

const PASSWORD = 'a long enough passphrase';
// Screenshots of the round pages, to look at (HS_SHOTS, or a temporary folder).
const SHOTS = process.env.HS_SHOTS || mkdtempSync(join(tmpdir(), 'hs-shots-'));

startSuite();

test('twelve people in balanced groups write notes; themes and a PDF report come from them', async () => {
  cli(server, ['user', 'add', 'ysolde.steward@example.org', '--name', 'Ysolde Farrant'], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', 'ysolde.steward@example.org', 'steward']);
  const steward = new Client(server);
  await steward.get('/signin');
  assert.equal((await steward.post('/signin', { email: 'ysolde.steward@example.org', password: PASSWORD })).status, 303);
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: 'Quarry Lane Recovery Forum', slug: '', kind: 'forum',
    purpose: 'People in recovery, and the services that work with them.', visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  cli(server, ['user', 'add', 'corin.fac@example.org', '--name', 'Corin Ashdown'], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', 'corin.fac@example.org', 'facilitator', '--space', slug]);

  // The facilitator signs in and makes the event.
  const context = await browser.newContext({ viewport: DESKTOP, baseURL: server.url });
  context.setDefaultTimeout(15000);
  const fac = await context.newPage();
  await fac.goto('/signin');
  await fac.getByLabel('Email address').fill('corin.fac@example.org');
  await fac.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await submit(fac, fac.getByRole('button', { name: 'Sign in', exact: true }), (u) => u.pathname !== '/signin');
  await fac.goto(`/spaces/${slug}/events`);
  await check(fac);
  await fac.getByLabel('Title').fill('Recovery learning day');
  await fac.getByLabel('Starts').fill('2030-09-12T10:00');
  await fac.getByLabel('Ends').fill('2030-09-12T15:00');
  await submit(fac, fac.getByRole('button', { name: 'Create event' }), /\/run$/);
  const base = fac.url().replace(/\/run$/, '');
  const eventPath = new URL(base).pathname;
  const code = (await fac.locator('#join-code').innerText()).trim();

  // Twelve people join with the code.
  const people = [];
  for (const name of ['Alder', 'Briony', 'Caius', 'Delphine', 'Evander', 'Fenna', 'Gideon', 'Hollis', 'Isolde', 'Jory', 'Kerensa', 'Lowen']) {
    const p = new Client(server);
    await p.get('/join');
    const joined = await p.post('/join', { code, nickname: name });
    assert.equal(joined.status, 303);
    await p.get(joined.location);  // here: the event's page loaded
    p.nickname = name;
    people.push(p);
  }

  // Someone waiting on the main event page, with JavaScript: the round's start takes
  // them to their group.
  const host = new URL(server.url).hostname;
  const cookiesOf = (p) => [...p.cookies].map(([name, value]) => ({ name, value, domain: host, path: '/', secure: true, httpOnly: true, sameSite: 'Lax' }));
  const waiting = await browser.newContext({ viewport: PHONE, baseURL: server.url });
  waiting.setDefaultTimeout(15000);
  await waiting.addCookies(cookiesOf(people[11]));
  const wp = await waiting.newPage();
  await wp.goto(eventPath);
  await check(wp);

  // A round with two questions, in balanced groups of four.
  await fac.goto(`${eventPath}/breakouts`);
  await check(fac);
  await fac.getByLabel('Questions for the groups').fill('What helped you most in recovery?\nWhat should services do differently?');
  await fac.getByLabel('Smallest group').fill('4');
  await fac.getByLabel('Largest group').fill('4');
  await fac.getByLabel('How long, in minutes').fill('20');
  await fac.getByLabel('Balanced').check();
  await submit(fac, fac.getByRole('button', { name: 'Add the round' }), /\/breakouts\/\d+\?notice=added$/);
  const roundPath = new URL(fac.url()).pathname;
  assert.match(await fac.locator('#placed-count').innerText(), /12 people in 3 groups; 0 not in a group/);
  await submit(fac, fac.getByRole('button', { name: 'Start the round' }), /notice=started/);
  await wp.waitForURL(/\/breakouts\/\d+$/);
  await check(wp);
  assert.match(await wp.locator('main').innerText(), /What helped you most in recovery\?/);
  await waiting.close();

  // One person in each group writes a note in their own browser; one without their name.
  const groupOf = async (name) => {
    for (const g of [1, 2, 3]) if ((await fac.locator(`#group-${g} li`, { hasText: name }).count()) > 0) return g;
    return 0;
  };
  const writers = [];
  for (const p of people) {
    const g = await groupOf(p.nickname);
    if (g && !writers.some((w) => w.group === g)) writers.push({ p, group: g });
  }
  assert.equal(writers.length, 3);
  const notes = [
    { text: 'Peer mentors who had been through it themselves helped me most.', as: 'Without my name' },
    { text: 'Services should answer the phone in the evening, when things are hardest.', as: 'With my name' },
    { text: 'Being asked what I needed, not told.', as: 'With my name' },
  ];
  for (let i = 0; i < 3; i++) {
    const { p } = writers[i];
    const ctx = await browser.newContext({ viewport: PHONE, baseURL: server.url });
    ctx.setDefaultTimeout(15000);
    await ctx.addCookies(cookiesOf(p));
    const page = await ctx.newPage();
    await page.goto(`${eventPath}/breakouts`);
    await check(page);
    assert.match(await page.locator('main').innerText(), /What should services do differently\?/);
    await page.getByLabel('Add a note').fill(notes[i].text);
    await page.getByLabel(notes[i].as).check();
    await submit(page, page.getByRole('button', { name: 'Add the note' }), /notice=noted/);
    assert.match(await page.locator('.hs-notes').innerText(), new RegExp(notes[i].text.slice(0, 20)));
    if (i === 0) await submit(page, page.getByRole('button', { name: 'Ask a facilitator for help' }), /notice=help/);
    await ctx.close();
  }
  // Live, with JavaScript: a message from the facilitator and a new note in the group
  // arrive on a participant's page without it reloading.
  const live = await browser.newContext({ viewport: PHONE, baseURL: server.url });
  live.setDefaultTimeout(15000);
  await live.addCookies(cookiesOf(writers[0].p));
  const lp = await live.newPage();
  await lp.goto(roundPath);
  await check(lp);
  const loadedAt = await lp.evaluate(() => performance.timeOrigin);
  await fac.goto(roundPath);
  await fac.getByLabel('Message').fill('Two minutes left: please finish your sentence.');
  await submit(fac, fac.getByRole('button', { name: 'Send to every group' }), /notice=sent/);
  await lp.locator('#broadcast-message', { hasText: 'Two minutes left' }).waitFor();
  await writers[0].p.get(roundPath);
  assert.equal((await writers[0].p.post(`${roundPath}/notes`, { note: 'Written on a phone in the corridor.', as: 'anonymous' })).status, 303);
  await lp.locator('.hs-notes', { hasText: 'Written on a phone in the corridor.' }).waitFor();
  assert.equal(await lp.evaluate(() => performance.timeOrigin), loadedAt, 'the page did not reload');
  await check(lp);
  await live.close();

  await fac.goto(roundPath);
  await check(fac);
  assert.match(await fac.locator('#help-requests').innerText(), /asked for help/);
  await submit(fac, fac.getByRole('button', { name: 'End the round and bring everyone back' }), /notice=ended/);

  // Themes: the suggestion, accepted, then one of them given a better title.
  await fac.goto(`${eventPath}/themes`);
  await check(fac);
  await submit(fac, fac.getByRole('link', { name: /Suggest a first grouping/ }), /suggest=1/);
  await submit(fac, fac.getByRole('button', { name: 'Accept these themes' }), /notice=themes_accepted/);
  const firstRename = fac.locator('input[id^="rename-"]').first();
  await firstRename.fill('Support from people who understand');
  await submit(fac, fac.getByRole('button', { name: 'Change the title' }).first(), /notice=theme_changed/);
  // Any note still outside a theme goes into a new one, by the form.
  if (await fac.locator('#loose').count()) {
    await fac.getByLabel('A short title').fill('How services respond');
    await submit(fac, fac.getByRole('button', { name: 'Make the theme' }), /notice=theme_added/);
    while (await fac.locator('#loose ~ ul select').count()) {
      const select = fac.locator('#loose ~ ul select').first();
      await select.selectOption({ label: 'How services respond' });
      await submit(fac, fac.locator('#loose ~ ul').getByRole('button', { name: 'Put it there' }).first(), /notice=note_placed/);
    }
  }
  const themeTitles = await fac.locator('.hs-card__title').allInnerTexts();
  assert.ok(themeTitles.includes('Support from people who understand'), themeTitles.join(' | '));

  // The report: the facilitator's words, then the PDF.
  await fac.goto(`${eventPath}/report`);
  await check(fac);
  await fac.getByText('Write the introduction and what happens next').click();
  await fac.getByLabel('Introduction').fill('Forty people in recovery and six services met for a day.');
  await fac.getByLabel('What happens next').fill('We will share this report with every service by October.');
  await submit(fac, fac.getByRole('button', { name: 'Save' }), /notice=saved/);
  const pdf = await fac.request.get(`${eventPath}/report.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  const dir = mkdtempSync(join(tmpdir(), 'hs-report-'));
  writeFileSync(join(dir, 'r.pdf'), await pdf.body());
  const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const s of ['What helped you most in recovery?', 'What should services do differently?', 'Support from people who understand',
    'Forty people in recovery', 'We will share this report', 'Peer mentors who had been through it themselves helped me most.',
    'Being asked what I needed, not told.'])
    assert.ok(text.includes(s), `the PDF holds "${s}"`);
  // The named notes carry their authors' names; the anonymous one carries none.
  assert.ok(text.includes(writers[1].p.nickname) && text.includes(writers[2].p.nickname), 'named notes are attributed');
  assert.ok(!text.includes(writers[0].p.nickname), 'the anonymous note is not attributed');

  // Published: anyone with the link reads it, without an account.
  await submit(fac, fac.getByRole('button', { name: 'Publish at a public link' }), /notice=published/);
  const link = (await fac.locator('#public-url').innerText()).trim();
  const reader = await browser.newContext({ viewport: PHONE });
  const rp = await reader.newPage();
  await rp.goto(link);
  await check(rp);
  assert.match(await rp.locator('main').innerText(), /Support from people who understand/);
  await submit(fac, fac.getByRole('button', { name: /Unpublish/ }), /notice=unpublished/);
  assert.equal((await rp.goto(link)).status(), 404);
  await reader.close();

  // Groups from a CSV file: chosen in the page, read into the list box, checked, sent.
  await fac.goto(`${eventPath}/breakouts`);
  await fac.getByLabel('Questions for the groups').fill('What should we ask next time?');
  await fac.getByLabel('From a list').check();
  await submit(fac, fac.getByRole('button', { name: 'Add the round' }), /notice=added$/);
  await fac.getByText('Make the groups again').click();
  const names = people.map((p) => p.nickname);
  await fac.locator('#csv-file').setInputFiles({
    name: 'groups.csv', mimeType: 'text/csv',
    buffer: Buffer.from('name,group\n' + names.map((n, i) => `${n},${1 + (i % 3)}`).join('\n') + '\n'),
  });
  await fac.waitForFunction(() => document.getElementById('csv').value.includes('Alder,1'));
  await check(fac);
  await submit(fac, fac.getByRole('button', { name: 'Use this list' }), /notice=assigned$/);
  assert.match(await fac.locator('#placed-count').innerText(), /12 people in 3 groups; 0 not in a group/);
  await context.close();
  assert.ok(audit.visited.length >= 12, `pages checked: ${audit.visited.length}`);
});

// Runs SQL on the server's database (to move a round's end into the past).
function sql(text) {
  if (server.db.startsWith("sqlite:")) return execFileSync("sqlite3", ["-bail", "-cmd", ".timeout 5000", server.db.slice(7)], { input: text, encoding: "utf8" });
  else execFileSync('psql', [server.db, '-q', '-f', '-'], { input: text });
}

test('preparing the next round while one runs: the page stays still; a round ends by itself and brings people back', async () => {
  cli(server, ['user', 'add', 'odile.steward@example.org', '--name', 'Odile Penhallow'], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', 'odile.steward@example.org', 'steward']);
  const fac = new Client(server);
  await fac.get('/signin');
  assert.equal((await fac.post('/signin', { email: 'odile.steward@example.org', password: PASSWORD })).status, 303);
  await fac.get('/spaces/new');
  const made = await fac.post('/spaces/new', {
    name: 'Millbrook Gambling Harm Forum', slug: '', kind: 'forum', purpose: 'People with lived experience of gambling harm.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  await fac.get(`/spaces/${slug}/events`);
  const ev = await fac.post(`/spaces/${slug}/events`, { title: "Let's all co-pro", description: '', starts: '2030-10-01T10:00', ends: '2030-10-01T15:00' });
  const eventPath = ev.location.replace(/\/run$/, '');
  const code = (await fac.get(`${eventPath}/run`)).text.match(/id="join-code">([A-Z0-9]+)</)[1];
  const people = [];
  for (const name of ['Ana', 'Ana', 'Bex', 'Cato', 'Dilys', 'Ema', 'Femi', 'Gus']) {
    const p = new Client(server);
    await p.get('/join');
    const joined = await p.post('/join', { code, nickname: name });
    assert.equal(joined.status, 303);
    await p.get(joined.location);
    people.push(p);
  }
  for (const name of ['Left Early', 'Never Stayed']) {
    const p = new Client(server);
    await p.get('/join');
    assert.equal((await p.post('/join', { code, nickname: name })).status, 303);
  }
  const add = async (fields) => {
    const r = await fac.post(`${eventPath}/breakouts`, { min_size: '3', max_size: '4', duration: '10', content_note: '', mode: 'balanced', ...fields });
    assert.equal(r.status, 303, r.text.slice(0, 400));
    return r.location.replace(/\?.*$/, '');
  };
  const first = await add({ prompts: 'What does co-production mean to you?', auto_end: 'yes' });
  assert.equal((await fac.post(`${first}/do/start`, {})).status, 303);
  const second = await add({ prompts: 'What would make it real here?' });

  const host = new URL(server.url).hostname;
  const cookiesOf = (p) => [...p.cookies].map(([name, value]) => ({ name, value, domain: host, path: '/', secure: true, httpOnly: true, sameSite: 'Lax' }));
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: server.url });
  ctx.setDefaultTimeout(15000);
  await ctx.addCookies(cookiesOf(fac));
  const page = await ctx.newPage();
  let loads = 0;
  page.on('load', () => { loads++; });
  await page.goto(second);
  await check(page);
  // Snapshots keep coming (the running round's message, a note count): none reloads this page.
  assert.equal((await fac.post(`${first}/broadcast`, { message: 'Five minutes to go.' })).status, 303);
  await page.waitForTimeout(2500);
  assert.equal(loads, 1, `the page for the next round loaded ${loads} times without a change to it`);
  const people2 = await page.locator('#present-now').innerText();
  assert.match(people2, /8 people here now/);
  assert.match(await page.locator('#figures').innerText(), /8 people here now, in 2 groups\./);
  const main = await page.locator('main').innerText();
  assert.ok(!main.includes('Left Early') && !main.includes('Never Stayed'), 'people who left are not placed');
  assert.match(main, /Ana \(2\)/);
  await page.screenshot({ path: join(SHOTS, 'round-planning-1280.png'), fullPage: true });

  // A participant of the running round, with JavaScript: the round ends by itself.
  const pctx = await browser.newContext({ viewport: PHONE, baseURL: server.url });
  pctx.setDefaultTimeout(15000);
  await pctx.addCookies(cookiesOf(people[2]));
  const pp = await pctx.newPage();
  await pp.goto(first);
  await check(pp);
  assert.match(await pp.locator('#time-left').innerText(), /^(10:00|9:\d\d) left$/);
  const roundId = first.split('/').pop();
  // Time is up, and the minute that brings everyone back is nearly over.
  sql(`UPDATE breakout_rounds SET ends_at = ${Math.floor(Date.now() / 1000) - 55} WHERE id = ${roundId}`);
  // (Changed behind the server's back: a message makes the live channel send the round again.)
  assert.equal((await fac.post(`${first}/broadcast`, { message: 'Time to come back together.' })).status, 303);
  await pp.reload();
  await check(pp);
  assert.match(await pp.locator('#time-left').innerText(), /Time is up\. Everyone comes back in 0:0\d/);
  await pp.screenshot({ path: join(SHOTS, 'group-back-in-360.png'), fullPage: true });
  await pp.waitForURL((u) => u.pathname === eventPath, { timeout: 15000 });
  await pctx.close();

  // The first round has ended: this page reloads once, for its own round only if it changed.
  await page.waitForTimeout(1000);
  assert.equal(loads, 1, 'the end of another round does not reload this page');
  await Promise.all([page.waitForURL(/notice=started/), page.getByRole('button', { name: 'Start the round' }).click()]);
  await check(page);
  await page.screenshot({ path: join(SHOTS, 'round-running-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${second}?who=ana`);
  await check(page);
  assert.equal(await page.locator('#found li').count(), 2, 'both Anas are found, told apart');
  await page.screenshot({ path: join(SHOTS, 'round-search-360.png'), fullPage: true });
  await ctx.close();
});
