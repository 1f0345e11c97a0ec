// The library (issue 17): members share links and files; a file's type is read from its
// bytes (an HTML page or a script renamed .pdf is refused, with what was typed kept);
// files are stored under random names, never the uploaded one, and only ever served as
// attachments with nosniff, to the space's members; over 25 MB is refused; a facilitator
// removes a resource with a reason that goes in the decision log; a person's export and
// erasure cover what they shared; a slow connection may take more than 30 s over a file
// while its bytes keep coming. Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, cli, signedIn, dbRows, raw as rawRequest } from './harness.mjs';

let server;
let cast;
const person = (name, options) => signedIn(server, name, options);

function decode(html) {
  return html.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// A small valid PDF, a 1x1 PNG, and pages pretending to be PDFs.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415478da63f8cfc0000003010100c9fe92ef0000000049454e44ae426082', 'hex');
const HTML = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const SCRIPT = Buffer.from('#!/bin/sh\necho hello\n');

let spaces = 0;
async function space(owner, members) {
  await owner.get('/spaces/new');
  const res = await owner.post('/spaces/new', {
    name: `Heron Housing Practice ${++spaces}`, slug: '', kind: 'practice', purpose: 'People who have been homeless, learning together.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(res.status, 303, res.text.slice(0, 300));
  const slug = res.location.match(/^\/spaces\/([a-z0-9-]+)/)[1];
  for (const [who, role] of members) cli(server, ['user', 'set-role', who.email, role, '--space', slug]);
  return slug;
}

async function share(client, slug, fields, file) {
  await client.get(`/spaces/${slug}/library/new`);
  return client.postMultipart(`/spaces/${slug}/library/new`, { title: 'A guide', description: '', tags: '', url: '', ...fields },
    file ? [{ field: 'file', ...file }] : []);
}

async function shared(client, slug, fields, file) {
  const res = await share(client, slug, fields, file);
  assert.equal(res.status, 303, `sharing: ${res.status} ${decode(res.text).slice(0, 1500)}`);
  return Number(res.location.match(/#resource-(\d+)$/)[1]);
}

const libraryFiles = () => {
  try { return readdirSync(join(server.dataDir, 'library')); } catch { return []; }
};

before(async () => {
  server = await startServer();
  cast = {
    steward: await person('Philippa Oduya', { steward: true }),
    facilitator: await person('Cormac Lindqvist'),
    sharer: await person('Temperance Obi'),
    reader: await person('Ignatius Vale'),
    outsider: await person('Rosalind Achterberg'),
  };
});
after(async () => { await server.stop(); });

function members() {
  const { steward, facilitator, sharer, reader } = cast;
  return [[steward, 'steward'], [facilitator, 'facilitator'], [sharer, 'member'], [reader, 'member']];
}

test('a member shares a PDF, a picture and a link; another downloads the file, always as an attachment', async () => {
  const { sharer, reader } = cast;
  const slug = await space(cast.steward, members());
  const pdf = await shared(sharer, slug, { title: 'Paying people for their time', description: 'Our guide.\n\nSecond page.', tags: 'Payments, guides' },
    { name: 'payment guide.pdf', type: 'application/pdf', bytes: PDF });
  // The declared type and the name do not matter: a PNG sent as "text/html" named .txt is a PNG.
  const png = await shared(sharer, slug, { title: 'Our wall of ideas', tags: 'pictures' },
    { name: 'wall.txt', type: 'text/html', bytes: PNG });
  await shared(sharer, slug, { title: 'Co-production in practice', url: 'https://www.example.org/co-production', tags: 'guides' });

  const page = decode((await reader.get(`/spaces/${slug}/library`)).text);
  for (const words of ['Paying people for their time', 'Our wall of ideas', 'Co-production in practice', 'Our guide.', 'Second page.',
    'PDF', 'PNG picture', 'payments', 'Shared by Temperance Obi'])
    assert.ok(page.includes(words), words);
  assert.match(page, /href="https:\/\/www\.example\.org\/co-production" rel="noreferrer nofollow"/);
  const tagged = decode((await reader.get(`/spaces/${slug}/library?tag=guides`)).text);
  assert.ok(tagged.includes('Paying people for their time') && tagged.includes('Co-production in practice'));
  assert.ok(!tagged.includes('Our wall of ideas'));

  for (const [id, bytes, type, name] of [[pdf, PDF, 'application/pdf', 'payment guide.pdf'], [png, PNG, 'image/png', 'wall.png']]) {
    const res = await reader.request('GET', `/spaces/${slug}/library/${id}/download`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), type);
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="${name}"`);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy'), /; sandbox allow-downloads$/, 'and sandboxed, should a browser show it');
    assert.equal(Buffer.from(res.text, 'latin1').length > 0, true);
    const raw = Buffer.from(await (await fetch(`${server.url}/spaces/${slug}/library/${id}/download`, { headers: { cookie: reader.cookieHeader() } })).arrayBuffer());
    assert.ok(raw.equals(bytes), 'the bytes come back unchanged');
  }

  // On disk: random names, none of them the uploaded ones, readable by this program only.
  const files = libraryFiles();
  assert.ok(files.length >= 2);
  for (const f of files) {
    assert.match(f, /^[0-9a-f]{64}$/);
    assert.equal(statSync(join(server.dataDir, 'library', f)).mode & 0o077, 0);
  }
  const stored = dbRows(server, `SELECT stored_name, file_name FROM library_resources WHERE id IN (${pdf}, ${png})`);
  for (const [storedName, fileName] of stored) {
    assert.ok(files.includes(storedName));
    assert.notEqual(storedName, fileName);
  }
});

test('an HTML page or a script renamed .pdf is refused with a clear message, and what was typed is kept', async () => {
  const { sharer } = cast;
  const slug = await space(cast.steward, members());
  const before = libraryFiles().length;
  for (const bytes of [HTML, SCRIPT]) {
    const res = await share(sharer, slug, { title: 'Sneaky "report"', description: 'Please open', tags: 'reports' },
      { name: 'report.pdf', type: 'application/pdf', bytes });
    assert.equal(res.status, 422);
    const page = decode(res.text);
    assert.match(page, /The file must be a PDF, a picture or an office document/);
    assert.match(page, /We check what is inside a file, not its name/);
    assert.match(page, /value="Sneaky "report""/);
    assert.match(page, />Please open<\/textarea>/);
    assert.match(page, /value="reports"/);
    assert.match(page, /Choose your file again/);
  }
  assert.equal(libraryFiles().length, before, 'nothing refused is kept on disk');
  assert.equal(dbRows(server, `SELECT count(*) FROM library_resources r JOIN spaces s ON s.id = r.space_id WHERE s.slug = '${slug}'`)[0][0], '0');
  // Neither a link nor a file; both; a link that is not a web address.
  let res = await share(sharer, slug, { title: 'Nothing' });
  assert.equal(res.status, 422);
  assert.match(decode(res.text), /Choose a file or give a link/);
  res = await share(sharer, slug, { title: 'Both', url: 'https://example.org' }, { name: 'a.pdf', type: 'application/pdf', bytes: PDF });
  assert.match(decode(res.text), /Share either a file or a link, not both/);
  res = await share(sharer, slug, { title: 'Script link', url: 'javascript:alert(1)' });
  assert.equal(res.status, 422);
  assert.match(decode(res.text), /Enter a link starting with https:\/\//);
});

test('over 25 MB is refused', async () => {
  const { sharer } = cast;
  const slug = await space(cast.steward, members());
  // Just over 25 MB of PDF: the form comes back saying so (413).
  const big = Buffer.concat([PDF, Buffer.alloc(25 * 1024 * 1024 + 1 - PDF.length, 0x20)]);
  let res = await share(sharer, slug, { title: 'Huge report' }, { name: 'huge.pdf', type: 'application/pdf', bytes: big });
  assert.equal(res.status, 413);
  assert.match(decode(res.text), /The file must be 25 MB or smaller/);
  assert.match(decode(res.text), /value="Huge report"/);
  // Far over: refused before the body is read.
  const huge = Buffer.alloc(27 * 1024 * 1024, 0x20);
  res = await share(sharer, slug, { title: 'Huger' }, { name: 'huger.pdf', type: 'application/pdf', bytes: huge }).catch((e) => ({ status: 413, error: e }));
  assert.equal(res.status, 413);
  assert.equal(dbRows(server, `SELECT count(*) FROM library_resources r JOIN spaces s ON s.id = r.space_id WHERE s.slug = '${slug}'`)[0][0], '0');
});

test('a member of another space, or someone signed out, sees nothing', async () => {
  const { sharer, outsider } = cast;
  const slug = await space(cast.steward, members());
  const id = await shared(sharer, slug, { title: 'Members only guide' }, { name: 'm.pdf', type: 'application/pdf', bytes: PDF });
  const theirs = await space(cast.steward, [[outsider, 'member']]);
  for (const path of [`/spaces/${slug}/library`, `/spaces/${slug}/library/new`, `/spaces/${slug}/library/${id}/download`,
    `/spaces/${slug}/library/${id}/remove`, `/spaces/${theirs}/library/${id}/download`]) {
    const res = await outsider.get(path);
    assert.equal(res.status, 404, path);
    assert.doesNotMatch(res.text, /Members only guide/);
  }
  await outsider.get(`/spaces/${theirs}/library/new`);
  const res = await outsider.postMultipart(`/spaces/${slug}/library/new`, { title: 'Intruder', url: 'https://example.org' });
  assert.equal(res.status, 404);
  const anon = await fetch(`${server.url}/spaces/${slug}/library/${id}/download`, { redirect: 'manual' });
  assert.notEqual(anon.status, 200);
  assert.doesNotMatch(await anon.text(), /%PDF/);
});

test('a facilitator removes a resource with a reason in the decision log; export and erasure cover what a person shared', async () => {
  const { facilitator, sharer, reader } = cast;
  const leaver = await person('Wilhelmina Stroud');
  const slug = await space(cast.steward, [...members(), [leaver, 'member']]);
  const id = await shared(sharer, slug, { title: 'Old rota' }, { name: 'rota.pdf', type: 'application/pdf', bytes: PDF });
  const storedName = dbRows(server, `SELECT stored_name FROM library_resources WHERE id = ${id}`)[0][0];
  // A member may not remove someone else's.
  assert.equal((await reader.get(`/spaces/${slug}/library/${id}/remove`)).status, 404);
  assert.doesNotMatch((await reader.get(`/spaces/${slug}/library`)).text, /Remove from the library/);
  await facilitator.get(`/spaces/${slug}/library/${id}/remove`);
  let res = await facilitator.post(`/spaces/${slug}/library/${id}/remove`, { reason: '' });
  assert.equal(res.status, 422);
  assert.match(decode(res.text), /Enter why you are removing it/);
  res = await facilitator.post(`/spaces/${slug}/library/${id}/remove`, { reason: 'Out of date: the rota changed in May.' });
  assert.equal(res.status, 303);
  assert.doesNotMatch((await reader.get(`/spaces/${slug}/library`)).text, /Old rota/);
  assert.equal((await reader.get(`/spaces/${slug}/library/${id}/download`)).status, 404);
  assert.ok(!libraryFiles().includes(storedName), 'the file is deleted');
  const log = dbRows(server, `SELECT e.entry FROM audit_entries e JOIN spaces s ON s.id = e.space_id WHERE s.slug = '${slug}' ORDER BY e.seq`)
    .map((r) => r.join('|')).join('\n');
  assert.match(log, /library\.resource_removed/);
  assert.match(log, /Out of date: the rota changed in May\./);

  // The person's own: export lists it, erasure takes rows and files away.
  const mine = await shared(leaver, slug, { title: 'My recovery map', tags: 'maps' }, { name: 'map.png', type: 'image/png', bytes: PNG });
  await shared(leaver, slug, { title: 'A link I liked', url: 'https://example.org/liked' });
  const mineStored = dbRows(server, `SELECT stored_name FROM library_resources WHERE id = ${mine}`)[0][0];
  const data = JSON.parse((await leaver.get('/account/data.json')).text);
  const section = typeof data.library === 'string' ? JSON.parse(data.library) : data.library;
  assert.deepEqual(section.map((r) => r.title).sort(), ['A link I liked', 'My recovery map']);
  assert.equal(section.find((r) => r.title === 'My recovery map').file_name, 'map.png');
  assert.doesNotMatch(JSON.stringify(section), new RegExp(mineStored), 'the name on disk is not handed out');
  await leaver.get('/account/data');
  res = await leaver.post('/account/delete', { confirm: 'yes' });
  assert.equal(res.status, 200, res.text.slice(0, 300));
  assert.equal(dbRows(server, `SELECT count(*) FROM library_resources WHERE title IN ('My recovery map', 'A link I liked')`)[0][0], '0');
  assert.ok(!libraryFiles().includes(mineStored), 'their file is deleted');
  assert.doesNotMatch((await reader.get(`/spaces/${slug}/library`)).text, /My recovery map/);
});

function closing(hours) {
  const d = new Date(Date.now() + hours * 3600 * 1000);
  const pad = (n) => String(n).padStart(2, '0');
  return {
    closes_day: String(d.getUTCDate()), closes_month: String(d.getUTCMonth() + 1), closes_year: String(d.getUTCFullYear()),
    closes_time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
}

async function decision(client, slug, title) {
  await client.get(`/spaces/${slug}/decisions/new`);
  const res = await client.post(`/spaces/${slug}/decisions/new`, {
    title, details: 'So we can plan.', method: 'consent', options: '', ...closing(72), quorum: '50', results: 'after_close',
    threshold: 'simple_majority', dots: '5',
  });
  assert.equal(res.status, 303, `opening a proposal: ${res.status} ${res.text.slice(0, 600)}`);
  return Number(res.location.match(/decisions\/(\d+)/)[1]);
}

async function event(client, slug, title) {
  await client.get(`/spaces/${slug}/events`);
  const res = await client.post(`/spaces/${slug}/events`, { title, description: 'Talks.', starts: '2031-03-04T10:00', ends: '2031-03-04T15:30' });
  assert.equal(res.status, 303, res.text.slice(0, 500));
  return Number(res.location.match(/\/events\/(\d+)/)[1]);
}

test('a conversation links to an event or a decision of its own space only, shown with its title to those who may see it', async () => {
  const { facilitator, sharer, reader, outsider } = cast;
  const slug = await space(cast.steward, members());
  const other = await space(cast.steward, [[outsider, 'facilitator']]);
  const dec = await decision(facilitator, slug, 'Meet every two weeks');
  const ev = await event(facilitator, slug, 'Spring learning day');
  const elsewhere = await decision(outsider, other, 'Another space\'s secret plan');
  const elsewhereEvent = await event(outsider, other, 'Another space\'s day');

  // The form offers this space's items and nothing of another space's.
  const form = decode((await sharer.get(`/spaces/${slug}/conversations/new`)).text);
  assert.match(form, new RegExp(`<option value="decision:${dec}">Meet every two weeks</option>`));
  assert.match(form, new RegExp(`<option value="event:${ev}">Spring learning day</option>`));
  assert.doesNotMatch(form, /secret plan|Another space's day/);

  // Chosen on the form.
  let res = await sharer.post(`/spaces/${slug}/conversations/new`, {
    kind: 'idea', title: 'Shorter meetings, more often', body: 'Every two weeks, one hour.', content_note: '', link: `decision:${dec}`,
  });
  assert.equal(res.status, 303, decode(res.text).slice(0, 800));
  const path = res.location.split('?')[0];
  let page = decode((await reader.get(path)).text);
  assert.match(page, new RegExp(`Decision: <a class="govuk-link" href="/spaces/${slug}/decisions/${dec}">Meet every two weeks</a>`));
  assert.doesNotMatch(page, /Link this conversation to something/, 'only its starter or a facilitator adds links');

  // Added afterwards by its starter; another space's items are refused, on the form and after.
  await sharer.get(path);
  res = await sharer.post(`${path}/links`, { link: `event:${ev}` });
  assert.equal(res.status, 303);
  page = decode((await reader.get(path)).text);
  assert.match(page, new RegExp(`Event: <a class="govuk-link" href="/events/${ev}">Spring learning day</a>`));
  for (const link of [`decision:${elsewhere}`, `event:${elsewhereEvent}`, 'story:999999', 'page:1']) {
    res = await sharer.post(`${path}/links`, { link });
    assert.match(res.location, /link_error=1/, link);
    res = await sharer.post(`/spaces/${slug}/conversations/new`, { kind: 'idea', title: 'Sneaky link', body: 'x', content_note: '', link });
    assert.equal(res.status, 422, link);
    assert.match(decode(res.text), /Choose one of the events, decisions, stories or actions in the list/);
    assert.match(decode(res.text), /value="Sneaky link"/);
  }
  const linkedIds = dbRows(server, `SELECT kind, item_id FROM conversation_links`).map((r) => r.join(':'));
  assert.ok(!linkedIds.includes(`decision:${elsewhere}`) && !linkedIds.includes(`event:${elsewhereEvent}`));
  // A member may not link someone else's conversation.
  await reader.get(path);
  res = await reader.post(`${path}/links`, { link: `decision:${dec}` });
  assert.equal(res.status, 403);
  // Someone outside the space sees neither the conversation nor its links.
  res = await outsider.get(path);
  assert.equal(res.status, 404);
  assert.doesNotMatch(res.text, /Meet every two weeks/);
});

test('the space\'s search finds shared resources by their words, for members only, and never removed ones', async () => {
  const { sharer, reader, outsider } = cast;
  const slug = await space(cast.steward, members());
  const id = await shared(sharer, slug, { title: 'Travel costs', description: 'How we reimburse volunteers for their journeys.', tags: 'money' },
    { name: 'travel.pdf', type: 'application/pdf', bytes: PDF });
  await shared(sharer, slug, { title: 'Quiet rooms', url: 'https://www.example.org/quiet', tags: 'venues' });
  const search = async (who, q) => decode((await who.get(`/spaces/${slug}/conversations/search?q=${encodeURIComponent(q)}`)).text);
  // "journey" finds "journeys", and a tag is searched too.
  let page = await search(reader, 'reimbursing journey');
  assert.match(page, new RegExp(`href="/spaces/${slug}/library#resource-${id}"[^>]*>Travel costs</a>`));
  assert.match(page, /in the library/);
  assert.match(page, /<mark>reimburse<\/mark>/);
  assert.doesNotMatch(page, /Quiet rooms/);
  assert.match(await search(reader, 'venues'), /Quiet rooms/);
  // Every word must be there: a word it lacks finds nothing.
  assert.doesNotMatch(await search(reader, 'journeys elephant'), /Travel costs/);
  // Another space's member finds nothing.
  const theirs = await search(outsider, 'journeys');
  assert.doesNotMatch(theirs, /Travel costs/);
  // A removed resource is not found.
  await sharer.get(`/spaces/${slug}/library/${id}/remove`);
  const removed = await sharer.post(`/spaces/${slug}/library/${id}/remove`, { reason: 'Out of date.' });
  assert.equal(removed.status, 303, removed.text.slice(0, 300));
  assert.doesNotMatch(await search(reader, 'journeys'), /Travel costs/);
});

test('a slow connection may take more than 30 s over a file, as long as its bytes keep coming', async () => {
  const slug = await space(cast.steward, members());
  const c = cast.sharer;
  await c.get(`/spaces/${slug}/library/new`);
  const boundary = '----hsSlowUpload';
  const part = (name, value) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = Buffer.concat([
    Buffer.from(part('csrf', c.csrf) + part('title', 'A guide sent slowly') + part('description', '') + part('tags', '') + part('url', '') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const head = `POST /spaces/${slug}/library/new HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nOrigin: ${server.origin}\r\n` +
    `Cookie: ${c.cookieHeader()}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
  // Five pieces nine seconds apart: 45 s in all, never 30 s without a byte.
  const pieces = [head];
  for (let i = 0; i < 5; i++) pieces.push(body.subarray(Math.floor((i * body.length) / 5), Math.floor(((i + 1) * body.length) / 5)));
  const res = await rawRequest(server, pieces, { delayMs: 9000, timeoutMs: 70000 });
  assert.match(res.data, /^HTTP\/1\.1 303 /, res.data.slice(0, 300));
  assert.match(decode((await c.get(`/spaces/${slug}/library`)).text), /A guide sent slowly/);
});
