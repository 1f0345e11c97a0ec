// An event's own word lists: the facilitator adds words to hold and words to always
// show, on a page of its own that works without JavaScript; disguised swear words are
// held; the cloud's images come in a high-contrast version.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, Client, signedIn } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

async function setUp(srv) {
  const steward = await signedIn(srv, 'Ottoline Brack', { steward: true });
  await steward.get('/spaces/new');
  const made = await steward.post('/spaces/new', {
    name: 'Harbourside Gambling Harm Forum', slug: '', kind: 'network',
    purpose: 'People with lived experience of gambling harm and the services around them.', visibility: 'listed',
    code_of_conduct: '# Be kind',
  });
  assert.equal(made.status, 303, made.text.slice(0, 300));
  const slug = made.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  const fac = await signedIn(srv, 'Marisol Teague');
  cli(srv, ['user', 'set-role', fac.email, 'facilitator', '--space', slug]);
  await fac.get(`/spaces/${slug}/events`);
  const ev = await fac.post(`/spaces/${slug}/events`, {
    title: 'Words matter', description: 'A word cloud.', starts: '2030-05-01T10:00', ends: '2030-05-01T16:00',
  });
  assert.equal(ev.status, 303, ev.text.slice(0, 300));
  const path = ev.location.replace(/\/run$/, '');
  const run = await fac.get(`${path}/run`);
  const code = run.text.match(/id="join-code">([A-Z0-9]+)</)[1];
  const cloud = await fac.post(`${path}/items`, {
    kind: 'cloud', title: 'One word for today', summary: '', speakers: '', key_messages: '',
    content_note: '', options: '', max_entries: '10', max_chars: '40',
  });
  assert.equal(cloud.status, 303, cloud.text.slice(0, 300));
  const item = [...(await fac.get(`${path}/run`)).text.matchAll(/id="item-(\d+)"/g)].map((m) => m[1]).pop();
  assert.equal((await fac.post(`${path}/items/${item}/do/open`)).status, 303);
  const p = new Client(srv);
  await p.get('/join');
  assert.equal((await p.post('/join', { code, nickname: 'Wren' })).status, 303);
  return { fac, path, item, p };
}

const heldList = (html) => (html.match(/<ul class="govuk-list" id="held"[\s\S]*?<\/ul>/) || [''])[0];

test('disguised swear words are held; the facilitator holds and allows words of their own', async () => {
  const { fac, path, item, p } = await setUp(server);
  const add = async (entry) => {
    await p.get(path);
    const r = await p.post(`${path}/items/${item}/words`, { entry });
    assert.equal(r.status, 303, `${entry}: ${r.status} ${r.text.slice(0, 300)}`);
  };
  for (const entry of ['F*ck it', 'sh1t', 'Scunthorpe', 'jackpot', 'bugger', 'hope']) await add(entry);
  let run = await fac.get(`${path}/run`);
  let held = heldList(run.text);
  assert.match(held, /F\*ck it/);
  assert.match(held, /sh1t/);
  assert.match(held, /bugger/);
  assert.doesNotMatch(held, /Scunthorpe|jackpot|hope/);
  // Everyone's screens (the writer still sees their own entry, to take it back).
  let state = (await p.get(`${path}/state.json`)).text;
  assert.doesNotMatch(state, /F\*ck it|sh1t/, 'held words never reach the screens');
  assert.match(state, /Scunthorpe/);

  // The page: only those who run the event.
  assert.equal((await p.get(`${path}/words`)).status, 403);
  const form = await fac.get(`${path}/words`);
  assert.equal(form.status, 200);
  assert.match(form.text, /<h1 class="govuk-heading-l">Words to hold or allow<\/h1>/);
  assert.match(form.text, /name="csrf" value="[^"]+"/);

  // Nothing typed, no choice: the GOV.UK error summary, and what was typed is kept.
  const bad = await fac.post(`${path}/words`, { word: '  ', kind: '' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /govuk-error-summary/);
  assert.match(bad.text, /href="#word">Enter a word or a short phrase/);
  assert.match(bad.text, /href="#kind">Choose whether to hold the word or always show it/);
  const kept = await fac.post(`${path}/words`, { word: 'jackpot', kind: 'sometimes' });
  assert.equal(kept.status, 422);
  assert.match(kept.text, /id="word" name="word" type="text" value="jackpot"/);

  // Hold "jackpot" (and its disguises), allow "bugger".
  const h = await fac.post(`${path}/words`, { word: 'jackpot', kind: 'held' });
  assert.equal(h.status, 303);
  assert.equal(h.location, `${path}/words?notice=added`);
  assert.equal((await fac.post(`${path}/words`, { word: 'Bugger', kind: 'allowed' })).status, 303);
  const lists = await fac.get(`${path}/words?notice=added`);
  assert.match(lists.text, /Word added/);
  assert.match(lists.text, /aria-labelledby="held-words">[\s\S]*jackpot[\s\S]*aria-labelledby="allowed-words"[\s\S]*Bugger/);
  await add('j@ckp0t');
  run = await fac.get(`${path}/run`);
  held = heldList(run.text);
  assert.match(held, /jackpot/);
  assert.match(held, /j@ckp0t/);
  assert.doesNotMatch(held, /bugger/, 'allowed: shown now');
  state = (await p.get(`${path}/state.json`)).text;
  assert.match(state, /bugger/);
  assert.doesNotMatch(state, /j@ckp0t/);

  // Removing a word undoes it.
  const removed = await fac.post(`${path}/words/remove`, { kind: 'held', word: 'jackpot' });
  assert.equal(removed.status, 303);
  assert.equal(removed.location, `${path}/words?notice=removed`);
  assert.equal((await fac.post(`${path}/words/remove`, { kind: 'held', word: 'jackpot' })).status, 404);
  run = await fac.get(`${path}/run`);
  assert.doesNotMatch(heldList(run.text), /jackpot/);
  assert.doesNotMatch((await fac.get(`${path}/words`)).text, /value="jackpot"/);
});

test('the cloud comes in a calm palette, and white on black with contrast=high', async () => {
  const { fac, path, item, p } = await setUp(server);
  for (const entry of ['trust', 'respect']) {
    await p.get(path);
    assert.equal((await p.post(`${path}/items/${item}/words`, { entry })).status, 303);
  }
  const svg = await fac.get(`${path}/items/${item}/cloud.svg`);
  assert.equal(svg.status, 200);
  assert.match(svg.text, /<rect width="100%" height="100%" fill="#ffffff"\/>/);
  assert.doesNotMatch(svg.text, /fill="#ffffff"[^/]*>trust</);
  const high = await fac.get(`${path}/items/${item}/cloud.svg?contrast=high`);
  assert.match(high.text, /<rect width="100%" height="100%" fill="#000000"\/>/);
  assert.match(high.text, /fill="#ffffff"[^>]*>trust<\/text>/);
  const png = await fac.get(`${path}/items/${item}/cloud.png?contrast=high`);
  assert.equal(png.status, 200);
  assert.equal(png.headers['content-type'] || png.headers.get?.('content-type'), 'image/png');
});
