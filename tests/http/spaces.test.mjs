// Spaces and membership: creating spaces, asking to join, invitations, private spaces,
// roles, leaving, and the member directory. Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import WebSocket from 'ws';
import { startServer, cli, Client, linksIn, ENGINE, signedIn, PASSWORD } from './harness.mjs';

let server;

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// With pronouns, set on their profile after signing in.
async function person(name, { steward = false, pronouns } = {}) {
  const c = await signedIn(server, name, { steward });
  if (pronouns) {
    await c.get('/account/profile');
    const p = await c.post('/account/profile', { email: c.email, display_name: name, pronouns, access_needs: '' });
    assert.ok(p.status === 303 || p.status === 200, `profile update: ${p.status}`);
  }
  return c;
}

function sql(statement) {
  if (ENGINE === 'postgres') execFileSync('psql', [server.db, '-q', '-c', statement]);
  else execFileSync('sqlite3', [server.db.replace(/^sqlite:/, ''), statement]);
}

let spaces = 0;
async function createSpace(steward, fields = {}) {
  const name = fields.name ?? `Tidewater Carers Circle ${++spaces}`;
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name,
    slug: '',
    kind: 'forum',
    purpose: 'A place for unpaid carers along the estuary to share what helps.',
    visibility: 'listed',
    code_of_conduct: '# Be kind\n\nListen first.\n\n- Share what you like\n- Keep others\u2019 stories here',
    ...fields,
  });
  assert.equal(res.status, 303, `creating a space: ${res.status} ${res.text.slice(0, 400)}`);
  const slug = res.location.match(/^\/spaces\/([a-z0-9-]+)\?notice=created$/)[1];
  return slug;
}

async function invitationLink(steward, slug, fields = {}) {
  await steward.get(`/spaces/${slug}/invitations`);
  const res = await steward.post(`/spaces/${slug}/invitations`, { email: '', days: '', ...fields });
  assert.equal(res.status, 201, res.text.slice(0, 300));
  const link = res.text.match(/id="invite-link"[^>]*value="([^"]+)"/)[1];
  return new URL(link).pathname;
}

test('a site steward creates a space and becomes its steward; others cannot create', async () => {
  const wren = await person('Wren Okafor', { steward: true });
  const dir = await wren.get('/spaces');
  assert.match(dir.text, /href="\/spaces\/new"/);

  const empty = await wren.post('/spaces/new', { name: '', slug: 'Bad Slug!', kind: '', purpose: '', visibility: '', code_of_conduct: '' });
  assert.equal(empty.status, 422);
  for (const field of ['name', 'slug', 'kind', 'purpose', 'visibility', 'code_of_conduct'])
    assert.match(empty.text, new RegExp(`href="#${field}"`), `error summary links to ${field}`);
  assert.match(empty.text, /value="Bad Slug!"/, 'what was typed is kept');

  const slug = await createSpace(wren, {
    name: 'Harbour Lights Forum',
    code_of_conduct: '# Our promises\n\n<script>alert("x")</script>\n\nBe <b>kind</b> & patient.\n\n1. Listen\n2. Speak',
  });
  assert.equal(slug, 'harbour-lights-forum');
  const page = await wren.get(`/spaces/${slug}`);
  assert.equal(page.status, 200);
  assert.match(page.text, /<h1[^>]*>Harbour Lights Forum<\/h1>/);
  assert.match(page.text, /Lived-experience forum/);
  assert.match(page.text, /<h3 class="govuk-heading-s">Our promises<\/h3>/);
  assert.match(page.text, /Be kind &amp; patient\./);
  assert.match(page.text, /<li>Listen<\/li>/);
  assert.doesNotMatch(page.text, /<script>alert|&lt;script|<b>kind/);
  assert.match(page.text, /Steward/);
  assert.match(page.text, new RegExp(`href="/spaces/${slug}/edit"`));

  // The same name again gets its own address.
  assert.equal(await createSpace(wren, { name: 'Harbour Lights Forum' }), 'harbour-lights-forum-2');
  // A typed address that is taken is refused on the form.
  const taken = await wren.post('/spaces/new', {
    name: 'Another', slug: 'harbour-lights-forum', kind: 'network', purpose: 'x', visibility: 'listed', code_of_conduct: 'x',
  });
  assert.equal(taken.status, 422);
  assert.match(taken.text, /Another space has that web address/);

  // Stewards edit; the listing shows the space to everyone.
  await wren.get(`/spaces/${slug}/edit`);
  const edited = await wren.post(`/spaces/${slug}/edit`, {
    name: 'Harbour Lights Forum', slug: 'harbour-lights', kind: 'network', purpose: 'Changed purpose.', visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(edited.status, 303);
  assert.equal(edited.location, '/spaces/harbour-lights?notice=updated');
  const anon = new Client(server);
  const listing = await anon.get('/spaces');
  assert.match(listing.text, /href="\/spaces\/harbour-lights"/);
  assert.doesNotMatch(listing.text, /href="\/spaces\/new"/);
  assert.match((await anon.get('/spaces/harbour-lights')).text, /Changed purpose\./);

  const juniper = await person('Juniper Hale');
  assert.equal((await juniper.get('/spaces/new')).status, 403);
  assert.equal((await juniper.post('/spaces/new', { name: 'Mine', kind: 'forum', purpose: 'x', visibility: 'listed', code_of_conduct: 'x' })).status, 403);
  assert.equal((await juniper.get('/spaces/harbour-lights/edit')).status, 403);
  assert.equal((await anon.get('/spaces/new')).status, 303);
});

test('asking to join: stewards are emailed, approve, the person is emailed and listed with name and pronouns only', async () => {
  const wren = await person('Wren Okafor', { steward: true, pronouns: 'she/her' });
  const slug = await createSpace(wren);
  const ossian = await person('Ossian Pike', { pronouns: 'he/him' });

  const page = await ossian.get(`/spaces/${slug}`);
  assert.match(page.text, new RegExp(`action="/spaces/${slug}/join"`));
  const unticked = await ossian.post(`/spaces/${slug}/join`, { message: 'I care for my mum.' });
  assert.equal(unticked.status, 422);
  assert.match(unticked.text, /Tick the box to say you agree to the code of conduct/);
  assert.match(unticked.text, /I care for my mum\./, 'the message is kept');

  const asked = await ossian.post(`/spaces/${slug}/join`, { message: 'I care for my mum & I\'d like to help.', accept_code: 'yes' });
  assert.equal(asked.status, 303);
  const waiting = await ossian.get(`/spaces/${slug}`);
  assert.match(waiting.text, /Your request is waiting/);
  assert.doesNotMatch(waiting.text, new RegExp(`action="/spaces/${slug}/join"`));
  assert.equal((await ossian.post(`/spaces/${slug}/join`, { accept_code: 'yes' })).status, 409);

  const mail = server.lastEmailTo(wren.email);
  assert.ok(mail, 'the steward is emailed');
  assert.match(mail, /Subject: Someone has asked to join/);
  assert.match(mail, /Ossian Pike has asked to join/);
  assert.match(mail, /I care for my mum & I'd like to help\./, 'the message arrives as typed');
  const requestsLink = linksIn(mail).find((l) => l.endsWith(`/spaces/${slug}/requests`));
  assert.ok(requestsLink);

  const requests = await wren.get(new URL(requestsLink).pathname);
  assert.equal(requests.status, 200);
  assert.match(requests.text, /Ossian Pike/);
  const id = requests.text.match(new RegExp(`/spaces/${slug}/requests/(\\d+)/approve`))[1];
  const approved = await wren.post(`/spaces/${slug}/requests/${id}/approve`);
  assert.equal(approved.status, 303);
  assert.equal((await wren.post(`/spaces/${slug}/requests/${id}/decline`)).status, 409, 'an answer is final');

  const welcome = server.lastEmailTo(ossian.email);
  assert.match(welcome, /Subject: Welcome to Tidewater/);
  assert.match(welcome, /you are now a member/);

  const members = await ossian.get(`/spaces/${slug}/members`);
  assert.equal(members.status, 200);
  assert.match(members.text, /Wren Okafor/);
  assert.match(members.text, /she\/her/);
  assert.match(members.text, /Ossian Pike/);
  assert.match(members.text, /he\/him/);
  assert.doesNotMatch(members.text, /@example\.org/, 'no email address appears');
  assert.doesNotMatch(members.text, /Access needs/, 'members do not see access needs');
  const mine = await ossian.get('/spaces');
  assert.match(mine.text, /Your spaces/);
  assert.match(mine.text, new RegExp(`href="/spaces/${slug}"`));
});

test('a declined person is told, and may ask again only after a week', async () => {
  const wren = await person('Wren Okafor', { steward: true });
  const slug = await createSpace(wren);
  const della = await person('Della Marchetti');
  await della.get(`/spaces/${slug}`);
  assert.equal((await della.post(`/spaces/${slug}/join`, { accept_code: 'yes' })).status, 303);
  const requests = await wren.get(`/spaces/${slug}/requests`);
  const id = requests.text.match(new RegExp(`/spaces/${slug}/requests/(\\d+)/decline`))[1];
  assert.equal((await wren.post(`/spaces/${slug}/requests/${id}/decline`)).status, 303);
  assert.match(server.lastEmailTo(della.email), /have not accepted your request this time/);
  const page = await della.get(`/spaces/${slug}`);
  assert.match(page.text, /not accepted this time/);
  assert.equal((await della.post(`/spaces/${slug}/join`, { accept_code: 'yes' })).status, 409);
  assert.equal((await della.get(`/spaces/${slug}/members`)).status, 403);
});

test('a member cannot see or answer requests; facilitators can', async () => {
  const wren = await person('Wren Okafor', { steward: true });
  const slug = await createSpace(wren);
  const member = await person('Ossian Pike');
  const facilitator = await person('Juniper Hale');
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  cli(server, ['user', 'set-role', facilitator.email, 'facilitator', '--space', slug]);
  const asker = await person('Della Marchetti');
  await asker.get(`/spaces/${slug}`);
  await asker.post(`/spaces/${slug}/join`, { accept_code: 'yes', message: 'Hello' });
  assert.match(server.lastEmailTo(facilitator.email), /Della Marchetti has asked to join/, 'facilitators are told too');
  assert.equal(server.lastEmailTo(member.email), null, 'plain members are not');

  const list = await wren.get(`/spaces/${slug}/requests`);
  const id = list.text.match(new RegExp(`/spaces/${slug}/requests/(\\d+)/approve`))[1];
  assert.equal((await member.get(`/spaces/${slug}/requests`)).status, 403);
  await member.get(`/spaces/${slug}`);
  assert.equal((await member.post(`/spaces/${slug}/requests/${id}/approve`)).status, 403);
  assert.equal((await member.get(`/spaces/${slug}/invitations`)).status, 403);
  assert.equal((await member.get(`/spaces/${slug}/edit`)).status, 403);
  assert.equal((await facilitator.get(`/spaces/${slug}/requests`)).status, 200);
  await facilitator.get(`/spaces/${slug}/requests`);
  assert.equal((await facilitator.post(`/spaces/${slug}/requests/${id}/approve`)).status, 303);
  assert.match((await asker.get(`/spaces/${slug}`)).text, /You are a member of this space/);
});

test('invitation links: sign in and come back, accept, single use, and expiry', async () => {
  const wren = await person('Wren Okafor', { steward: true });
  const slug = await createSpace(wren, { visibility: 'private', name: 'Quiet Harbour Group' });
  const path = await invitationLink(wren, slug, { email: 'mabel.orrin@example.net' });
  assert.match(path, /^\/invite\/[A-Za-z0-9_-]{22}$/);
  const emailed = server.lastEmailTo('mabel.orrin@example.net');
  assert.match(emailed, /Wren Okafor has invited you to join Quiet Harbour Group/);
  assert.ok(linksIn(emailed).some((l) => l.endsWith(path)));
  const listed = await wren.get(`/spaces/${slug}/invitations`);
  assert.match(listed.text, /mabel\.orrin@example\.net/);
  assert.doesNotMatch(listed.text, new RegExp(path.split('/')[2]), 'the link is shown only once');

  // Signed out: sign in (or sign up) first, then back to the invitation.
  const anon = new Client(server);
  const toSignin = await anon.get(path);
  assert.equal(toSignin.status, 303);
  assert.equal(toSignin.location, `/signin?next=${encodeURIComponent(path)}`);

  cli(server, ['user', 'add', 'mabel.orrin@example.net', '--name', 'Mabel Orrin'], `${PASSWORD}\n`);
  await anon.get(toSignin.location);
  const signedIn = await anon.post('/signin', { email: 'mabel.orrin@example.net', password: PASSWORD, next: path });
  assert.equal(signedIn.location, path);
  const invite = await anon.get(path);
  assert.equal(invite.status, 200);
  assert.match(invite.text, /Quiet Harbour Group/);
  assert.match(invite.text, /A place for unpaid carers/);
  assert.match(invite.text, /Be kind/);
  const unticked = await anon.post(path, {});
  assert.equal(unticked.status, 422);
  const joined = await anon.post(path, { accept_code: 'yes' });
  assert.equal(joined.status, 303);
  assert.equal(joined.location, `/spaces/${slug}?notice=joined`);
  assert.match((await anon.get(joined.location)).text, /Welcome\. You are now a member/);

  // Used: nobody else can use it.
  const other = await person('Juniper Hale');
  const used = await other.get(path);
  assert.equal(used.status, 410);
  assert.match(used.text, /already used this link/);
  assert.equal((await other.post(path, { accept_code: 'yes' })).status, 410);
  assert.equal((await other.get(`/spaces/${slug}`)).status, 404);

  // Expired: a link past its time is refused.
  const late = await invitationLink(wren, slug, { days: '3' });
  sql(`UPDATE invitations SET expires_at = 1000 WHERE used_at IS NULL AND space_id = (SELECT id FROM spaces WHERE slug = '${slug}')`);
  const expired = await other.get(late);
  assert.equal(expired.status, 410);
  assert.match(expired.text, /expired/);
  assert.equal((await other.post(late, { accept_code: 'yes' })).status, 410);
  assert.equal((await other.get(`/spaces/${slug}`)).status, 404);

  assert.equal((await other.get('/invite/not-a-real-token-at-all')).status, 404);
  const bad = await wren.post(`/spaces/${slug}/invitations`, { email: 'not an address', days: '45' });
  assert.equal(bad.status, 422);
  assert.match(bad.text, /href="#email"/);
  assert.match(bad.text, /href="#days"/);
});

test('a private space is 404 to everyone but its members and invitees', async () => {
  const wren = await person('Wren Okafor', { steward: true });
  const slug = await createSpace(wren, { visibility: 'private', name: 'Hidden Cove Network' });
  const outsider = await person('Juniper Hale');
  const anon = new Client(server);
  const missing = await outsider.get('/spaces/no-such-space-here');
  assert.equal(missing.status, 404);
  for (const c of [outsider, anon]) {
    for (const p of ['', '/members', '/requests', '/invitations', '/edit']) {
      const res = await c.get(`/spaces/${slug}${p}`);
      assert.equal(res.status, 404, `${p} for ${c === anon ? 'anonymous' : 'outsider'}`);
      assert.doesNotMatch(res.text, /Hidden Cove/);
    }
    assert.doesNotMatch((await c.get('/spaces')).text, /Hidden Cove/);
  }
  await outsider.get('/spaces');
  assert.equal((await outsider.post(`/spaces/${slug}/join`, { accept_code: 'yes' })).status, 404);
  assert.equal((await outsider.post(`/spaces/${slug}/leave`)).status, 404);
  // Its steward sees it, in "Your spaces".
  assert.equal((await wren.get(`/spaces/${slug}`)).status, 200);
  assert.match((await wren.get('/spaces')).text, /Hidden Cove Network/);
  // Unlisted: reachable by link, but not listed.
  const unlisted = await createSpace(wren, { visibility: 'unlisted', name: 'Side Door Circle' });
  assert.equal((await anon.get(`/spaces/${unlisted}`)).status, 200);
  assert.doesNotMatch((await anon.get('/spaces')).text, /Side Door Circle/);
});

test('leaving, the only steward staying, and stewards changing roles', async () => {
  const wren = await person('Wren Okafor', { steward: true });
  const slug = await createSpace(wren);
  const ossian = await person('Ossian Pike');
  const invite = await invitationLink(wren, slug);
  await ossian.get(invite);
  assert.equal((await ossian.post(invite, { accept_code: 'yes' })).status, 303);

  // The only steward cannot leave, and is told why.
  await wren.get(`/spaces/${slug}`);
  const stay = await wren.post(`/spaces/${slug}/leave`, { confirm: 'yes' });
  assert.equal(stay.status, 409);
  assert.match(stay.text, /You are the only steward of this space, so you cannot leave yet/);

  // Members cannot change roles; stewards can.
  const members = await wren.get(`/spaces/${slug}/members`);
  const idOf = (name) => members.text.match(new RegExp(`${name}</h2>[\\s\\S]*?/members/(\\d+)/role`))[1];
  const ossianId = idOf('Ossian Pike');
  const wrenId = idOf('Wren Okafor');
  assert.ok(ossianId && wrenId);
  await ossian.get(`/spaces/${slug}/members`);
  assert.equal((await ossian.post(`/spaces/${slug}/members/${ossianId}/role`, { role: 'steward' })).status, 403);
  const demoteOnly = await wren.post(`/spaces/${slug}/members/${wrenId}/role`, { role: 'member' });
  assert.equal(demoteOnly.status, 409);
  assert.match(demoteOnly.text, /only steward/);
  const promoted = await wren.post(`/spaces/${slug}/members/${ossianId}/role`, { role: 'steward' });
  assert.equal(promoted.status, 303);
  const after = await ossian.get(`/spaces/${slug}`);
  assert.match(after.text, /Your role: <span class="hs-tag">Steward<\/span>/);
  assert.match(after.text, new RegExp(`href="/spaces/${slug}/edit"`));

  // Now there is another steward, Wren can leave, once she ticks that she means it.
  const unsure = await wren.post(`/spaces/${slug}/leave`);
  assert.equal(unsure.status, 422);
  assert.match(unsure.text, /Tick the box to say you want to leave this space/);
  assert.match(unsure.text, /href="#confirm"/);
  const left = await wren.post(`/spaces/${slug}/leave`, { confirm: 'yes' });
  assert.equal(left.status, 303);
  assert.equal(left.location, '/spaces?notice=left');
  const list = await ossian.get(`/spaces/${slug}/members`);
  assert.doesNotMatch(list.text, /Wren Okafor/);
  assert.equal((await wren.get(`/spaces/${slug}/members`)).status, 403);
});

test('facilitators and stewards see the access needs members chose to share', async () => {
  const wren = await person('Wren Okafor', { steward: true });
  const slug = await createSpace(wren);
  const della = await person('Della Marchetti');
  await della.get('/account/profile');
  await della.post('/account/profile', { email: della.email, display_name: 'Della Marchetti', pronouns: '', access_needs: 'Large print, please.' });
  const invite = await invitationLink(wren, slug);
  await della.get(invite);
  await della.post(invite, { accept_code: 'yes' });
  const member = await person('Ossian Pike');
  cli(server, ['user', 'set-role', member.email, 'member', '--space', slug]);
  assert.match((await wren.get(`/spaces/${slug}/members`)).text, /Large print, please\./);
  assert.doesNotMatch((await member.get(`/spaces/${slug}/members`)).text, /Large print/);
});

test('members get a live notice when the directory changes; others cannot listen', async () => {
  const wren = await person('Wren Okafor', { steward: true });
  const slug = await createSpace(wren, { visibility: 'private', name: 'Live Tide Forum' });
  const wsUrl = `ws://127.0.0.1:${server.port}/spaces/${slug}/live`;
  const open = (client) => new Promise((resolve) => {
    const ws = new WebSocket(wsUrl, { headers: { cookie: client.cookieHeader(), origin: server.origin } });
    ws.on('open', () => resolve({ ws }));
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.on('error', () => resolve({ status: 0 }));
  });
  const outsider = await person('Juniper Hale');
  assert.equal((await open(outsider)).status, 404);
  const { ws } = await open(wren);
  assert.ok(ws, 'a member can listen');
  const message = new Promise((resolve) => ws.on('message', (m) => resolve(String(m))));
  const invite = await invitationLink(wren, slug);
  await outsider.get(invite);
  assert.equal((await outsider.post(invite, { accept_code: 'yes' })).status, 303);
  assert.deepEqual(JSON.parse(await message), { type: 'directory' });
  ws.close();
});

test('erasing an account removes its memberships and requests; export lists them', async () => {
  const wren = await person('Wren Okafor', { steward: true });
  const slug = await createSpace(wren);
  const ossian = await person('Ossian Pike');
  await ossian.get(`/spaces/${slug}`);
  await ossian.post(`/spaces/${slug}/join`, { accept_code: 'yes', message: 'Counting me in' });
  const data = await ossian.get('/account/data.json');
  assert.equal(data.status, 200);
  assert.match(data.text, /Counting me in/);
  const requests = await wren.get(`/spaces/${slug}/requests`);
  assert.match(requests.text, /Ossian Pike/);
  await ossian.get('/account/data');
  const erased = await ossian.post('/account/delete', { confirm: 'yes' });
  assert.ok(erased.status < 400, `delete: ${erased.status}`);
  assert.doesNotMatch((await wren.get(`/spaces/${slug}/requests`)).text, /Ossian Pike/);
});
