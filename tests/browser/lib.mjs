// Browser tests drive Debian's Chromium with playwright-core and run axe-core on every
// page they visit.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { ROOT, startServer, cli, Client, PASSWORD } from '../http/harness.mjs';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export async function launch() {
  return chromium.launch({
    executablePath: process.env.HS_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

// Every page visited is checked: 0 violations of WCAG 2.x A/AA (and best practices).
// A page opened with JavaScript turned off cannot run axe (its timers never fire), so its
// DOM, exactly as it is, is audited in a scripted twin page at the same address and size.
export class Audit {
  constructor() { this.visited = []; }
  async check(page) {
    const url = new URL(page.url()).pathname;
    const target = (await scriptsRun(page)) ? page : await twin(page);
    // axe is injected by evaluation, not a <script> tag: the page's CSP stays strict.
    await target.evaluate(AXE);
    const result = await target.evaluate(async () => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
    });
    this.visited.push(url);
    assert.deepEqual(result, [], `axe-core found violations on ${url}: ${JSON.stringify(result, null, 2)}`);
  }
}

// Whether the page's own scripts (and so its timers) run: a setting of its browser context.
const scripted = new WeakMap();
async function scriptsRun(page) {
  const context = page.context();
  if (!scripted.has(context)) {
    const tick = page.evaluate(() => new Promise((resolve) => { setTimeout(() => resolve(true), 0); }));
    tick.catch(() => {});
    scripted.set(context, await Promise.race([tick, new Promise((resolve) => { setTimeout(() => resolve(false), 300); })]));
  }
  return scripted.get(context);
}

// One scripted page per browser, reused (checks run one at a time), that is handed the
// unscripted page's HTML at the same address, so styles and relative links resolve the same.
const twins = new WeakMap();
async function twin(page) {
  const html = await page.content();
  const url = page.url().replace(/#.*$/, '');
  const browser = page.context().browser();
  if (!twins.has(browser)) twins.set(browser, browser.newContext().then((c) => c.newPage()));
  const copy = await twins.get(browser);
  await copy.setViewportSize(page.viewportSize());
  await copy.unrouteAll();
  await copy.route((u) => u.href === url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
  await copy.goto(url, { waitUntil: 'load' });
  return copy;
}

// Follows a page's own structure: one h1, a title, lang, and a skip link first.
export async function assertPageBasics(page) {
  assert.equal(await page.locator('h1').count(), 1, `one h1 on ${page.url()}`);
  assert.ok((await page.title()).length > 0);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  const first = await page.evaluate(() => {
    const el = document.querySelector('a, button, input, select, textarea');
    return el && el.getAttribute('href');
  });
  assert.equal(first, '#main-content');
}

// --- what every browser test file shares ---------------------------------------------
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

// One humanspace server (serving static/) and one Chromium per test file (node --test
// runs each file in a process of its own). These bindings are live: set before the
// file's first test.
export let server;
export let browser;
export const audit = new Audit();

// seed: the demo community as `./dev run` makes it (its accounts' password is the demo's).
export function startSuite({ demo = false, seed = false } = {}) {
  before(async () => {
    server = await startServer({ demo, args: ['--static-dir', join(ROOT, 'static'), ...(seed ? ['--seed-demo'] : [])] });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });
}

// Every page a person lands on: loaded, its basics, and axe-core.
export async function check(page) {
  await page.waitForLoadState('load');
  await assertPageBasics(page);
  await audit.check(page);
}

// A person in a browser context of their own: JavaScript on or off, a viewport.
export async function newPerson({ js = true, viewport = PHONE } = {}) {
  const context = await browser.newContext({ javaScriptEnabled: js, viewport, baseURL: server.url });
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  return { context, page };
}


// Presses a button that navigates, waits for the URL it should land on, and checks the
// page it lands on.
export async function submit(page, button, url) {
  await Promise.all([page.waitForURL(url), button.click()]);
  await check(page);
}

// A person with an account made by the CLI (a site steward when asked), signed in through
// /signin in a browser context of their own.
export async function signedIn(email, name, { js = true, steward = false, viewport = DESKTOP } = {}) {
  cli(server, ['user', 'add', email, '--name', name], `${PASSWORD}\n`);
  if (steward) cli(server, ['user', 'set-role', email, 'steward']);
  const { context, page } = await newPerson({ js, viewport });
  await page.goto('/signin');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/signin'), page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
  return { email, name, context, page };
}

// A listed forum made by a site steward through /spaces/new; returns its slug.
export async function createSpace(page, { name, purpose, code = 'Be kind.' }) {
  await page.goto('/spaces/new');
  await page.locator('#name').fill(name);
  await page.locator('input[name="kind"][value="forum"]').check();
  await page.locator('#purpose').fill(purpose);
  await page.locator('input[name="visibility"][value="listed"]').check();
  await page.locator('#code_of_conduct').fill(code);
  await Promise.all([page.waitForURL(/\?notice=created$/), page.getByRole('button', { name: 'Create space' }).click()]);
  return new URL(page.url()).pathname.split('/')[2];
}

// Signs an existing account in through /signin, in the person's own page.
export async function signIn(p, email) {
  await p.page.goto('/signin');
  await p.page.getByLabel('Email address').fill(email);
  await p.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await Promise.all([p.page.waitForURL((u) => u.pathname !== '/signin'), p.page.getByRole('button', { name: 'Sign in', exact: true }).click()]);
}

let events = 0;
// A space with a facilitator and an event, set up over HTTP as the HTTP tests do (accounts
// and roles by the CLI), with its agenda: `items` is a list of [kind, title, options].
// Returns the facilitator's HTTP client, the event's path, its join code and the space.
export async function facilitatedEvent(items) {
  const n = ++events;
  cli(server, ['user', 'add', `steward${n}@example.org`, '--name', `Wren Halloway ${n}`], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', `steward${n}@example.org`, 'steward']);
  const steward = new Client(server);
  await steward.get('/signin');
  await steward.post('/signin', { email: `steward${n}@example.org`, password: PASSWORD });
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: `Harbour Lived Experience Forum ${n}`, slug: '', kind: 'network',
    purpose: 'People with lived experience and the services around them, co-producing.', visibility: 'listed',
    code_of_conduct: '# Be kind\n\nListen first.',
  });
  assert.equal(made.status, 303, made.text.slice(0, 300));
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  cli(server, ['user', 'add', `fac${n}@example.org`, '--name', `Tamsin Ollerby ${n}`], `${PASSWORD}\n`);
  cli(server, ['user', 'set-role', `fac${n}@example.org`, 'facilitator', '--space', slug]);
  const fac = new Client(server);
  await fac.get('/signin');
  await fac.post('/signin', { email: `fac${n}@example.org`, password: PASSWORD });
  await fac.get(`/spaces/${slug}/events`);
  const ev = await fac.post(`/spaces/${slug}/events`, {
    title: "Let's all co-pro", description: 'A learning event.', starts: '2030-05-01T10:00', ends: '2030-05-01T16:00',
  });
  assert.equal(ev.status, 303, ev.text.slice(0, 300));
  const path = ev.location.replace(/\/run$/, '');
  for (const [kind, title, options = ''] of items) {
    const r = await fac.post(`${path}/items`, {
      kind, title, summary: '', speakers: '', key_messages: '', content_note: '', options, max_entries: '3', max_chars: '40',
    });
    assert.equal(r.status, 303, r.text.slice(0, 300));
  }
  const run = await fac.get(`${path}/run`);
  const code = run.text.match(/id="join-code">([A-Z0-9]+)</)[1];
  return { fac, path, code, slug, run, facEmail: `fac${n}@example.org` };
}
