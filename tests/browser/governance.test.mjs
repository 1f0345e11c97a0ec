// Governance, as people use it: a steward makes a space in the pages; a member proposes
// the first terms of reference and, once they are agreed, another member proposes an
// amendment. Every member who can vote answers on the decision page, the proposer or a
// facilitator closes it with an outcome, the new version becomes current, the versions
// page lists both and the diff marks the change in words. Then an auditor opens the
// decision log, runs the check, sees it verified and the decisions' entries listed.
// Accounts and roles are set up with the CLI. Every page visited passes axe-core and the
// page basics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cli } from '../http/harness.mjs';
import { startSuite, server, browser, audit, check, submit } from './lib.mjs';

const PASSWORD = 'a long enough passphrase';
const VIEWPORT = { width: 1280, height: 900 };

startSuite();

// Clicks a submit button and waits for the page it leads to.
// A person with an account, signed in through /signin in a browser context of their own.
async function person(email, name) {
  cli(server, ['user', 'add', email, '--name', name], `${PASSWORD}\n`);
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: server.url });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  return { email, name, context, page };
}

async function signIn(p) {
  await p.page.goto('/signin');
  await check(p.page);
  await p.page.getByLabel('Email address').fill(p.email);
  await p.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await submit(p.page, p.page.getByRole('button', { name: 'Sign in', exact: true }), (u) => u.pathname !== '/signin');
}

function inDays(days) {
  const d = new Date(Date.now() + days * 86400 * 1000);
  return { day: String(d.getUTCDate()), month: String(d.getUTCMonth() + 1), year: String(d.getUTCFullYear()) };
}

// Fills in and sends the terms form from the terms page; returns the decision's path.
async function propose(p, slug, { link, heading, edit, summary }) {
  const { page } = p;
  await page.goto(`/spaces/${slug}/terms`);
  await check(page);
  await Promise.all([page.waitForURL(`**/spaces/${slug}/terms/amend`), page.getByRole('link', { name: link, exact: true }).click()]);
  await check(page);
  assert.equal((await page.locator('h1').innerText()).trim(), heading);
  const text = await page.locator('textarea#body').inputValue();
  const changed = edit(text);
  await page.locator('textarea#body').fill(changed);
  await page.locator('#summary').fill(summary);
  const review = inDays(180);
  await page.locator('#review').fill(review.day);
  await page.locator('#review-month').fill(review.month);
  await page.locator('#review-year').fill(review.year);
  await page.getByRole('radio', { name: 'Consent', exact: true }).check();
  const closes = inDays(7);
  await page.locator('#closes_at').fill(closes.day);
  await page.locator('#closes_at-month').fill(closes.month);
  await page.locator('#closes_at-year').fill(closes.year);
  await page.locator('#closes_at-time').fill('17:00');
  await page.locator('#quorum').fill('50');
  const results = page.locator('input[name="results"][value="after_voting"]');
  if (!(await results.isChecked())) await results.check();
  const threshold = page.locator('input[name="threshold"][value="simple_majority"]');
  if (!(await threshold.isChecked())) await threshold.check();
  await submit(page, page.getByRole('button', { name: 'Propose it' }), new RegExp(`/spaces/${slug}/decisions/\\d+\\?notice=opened$`));
  return { path: new URL(page.url()).pathname, text: changed };
}

async function consent(p, path) {
  const { page } = p;
  await page.goto(path);
  await check(page);
  await page.getByRole('radio', { name: 'I consent' }).check();
  await submit(page, page.getByRole('button', { name: 'Save my answer' }), (u) => u.pathname === path && u.search === '?notice=answered');
  assert.equal(await page.getByRole('radio', { name: 'I consent' }).isChecked(), true, `${p.name}'s answer is kept`);
}

async function close(p, path, statement) {
  const { page } = p;
  await page.goto(path);
  await check(page);
  await page.getByLabel('What was decided').fill(statement);
  await submit(page, page.getByRole('button', { name: 'Close and record the outcome' }), (u) => u.pathname === path && u.search === '?notice=closed');
  const outcome = page.locator('.hs-outcome');
  assert.match(await outcome.innerText(), /Decided: Passed/);
  assert.match(await outcome.innerText(), new RegExp(statement.replace(/[.]/g, '\\.')));
}

test('a member proposes an amendment to the terms, the members consent, it closes with an outcome, the new version is current, and an auditor verifies the log', async () => {
  // The steward makes the space in the pages.
  const steward = await person('marisol.steward@example.org', 'Marisol Treadwell');
  cli(server, ['user', 'set-role', steward.email, 'steward']);
  await signIn(steward);
  await steward.page.goto('/spaces/new');
  await check(steward.page);
  await steward.page.locator('#name').fill('Millbrook Recovery Forum');
  await steward.page.locator('input[name="kind"][value="forum"]').check();
  await steward.page.locator('#purpose').fill('People in recovery along the Millbrook valley, deciding together.');
  await steward.page.locator('input[name="visibility"][value="listed"]').check();
  await steward.page.locator('#code_of_conduct').fill('# Be kind\n\nListen first.');
  await submit(steward.page, steward.page.getByRole('button', { name: 'Create space' }), /\/spaces\/[a-z0-9-]+\?notice=created$/);
  const slug = new URL(steward.page.url()).pathname.split('/')[2];

  // Roles, by the CLI.
  const facilitator = await person('desmond.fac@example.org', 'Desmond Achebe');
  const rhiannon = await person('rhiannon.member@example.org', 'Rhiannon Quill');
  const tobias = await person('tobias.member@example.org', 'Tobias Fenwick');
  const auditor = await person('ingrid.auditor@example.org', 'Ingrid Salcombe');
  cli(server, ['user', 'set-role', facilitator.email, 'facilitator', '--space', slug]);
  for (const m of [rhiannon, tobias]) cli(server, ['user', 'set-role', m.email, 'member', '--space', slug]);
  cli(server, ['user', 'set-role', auditor.email, 'auditor', '--space', slug]);
  for (const p of [facilitator, rhiannon, tobias, auditor]) await signIn(p);
  const voters = [steward, facilitator, rhiannon, tobias];

  // The first terms: proposed by a member from the template, agreed, closed by the proposer.
  const first = await propose(rhiannon, slug, {
    link: 'Propose terms of reference', heading: 'Propose terms of reference',
    edit: (t) => t, summary: 'Our first terms of reference',
  });
  for (const v of voters) await consent(v, first.path);
  await close(rhiannon, first.path, 'Agreed by consent: these are our terms.');
  const oldLine = first.text.split('\n').find((l) => l.startsWith('- How often and where we meet'));
  assert.ok(oldLine, 'the template says how often and where the group meets');

  // The amendment: a member changes one line.
  const newLine = '- We meet every second Tuesday at the Millbrook library, and online for anyone who cannot travel.';
  const second = await propose(tobias, slug, {
    link: 'Propose a change', heading: 'Propose a change to the terms of reference',
    edit: (t) => t.replace(oldLine, newLine), summary: 'Say when and where we meet',
  });
  assert.ok(second.text.includes(newLine));
  // While it is being decided, version 1 stays in force and the terms page says a change is coming.
  await tobias.page.goto(`/spaces/${slug}/terms`);
  await check(tobias.page);
  assert.match(await tobias.page.locator('main').innerText(), /A change is being decided/);
  assert.doesNotMatch(await tobias.page.locator('.hs-code').innerText(), /every second Tuesday/);

  for (const v of voters) await consent(v, second.path);
  await close(facilitator, second.path, 'Agreed by consent: we meet every second Tuesday.');

  // The new version is current.
  const { page } = rhiannon;
  await page.goto(`/spaces/${slug}/terms`);
  await check(page);
  assert.match(await page.locator('.hs-code').innerText(), /every second Tuesday at the Millbrook library/);
  assert.doesNotMatch(await page.locator('.hs-code').innerText(), /How often and where we meet/);
  assert.equal((await page.locator('.govuk-summary-list__row', { hasText: 'Version' }).first().locator('dd').innerText()).trim(), '2');

  // Both versions are listed.
  await Promise.all([page.waitForURL(`**/spaces/${slug}/terms/versions`), page.getByRole('link', { name: 'Every version, and what changed' }).click()]);
  await check(page);
  const cards = page.locator('li.hs-card');
  assert.equal(await cards.count(), 2);
  const cardText = await cards.allInnerTexts();
  assert.ok(cardText.some((t) => /Version 2/.test(t) && /Say when and where we meet/.test(t)), cardText.join('\n---\n'));
  assert.ok(cardText.some((t) => /Version 1/.test(t) && /Our first terms of reference/.test(t)), cardText.join('\n---\n'));
  assert.match(await page.locator('main').innerText(), /Version 2[\s\S]*In force[\s\S]*Version 1[\s\S]*Replaced/);

  // The diff marks the change in words.
  await Promise.all([page.waitForURL(/\/terms\/diff/), page.getByRole('link', { name: 'Compare any two versions' }).click()]);
  await check(page);
  const removed = page.locator('del.hs-diff__del', { hasText: 'How often' });
  const added = page.locator('ins.hs-diff__ins', { hasText: 'every second Tuesday' });
  assert.ok(await removed.count() >= 1, 'the old words are marked as removed');
  assert.ok(await added.count() >= 1, 'the new words are marked as added');
  assert.match(await removed.first().innerText(), /Removed:/);
  assert.match(await added.first().innerText(), /Added:/);
  assert.equal(await page.locator('del, ins', { hasText: 'Confidentiality' }).count(), 0, 'unchanged parts are not marked');

  // The auditor checks the decision log.
  const ap = auditor.page;
  await ap.goto(second.path);
  await check(ap);
  assert.match(await ap.locator('main').innerText(), /Decided: Passed/);
  await ap.goto(`/spaces/${slug}/audit`);
  await check(ap);
  assert.equal((await ap.locator('h1').innerText()).trim(), 'Decision log');
  await submit(ap, ap.getByRole('button', { name: 'Check the log now' }), (u) => u.pathname === `/spaces/${slug}/audit/verify`);
  const verification = ap.locator('#verification');
  assert.match(await verification.innerText(), /Result of the check: Verified/);
  const kinds = await ap.locator('table.govuk-table tbody td code').allInnerTexts();
  for (const kind of ['terms.proposed', 'decision.opened', 'decision.answered', 'decision.closed', 'terms.ratified'])
    assert.ok(kinds.includes(kind), `the log lists ${kind}: ${kinds.join(', ')}`);
  assert.ok(Number(await ap.locator('#entry-count').innerText()) >= kinds.length);

  // An anonymous poll: the answer is kept under a ballot code the person holds; on
  // another device it opens only with that code.
  const rp = rhiannon.page;
  await rp.goto(`/spaces/${slug}/decisions/new`);
  await check(rp);
  await rp.locator('#title').fill('Try a quieter room for the next meeting');
  await rp.locator('#details').fill('The community hall is loud when the cafe is open.');
  await rp.locator('input[name="method"][value="consent"]').check();
  const closes = inDays(5);
  await rp.locator('#closes_at').fill(closes.day);
  await rp.locator('#closes_at-month').fill(closes.month);
  await rp.locator('#closes_at-year').fill(closes.year);
  await rp.locator('#closes_at-time').fill('12:00');
  await rp.locator('#quorum').fill('50');
  await rp.locator('#anonymous').check();
  await submit(rp, rp.getByRole('button', { name: 'Open for answers' }), /\/decisions\/\d+\?notice=opened$/);
  const pollPath = new URL(rp.url()).pathname;
  const tp = tobias.page;
  await tp.goto(pollPath);
  await check(tp);
  await tp.getByRole('radio', { name: 'I object' }).check();
  await tp.getByLabel('Your reason').fill('The quieter room has no step-free access.');
  await submit(tp, tp.getByRole('button', { name: 'Save my answer' }), (u) => u.pathname === pollPath);
  const code = (await tp.locator('#ballot-code strong').innerText()).trim();
  assert.match(code, /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){4}$/);
  // Tobias on his phone: signed in, but without the code.
  const phone = await browser.newContext({ viewport: { width: 320, height: 640 }, baseURL: server.url });
  phone.setDefaultTimeout(10000);
  const session = (await tobias.context.cookies()).filter((c) => !c.name.includes('hs_ballot'));
  await phone.addCookies(session);
  const pp = await phone.newPage();
  await pp.goto(pollPath);
  await check(pp);
  assert.doesNotMatch(await pp.locator('main').innerText(), /no step-free access/);
  await pp.getByLabel('Your ballot code').fill('2345-6789-ABCD-EFGH-JKLM');
  await submit(pp, pp.getByRole('button', { name: 'Use this code' }), (u) => u.pathname === `${pollPath}/code`);
  assert.match(await pp.locator('.govuk-error-summary').innerText(), /That code does not open an answer of yours/);
  await pp.getByLabel('Your ballot code').fill(code.toLowerCase());
  await submit(pp, pp.getByRole('button', { name: 'Use this code' }), (u) => u.pathname === pollPath);
  assert.match(await pp.locator('#reason').inputValue(), /no step-free access/);
  await phone.close();

  for (const p of [steward, facilitator, rhiannon, tobias, auditor]) await p.context.close();
  assert.ok(audit.visited.length > 30, `pages checked: ${audit.visited.length}`);
});
