// Accounts against the real binary: signing up, verifying, signing in and out, emailed
// links, sessions, throttling, profile, my data and erasure, and real SMTP delivery.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { startServer, Client, linksIn, cli } from './harness.mjs';

const PASSWORD = 'lantern orchard ribbon';
const UA_FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0';
const UA_CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

let server;
let counter = 0;
const uniqueEmail = (who) => `${who}.${process.pid}.${counter++}@example.org`;

before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// A POST like Client.post, with extra request headers (a User-Agent, a raw body).
async function postWith(client, path, fields, headers = {}) {
  if (!client.csrf) await client.get('/');
  const form = new URLSearchParams({ csrf: client.csrf, ...fields });
  return client.request('POST', path, {
    body: form.toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: client.server.origin, ...headers },
  });
}

function emailsTo(srv, address) {
  return srv.outbox().filter((m) => m.includes(`To: ${address}\r\n`));
}

function linkTo(srv, address, prefix) {
  const mail = srv.lastEmailTo(address);
  assert.ok(mail, `an email reached ${address}`);
  const link = linksIn(mail).find((l) => new URL(l).pathname.startsWith(prefix));
  assert.ok(link, `the email to ${address} has a ${prefix} link:\n${mail}`);
  return new URL(link).pathname;
}

async function signUp(client, email, name, password = PASSWORD) {
  await client.get('/signup');
  const res = await client.post('/signup', { email, display_name: name, password });
  assert.equal(res.status, 303, res.text);
  assert.equal(res.location, '/signup/check-email');
  return res;
}

// Signs up and opens the verification link: a signed-in client.
async function newMember(srv, name, { password = PASSWORD, headers = {} } = {}) {
  const email = uniqueEmail(name.toLowerCase());
  const c = new Client(srv);
  await signUp(c, email, name, password);
  const path = linkTo(srv, email, '/verify/');
  await c.get(path);
  const res = await postWith(c, path, {}, headers);
  assert.equal(res.status, 303);
  return { c, email, name };
}

async function signIn(client, email, password, extra = {}, headers = {}) {
  await client.get('/signin');
  return postWith(client, '/signin', { email, password, ...extra }, headers);
}

// A new visitor who has opened a page with a form (and so holds a CSRF token).
async function visitor(srv) {
  const c = new Client(srv);
  await c.get('/signin');
  return c;
}

const isSignedIn = async (client) => (await client.get('/account/profile')).status === 200;

describe('signing up and verifying', () => {
  test('signing up from a link that needed an account brings the person back to it', async () => {
    const email = uniqueEmail('returning');
    const c = new Client(server);
    const form = await c.get('/signup?next=' + encodeURIComponent('/spaces/some-space'));
    assert.match(form.text, /name="next" value="\/spaces\/some-space"/);
    const res = await c.post('/signup', { email, display_name: 'Tam Reed', password: PASSWORD, next: '/spaces/some-space' });
    assert.equal(res.status, 303);
    const path = linkTo(server, email, '/verify/');
    await c.get(path);
    const done = await postWith(c, path, {});
    assert.equal(done.status, 303);
    assert.equal(done.location, '/spaces/some-space');
    // A next that leaves the site is ignored.
    const other = new Client(server);
    const page = await other.get('/signup?next=' + encodeURIComponent('//evil.example/x'));
    assert.doesNotMatch(page.text, /evil\.example/);
  });

  test('sign up, confirm the emailed link and be signed in with a safe cookie', async () => {
    const email = uniqueEmail('rowan');
    const c = new Client(server);
    const form = await c.get('/signup');
    assert.equal(form.status, 200);
    assert.match(form.text, /<input[^>]+id="email"[^>]+autocomplete="email"/);
    await signUp(c, email, 'Rowan');
    const check = await c.get('/signup/check-email');
    assert.match(check.text, /Check your email/);

    const mail = server.lastEmailTo(email);
    assert.match(mail, /Subject: Confirm your email address for Humanspace/);
    const path = linkTo(server, email, '/verify/');

    // Opening the link shows a button and changes nothing: it can be opened again.
    const page = await c.get(path);
    assert.equal(page.status, 200);
    assert.match(page.text, new RegExp(`<form method="post" action="${path}"`));
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.equal((await c.get(path)).status, 200);
    assert.equal(c.cookies.has('__Host-hs_session'), false);

    const res = await c.post(path);
    assert.equal(res.status, 303);
    assert.equal(res.location, '/spaces');
    const cookie = res.headers.getSetCookie().find((s) => s.startsWith('__Host-hs_session='));
    assert.ok(cookie, 'a session cookie is set');
    assert.match(cookie, /^__Host-hs_session=[A-Za-z0-9_-]{22}; Path=\/; Secure; HttpOnly; SameSite=Lax$/);

    const profile = await c.get('/account/profile');
    assert.equal(profile.status, 200);
    assert.equal(profile.headers.get('cache-control'), 'no-store');
    assert.match(profile.text, /value="Rowan"/);
    assert.match(profile.text, /Signed in as Rowan/);

    // The link worked once.
    const again = await (await visitor(server)).post(path);
    assert.equal(again.status, 404);
    assert.match(again.text, /This link no longer works/);
  });

  test('signing up with an email that has an account looks the same and tells the owner', async () => {
    const { email } = await newMember(server, 'Tamsin');
    const before = emailsTo(server, email).length;
    const stranger = new Client(server);
    const res = await signUp(stranger, email, 'Someone Else');
    assert.equal(res.location, '/signup/check-email');
    const mails = emailsTo(server, email);
    assert.equal(mails.length, before + 1);
    assert.match(mails.at(-1), /Subject: You already have a Humanspace account/);
    assert.doesNotMatch(mails.at(-1), /\/verify\//);
    // The owner's name did not change.
    const owner = new Client(server);
    assert.equal((await signIn(owner, email, PASSWORD)).status, 303);
    assert.match((await owner.get('/account/profile')).text, /value="Tamsin"/);
  });

  test('a form error keeps what was typed, shows the summary, never echoes the password', async () => {
    const c = new Client(server);
    await c.get('/signup');
    const res = await c.post('/signup', { email: 'not an address', display_name: 'Ifeoma Brook', password: 'short' });
    assert.equal(res.status, 422);
    assert.match(res.text, /class="govuk-error-summary"/);
    assert.match(res.text, /<a href="#email">Enter an email address like name@example.org<\/a>/);
    assert.match(res.text, /<a href="#password">Your password must be at least 8 characters<\/a>/);
    assert.match(res.text, /value="not an address"/);
    assert.match(res.text, /value="Ifeoma Brook"/);
    assert.doesNotMatch(res.text, /value="short"/);
    assert.match(res.text, /<title>Error: /);
  });

  test('common passwords and one\'s own name are refused; 64 characters are fine', async () => {
    const c = new Client(server);
    await c.get('/signup');
    let res = await c.post('/signup', { email: uniqueEmail('x'), display_name: 'Juno', password: 'PassWord123' });
    assert.equal(res.status, 422);
    assert.match(res.text, /one of the most common/);
    res = await c.post('/signup', { email: uniqueEmail('x'), display_name: 'Juniper Hollowell', password: 'juniper hollowell' });
    assert.equal(res.status, 422);
    assert.match(res.text, /cannot be your email address or your name/);
    res = await c.post('/signup', { email: uniqueEmail('x'), display_name: 'Juno', password: 'ü'.repeat(64) });
    assert.equal(res.status, 303);
    res = await c.post('/signup', { email: uniqueEmail('x'), display_name: 'Juno', password: 'a'.repeat(129) });
    assert.equal(res.status, 422);
    assert.match(res.text, /128 characters or fewer/);
  });

  test('a form that is not valid UTF-8 is a 400', async () => {
    const c = new Client(server);
    await c.get('/signup');
    const res = await c.request('POST', '/signup', {
      body: `csrf=${encodeURIComponent(c.csrf)}&email=a%FF%FE%40example.org&display_name=X`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
    });
    assert.equal(res.status, 400);
  });
});

describe('signing in and out', () => {
  test('sign out ends the session', async () => {
    const { c } = await newMember(server, 'Oisin');
    assert.equal(await isSignedIn(c), true);
    const res = await c.post('/signout');
    assert.equal(res.status, 303);
    assert.ok(res.headers.getSetCookie().some((s) => /^__Host-hs_session=; .*Max-Age=0/.test(s)));
    const after = await c.get('/account/profile');
    assert.equal(after.status, 303);
    assert.equal(after.location, '/signin?next=%2Faccount%2Fprofile');
  });

  test('sign in with a password goes to next (local paths only) and rotates the session', async () => {
    const { c, email } = await newMember(server, 'Marisol');
    const oldToken = c.cookies.get('__Host-hs_session');
    let res = await signIn(c, email, PASSWORD, { next: '/account/sessions' });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/account/sessions');
    assert.notEqual(c.cookies.get('__Host-hs_session'), oldToken);
    // The old token no longer works.
    const stale = new Client(server);
    stale.cookies.set('__Host-hs_session', oldToken);
    assert.equal(await isSignedIn(stale), false);

    const d = new Client(server);
    res = await signIn(d, email, PASSWORD, { next: '//evil.example/x' });
    assert.equal(res.location, '/');
    res = await signIn(d, email, PASSWORD);
    assert.equal(res.location, '/spaces');
    // The next path survives the sign-in form.
    const page = await d.get('/signin?next=%2Faccount%2Fdata');
    assert.match(page.text, /name="next" value="\/account\/data"/);
  });

  test('a wrong password and an unknown email get the very same answer', async () => {
    const { email } = await newMember(server, 'Bronwen');
    const unknown = uniqueEmail('nobody');
    const a = new Client(server);
    const b = new Client(server);
    const wrong = await signIn(a, email, 'not the password at all');
    const none = await signIn(b, unknown, 'not the password at all');
    assert.equal(wrong.status, 422);
    assert.equal(none.status, wrong.status);
    const norm = (text, addr) => text.replaceAll(addr, 'EMAIL').replace(/name="csrf" value="[^"]+"/g, 'CSRF');
    assert.equal(norm(wrong.text, email), norm(none.text, unknown));
    assert.match(wrong.text, /The email address or password is not right/);
    assert.match(wrong.text, new RegExp(`value="${email.replace(/[.]/g, '\\.')}"`));
  });

  test('keep me signed in gives a lasting cookie, except to site stewards', async () => {
    const { email } = await newMember(server, 'Keziah');
    const c = new Client(server);
    let res = await signIn(c, email, PASSWORD, { keep: 'yes' });
    let cookie = res.headers.getSetCookie().find((s) => s.startsWith('__Host-hs_session='));
    assert.match(cookie, /Max-Age=2592000/);
    res = await signIn(c, email, PASSWORD);
    cookie = res.headers.getSetCookie().find((s) => s.startsWith('__Host-hs_session='));
    assert.doesNotMatch(cookie, /Max-Age/);

    cli(server, ['user', 'set-role', email, 'steward']);
    res = await signIn(c, email, PASSWORD, { keep: 'yes' });
    cookie = res.headers.getSetCookie().find((s) => s.startsWith('__Host-hs_session='));
    assert.doesNotMatch(cookie, /Max-Age/);
  });
});

describe('emailed links', () => {
  test('a sign-in link works once; an unknown address gets the same page', async () => {
    const { email } = await newMember(server, 'Ewan');
    const c = new Client(server);
    await c.get('/signin?next=%2Faccount%2Fdata');
    let res = await c.post('/signin/link', { email, next: '/account/data' });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/signin/check-email');
    const mail = server.lastEmailTo(email);
    assert.match(mail, /Subject: Your link to sign in to Humanspace/);
    const path = linkTo(server, email, '/signin/link/');

    const unknown = uniqueEmail('ghost');
    const other = await (await visitor(server)).post('/signin/link', { email: unknown });
    assert.equal(other.status, res.status);
    assert.equal(other.location, res.location);
    assert.match(server.lastEmailTo(unknown), /no Humanspace account/);

    const page = await c.get(path);
    assert.equal(page.status, 200);
    assert.equal(await isSignedIn(c), false, 'opening the link alone does not sign in');
    res = await c.post(path);
    assert.equal(res.status, 303);
    assert.equal(res.location, '/account/data');
    assert.equal(await isSignedIn(c), true);

    const again = await (await visitor(server)).post(path);
    assert.equal(again.status, 404);
    assert.equal((await new Client(server).get(path)).status, 404);
  });

  test('a person without a password signs in by email link', async () => {
    const email = uniqueEmail('linkonly');
    const c = new Client(server);
    await signUp(c, email, 'Linnea', '');
    await c.post(linkTo(server, email, '/verify/'));
    assert.equal(await isSignedIn(c), true);
    const profile = await c.get('/account/profile');
    assert.match(profile.text, /You sign in with a link we email you/);
    // No password matches the empty one.
    assert.equal((await signIn(new Client(server), email, 'anything at all')).status, 422);
  });

  test('resetting the password signs out every other session', async () => {
    const { c: first, email } = await newMember(server, 'Perpetua');
    const second = new Client(server);
    assert.equal((await signIn(second, email, PASSWORD)).status, 303);

    const helper = new Client(server);
    await helper.get('/reset');
    let res = await helper.post('/reset', { email });
    assert.equal(res.location, '/reset/check-email');
    const unknown = await (await visitor(server)).post('/reset', { email: uniqueEmail('ghost') });
    assert.equal(unknown.location, res.location);
    const path = linkTo(server, email, '/reset/');

    const form = await helper.get(path);
    assert.equal(form.status, 200);
    res = await helper.post(path, { password: 'password' });
    assert.equal(res.status, 422);
    assert.match(res.text, /one of the most common/);
    res = await helper.post(path, { password: 'a new and different phrase' });
    assert.equal(res.status, 303);

    assert.equal(await isSignedIn(helper), true);
    assert.equal(await isSignedIn(first), false);
    assert.equal(await isSignedIn(second), false);
    assert.equal((await signIn(new Client(server), email, PASSWORD)).status, 422);
    assert.equal((await signIn(new Client(server), email, 'a new and different phrase')).status, 303);
    assert.equal((await helper.post(path, { password: 'yet another phrase here' })).status, 404);
  });
});

describe('sessions', () => {
  test('lists my devices, ends one, then everywhere', async () => {
    const { c: phone, email } = await newMember(server, 'Saoirse', { headers: { 'user-agent': UA_FIREFOX_ANDROID } });
    const laptop = new Client(server);
    assert.equal((await signIn(laptop, email, PASSWORD, {}, { 'user-agent': UA_CHROME_WINDOWS })).status, 303);

    const page = await laptop.get('/account/sessions');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.match(page.text, /Firefox on Android/);
    assert.match(page.text, /Chrome on Windows/);
    assert.match(page.text, /This device/);
    assert.doesNotMatch(page.text, /Mozilla\/5\.0/);
    const ids = [...page.text.matchAll(/action="\/account\/sessions\/(\d+)\/end"/g)].map((m) => m[1]);
    assert.equal(ids.length, 2);

    // Someone else cannot end my sessions.
    const { c: stranger } = await newMember(server, 'Mallory');
    for (const id of ids) assert.equal((await stranger.post(`/account/sessions/${id}/end`)).status, 404);
    assert.equal(await isSignedIn(phone), true);

    const phoneRow = page.text.split('<li class="hs-card"').find((r) => r.includes('Firefox on Android'));
    const phoneId = phoneRow.match(/sessions\/(\d+)\/end/)[1];
    const res = await laptop.post(`/account/sessions/${phoneId}/end`);
    assert.equal(res.location, '/account/sessions?ended=1');
    assert.equal(await isSignedIn(phone), false);
    assert.equal(await isSignedIn(laptop), true);

    const third = new Client(server);
    await signIn(third, email, PASSWORD);
    const everywhere = await laptop.post('/signout/everywhere');
    assert.equal(everywhere.status, 303);
    assert.equal(await isSignedIn(laptop), false);
    assert.equal(await isSignedIn(third), false);
  });
});

describe('profile, my data and deleting an account', () => {
  test('profile changes, and a new email applies only once confirmed', async () => {
    const { c, email } = await newMember(server, 'Dagny');
    let page = await c.get('/account/profile');
    assert.match(page.text, /We don(&#39;|&apos;|')t ask for job titles: everyone here takes part as an equal\./);
    assert.doesNotMatch(page.text, /job_title|name="title"|name="rank"/);

    let res = await c.post('/account/profile', {
      display_name: 'Dagny R', pronouns: 'she/her', access_needs: 'Large print, please', email,
    });
    assert.equal(res.location, '/account/profile?saved=1');
    page = await c.get(res.location);
    assert.match(page.text, /value="Dagny R"/);
    assert.match(page.text, /value="she\/her"/);
    assert.match(page.text, />Large print, please<\/textarea>/);

    res = await c.post('/account/profile', { display_name: '', pronouns: 'she/her', access_needs: '', email });
    assert.equal(res.status, 422);
    assert.match(res.text, /Enter the name you want others to see/);

    const newEmail = uniqueEmail('dagny.new');
    res = await c.post('/account/profile', { display_name: 'Dagny R', pronouns: 'she/her', access_needs: '', email: newEmail });
    assert.equal(res.location, '/account/profile?saved=email');
    // Not yet changed: the old address still signs in.
    assert.equal((await signIn(new Client(server), email, PASSWORD)).status, 303);
    const path = linkTo(server, newEmail, '/account/email/');
    assert.equal((await c.get(path)).status, 200);
    res = await c.post(path);
    assert.equal(res.location, '/account/profile?saved=email-changed');
    assert.match(server.lastEmailTo(email), /Subject: Your Humanspace email address has changed/);
    assert.equal((await signIn(new Client(server), newEmail, PASSWORD)).status, 303);
    assert.equal((await signIn(new Client(server), email, PASSWORD)).status, 422);
  });

  test('my data download holds my details, decrypted, and no token hashes', async () => {
    const { c, email } = await newMember(server, 'Henrike');
    await c.post('/account/profile', { display_name: 'Henrike', pronouns: '', access_needs: 'Step-free access', email });
    const page = await c.get('/account/data');
    assert.match(page.text, /Download everything we hold about you/);
    assert.match(page.text, /Former member/);
    const res = await c.get('/account/data.json');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    assert.match(res.headers.get('content-disposition'), /^attachment; filename="[^"]+\.json"/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const data = JSON.parse(res.text);
    assert.equal(data.account.display_name, 'Henrike');
    assert.equal(data.account.email, email);
    assert.equal(data.account.access_needs, 'Step-free access');
    assert.equal(data.sessions.length, 1);
    assert.equal(data.sessions[0].this_device, true);
    const token = c.cookies.get('__Host-hs_session');
    const tokenHash = createHash('sha256').update(token).digest('hex');
    assert.equal(res.text.includes(token), false);
    assert.equal(res.text.includes(tokenHash), false);
    assert.doesNotMatch(res.text, /token|password_hash|\$argon2/);
  });

  test('deleting my account signs me out, frees the email and needs a confirmation', async () => {
    const { c, email } = await newMember(server, 'Wenonah');
    const other = new Client(server);
    await signIn(other, email, PASSWORD);
    let res = await c.post('/account/delete', {});
    assert.equal(res.status, 422);
    assert.match(res.text, /Tick the box to confirm/);
    assert.equal(await isSignedIn(c), true);

    res = await c.post('/account/delete', { confirm: 'yes' });
    assert.equal(res.status, 200);
    assert.match(res.text, /Your account has been deleted/);
    assert.ok(res.headers.getSetCookie().some((s) => /^__Host-hs_session=; .*Max-Age=0/.test(s)));
    assert.equal(await isSignedIn(c), false);
    assert.equal(await isSignedIn(other), false);
    assert.equal((await signIn(new Client(server), email, PASSWORD)).status, 422);

    const again = new Client(server);
    await signUp(again, email, 'Wenonah Again');
    assert.match(server.lastEmailTo(email), /Subject: Confirm your email address for Humanspace/);
    await again.post(linkTo(server, email, '/verify/'));
    assert.match((await again.get('/account/profile')).text, /value="Wenonah Again"/);
  });

  test('the command line adds verified accounts under the same password rules', async () => {
    const email = uniqueEmail('cli');
    assert.throws(() => cli(server, ['user', 'add', email, '--name', 'Ottilie'], 'password\n'), /most common/);
    const out = cli(server, ['user', 'add', email, '--name', 'Ottilie'], 'tangerine kettle drum\n');
    assert.match(out, /account \d+ created/);
    assert.equal((await signIn(new Client(server), email, 'tangerine kettle drum')).status, 303);
  });
});

describe('throttling', () => {
  let own;
  before(async () => { own = await startServer(); });
  after(async () => { await own.stop(); });

  test('repeated failures get 429 with the form and the email-link way out, known or not', async () => {
    const { email } = await newMember(own, 'Aurelio');
    const unknown = uniqueEmail('nobody');
    const answers = {};
    for (const addr of [email, unknown]) {
      const c = new Client(own);
      for (let i = 0; i < 5; i++) assert.equal((await signIn(c, addr, 'wrong guess number ' + i)).status, 422);
      const res = await signIn(c, addr, 'wrong guess again');
      assert.equal(res.status, 429);
      assert.match(res.text, /too many tries/);
      assert.match(res.text, /Email me a sign-in link/);
      assert.match(res.text, /formaction="\/signin\/link"/);
      answers[addr] = res.text.replaceAll(addr, 'EMAIL').replace(/name="csrf" value="[^"]+"/g, 'CSRF');
    }
    assert.equal(answers[email], answers[unknown]);
    // Even the right password waits; the emailed link does not.
    const c = new Client(own);
    assert.equal((await signIn(c, email, PASSWORD)).status, 429);
    await c.post('/signin/link', { email });
    const res = await c.post(linkTo(own, email, '/signin/link/'));
    assert.equal(res.status, 303);
    assert.equal(await isSignedIn(c), true);
  });
});

describe('email through a real SMTP server', () => {
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  let smtp;
  let smtpOut = '';
  let srv;

  const freePort = () => new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });

  before(async () => {
    const port = await freePort();
    smtp = spawn(python, ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Debugging', 'stdout'],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    smtp.stdout.on('data', (d) => { smtpOut += d; });
    smtp.stderr.on('data', (d) => { smtpOut += d; });
    const started = Date.now();
    for (;;) {
      const up = await new Promise((resolve) => {
        const sock = net.connect(port, '127.0.0.1', () => { sock.destroy(); resolve(true); });
        sock.on('error', () => resolve(false));
      });
      if (up) break;
      if (Date.now() - started > 10000) throw new Error(`the SMTP server did not start:\n${smtpOut}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    srv = await startServer({ args: [], env: { HUMANSPACE_SMTP_URL: `smtp://127.0.0.1:${port}` } });
  });
  after(async () => {
    await srv?.stop();
    smtp?.kill();
  });

  test('the verification email reaches the SMTP server with its subject and link', async () => {
    const email = uniqueEmail('smtp');
    await signUp(new Client(srv), email, 'Cosima');
    const started = Date.now();
    while (!smtpOut.includes(email) && Date.now() - started < 10000) await new Promise((r) => setTimeout(r, 100));
    assert.match(smtpOut, new RegExp(`To: ${email.replace(/[.]/g, '\\.')}`));
    assert.match(smtpOut, /Subject: Confirm your email address for Humanspace/);
    assert.match(smtpOut, new RegExp(`${srv.url.replace(/[.]/g, '\\.')}/verify/[A-Za-z0-9_-]{22}`));
    assert.equal(srv.outbox().length, 0, 'nothing went to the outbox');
  });
});
