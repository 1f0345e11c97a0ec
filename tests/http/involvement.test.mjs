// Paid involvement: a rate card by date, an opportunity with people chosen and confirmed,
// claims with receipts (type read from the bytes), decided by a treasurer who never decides
// their own, a batch whose CSV is right to the penny and safe to open, tax-year totals, and
// erasure that keeps the financial record but no bank details. Only treasurers see bank
// details and receipts; nobody sees another member's claims. Runs on the engine under test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, signedIn, dbRows } from './harness.mjs';

let server;
let cast;
let slug;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const HTML_AS_PDF = Buffer.from('<!doctype html><script>alert(1)</script>');

function today(offset = 0) {
  return new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
}

function decode(html) {
  return html.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

before(async () => {
  server = await startServer();
  const steward = await signedIn(server, 'Imogen Steward', { steward: true });
  cast = {
    steward,
    facilitator: await signedIn(server, 'Farid Facilitator'),
    treasurer: await signedIn(server, 'Tamsin Treasurer'),
    second: await signedIn(server, 'Tobias Treasurer'),
    member: await signedIn(server, 'Maya Member'),
    other: await signedIn(server, 'Omar Member'),
    outsider: await signedIn(server, 'Una Outsider'),
  };
  await steward.get('/spaces/new');
  const res = await steward.post('/spaces/new', {
    name: 'Northmere Carers Network', slug: '', kind: 'network', purpose: 'Unpaid carers in Northmere.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  assert.equal(res.status, 303);
  slug = res.location.match(/^\/spaces\/([a-z0-9-]+)\?/)[1];
  for (const [who, role] of [['facilitator', 'facilitator'], ['treasurer', 'treasurer'], ['second', 'treasurer'],
    ['member', 'member'], ['other', 'member']])
    cli(server, ['user', 'set-role', cast[who].email, role, '--space', slug]);
  // The rate card: £25 an hour until a month ago, then 10 % more.
  for (const [amount, from] of [['25.00', today(-400)], ['27.50', today(-30)]]) {
    await steward.get(`/spaces/${slug}/involvement/rates`);
    const r = await steward.post(`/spaces/${slug}/involvement/rates`, { kind: 'meeting', unit: 'hourly', amount, from_day: from });
    assert.equal(r.status, 303, r.text.slice(0, 2000));
  }
});

after(() => server?.stop());

const base = () => `/spaces/${slug}/involvement`;

// Time recorded by hand for a person (facilitator), and the participation id they claim.
async function timeFor(person, day, hours, what) {
  const { facilitator } = cast;
  await facilitator.get(`${base()}/time/new`);
  const r = await facilitator.post(`${base()}/time/new`, { email: person.email, kind: 'meeting', day, hours, what });
  assert.equal(r.status, 303, decode(r.text).slice(0, 2000));
  const home = await person.get(base());
  const m = [...home.text.matchAll(/claims\/new\?participation=(\d+)/g)];
  assert.ok(m.length, 'the person sees time to claim');
  return m[0][1];
}

async function choose(person, method, extra = {}) {
  await person.get(`${base()}/payment`);
  const r = await person.post(`${base()}/payment`, { method, charity: '', ...extra });
  assert.equal(r.status, 303, decode(r.text).slice(0, 1500));
}

async function claim(person, participation, fields = {}, files = []) {
  await person.get(`${base()}/claims/new?participation=${participation}`);
  return person.postMultipart(`${base()}/claims/new`, { participation, ...fields }, files);
}

test('a first claim sends the person to the guidance on benefits and the choice of how they are paid', async () => {
  const { other } = cast;
  const p = await timeFor(other, today(-3), '2', 'Carers forum');
  const r = await other.get(`${base()}/claims/new?participation=${p}`);
  assert.equal(r.status, 303);
  assert.match(r.location, /\/payment\?first=1&participation=/);
  const guidance = await other.get(r.location);
  assert.match(guidance.text, /can affect some benefits/);
  assert.match(guidance.text, /Citizens Advice/);
  // Choosing takes them on to the claim they came for.
  const chose = await other.post(r.location.replace(/^.*?\/payment/, `${base()}/payment`), { method: 'decline', charity: '' });
  assert.equal(chose.status, 303);
  assert.match(chose.location, /\/claims\/new\?participation=/);
});

test('a claim uses the rate of its own day, in pence, and a receipt that is HTML renamed .pdf is refused', async () => {
  const { member } = cast;
  await choose(member, 'bank');
  await member.get(`${base()}/payment`);
  const bank = await member.post(`${base()}/payment/bank`, { account_name: 'M Member', sort_code: '30 94 57', account_number: '1234567' });
  assert.equal(bank.status, 303, decode(bank.text).slice(0, 1500));
  const old = await timeFor(member, today(-60), '1.5', 'Steering group (old rate)');
  // HTML in a .pdf is refused, and what was typed stays.
  const bad = await claim(member, old, {
    expense_1_category: 'travel', expense_1_description: 'Bus to the meeting', expense_1_amount: '4.60',
  }, [{ field: 'expense_1_receipt', name: 'receipt.pdf', type: 'application/pdf', bytes: HTML_AS_PDF }]);
  assert.equal(bad.status, 422, bad.text.slice(0, 500));
  assert.match(bad.text, /This file is not a photo \(JPEG or PNG\) or a PDF, even if its name says so/);
  assert.match(bad.text, /value="Bus to the meeting"/);
  assert.match(bad.text, /choose your receipts again/);
  const good = await claim(member, old, {
    expense_1_category: 'travel', expense_1_description: 'Bus to the meeting', expense_1_amount: '4.60',
  }, [{ field: 'expense_1_receipt', name: 'bus.pdf', type: 'application/pdf', bytes: PDF }]);
  assert.equal(good.status, 303, decode(good.text).slice(0, 2000));
  const page = decode((await member.get(good.location)).text);
  // 1.5 hours at £25.00 (the rate then, not today's £27.50) and the bus fare.
  assert.match(page, /£37\.50/);
  assert.match(page, /£42\.10/);
  assert.match(page, /Waiting for a treasurer/);
});

test('only the claimant and treasurers see a claim; only treasurers see bank details; receipts are attachments', async () => {
  const { member, other, facilitator, treasurer, outsider, steward } = cast;
  const home = await member.get(base());
  const claimPath = home.text.match(/href="([^"]+\/claims\/\d+)"/)[1];
  const page = await member.get(claimPath);
  const receipt = page.text.match(/href="([^"]+\/receipts\/\d+)"/)[1];
  // The claimant's own receipt downloads as an attachment, with its sniffed type.
  const own = await member.get(receipt);
  assert.equal(own.status, 200);
  assert.equal(own.headers.get('content-type'), 'application/pdf');
  assert.match(own.headers.get('content-disposition'), /^attachment;/);
  assert.equal(own.text, PDF.toString());
  // Nobody else but a treasurer finds the claim or its receipt, not even a facilitator or steward.
  for (const who of [other, facilitator, steward]) {
    assert.equal((await who.get(claimPath)).status, 404, `${who.name} must not see the claim`);
    assert.equal((await who.get(receipt)).status, 404, `${who.name} must not get the receipt`);
  }
  assert.notEqual((await outsider.get(claimPath)).status, 200);
  assert.notEqual((await outsider.get(claimPath)).status, 500);
  // The member's own page never shows their bank details back; a treasurer's view does.
  assert.doesNotMatch((await member.get(claimPath)).text, /01234567|1234567/);
  const seen = await treasurer.get(claimPath);
  assert.equal(seen.status, 200);
  assert.match(seen.text, /30-94-57/);
  assert.match(seen.text, /01234567/);
  assert.equal((await treasurer.get(receipt)).status, 200);
  // The treasurers' list is theirs only.
  assert.equal((await treasurer.get(`${base()}/claims`)).status, 200);
  for (const who of [member, facilitator, steward]) assert.equal((await who.get(`${base()}/claims`)).status, 403);
});

test('a treasurer cannot decide their own claim; another can; a query needs a question the person answers', async () => {
  const { treasurer, second } = cast;
  await choose(treasurer, 'voucher');
  const p = await timeFor(treasurer, today(-2), '2', 'Budget meeting');
  const made = await claim(treasurer, p);
  assert.equal(made.status, 303, decode(made.text).slice(0, 1500));
  const path = made.location.replace(/\?.*$/, '');
  const own = await treasurer.get(path);
  assert.match(own.text, /another treasurer must decide it/);
  assert.doesNotMatch(own.text, /value="approve"/);
  const refused = await treasurer.post(`${path}/move`, { move: 'approve', text: '' });
  assert.equal(refused.status, 403);
  assert.match(decode(refused.text), /You cannot decide your own claim/);
  // A question needs its words, and the form keeps what was typed.
  await second.get(path);
  const empty = await second.post(`${path}/move`, { move: 'query', text: '' });
  assert.equal(empty.status, 422);
  assert.match(empty.text, /Enter your question/);
  const asked = await second.post(`${path}/move`, { move: 'query', text: 'Which budget was it?' });
  assert.equal(asked.status, 303);
  await treasurer.get(path);
  assert.equal((await treasurer.post(`${path}/move`, { move: 'answer', text: 'The carers grant.' })).status, 303);
  const approved = await second.post(`${path}/move`, { move: 'approve', text: '' });
  assert.equal(approved.status, 303);
  assert.match((await treasurer.get(path)).text, /Approved/);
});

test('a batch holds every approved claim; its CSV is right to the penny and safe; paid claims count in the tax year', async () => {
  const { member, treasurer, second, other } = cast;
  // The member's claim (£42.10) is approved; so is one whose description starts with a formula.
  const home = await member.get(base());
  const first = home.text.match(/href="([^"]+\/claims\/\d+)"/)[1];
  await treasurer.get(first);
  assert.equal((await treasurer.post(`${first}/move`, { move: 'approve', text: '' })).status, 303);
  // Their time goes to a charity whose name, as typed, would be a formula in a spreadsheet.
  await choose(other, 'charity', { charity: '=HYPERLINK("http://example.com/x")' });
  const p = await timeFor(other, today(-1), '1', 'Phone catch-up');
  const made = await claim(other, p, { expense_1_category: 'data', expense_1_description: 'Top-up', expense_1_amount: '1,000.01' });
  assert.equal(made.status, 303, decode(made.text).slice(0, 1500));
  await treasurer.get(made.location);
  assert.equal((await treasurer.post(made.location.replace(/\?.*$/, '') + '/move', { move: 'approve', text: '' })).status, 303);
  await treasurer.get(`${base()}/batches`);
  const batch = await treasurer.post(`${base()}/batches`, {});
  assert.equal(batch.status, 303);
  const batchPath = batch.location.replace(/\?.*$/, '');
  const csv = await treasurer.get(`${batchPath}.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition'), /^attachment;/);
  // The charity's name is there, made inert: it starts with an apostrophe, not "=".
  assert.match(csv.text, /"'=HYPERLINK\(""http:\/\/example\.com\/x""\)"/);
  assert.doesNotMatch(csv.text, /(^|,)"?=/m);
  const rows = csv.text.trim().split('\r\n').map((l) => l.split(','));
  assert.deepEqual(rows[0], ['Payee reference', 'Method', 'Charity', 'For time (GBP)', 'Expenses (GBP)', 'Amount (GBP)', 'Claims']);
  const amounts = rows.slice(1).map((r) => r[5]);
  // Time (income, for tax) and expenses (repaid) apart, adding up to the amount.
  for (const r of rows.slice(1)) assert.equal(Math.round(Number(r[3]) * 100) + Math.round(Number(r[4]) * 100), Math.round(Number(r[5]) * 100));
  // £42.10 for the member (bank); the treasurer's voucher (2 hours at £27.50 = £55.00); the
  // other member's hour (£27.50, to the charity) and £1,000.01 of data.
  assert.deepEqual([...amounts].sort(), ['1027.51', '42.10', '55.00'].sort());
  const total = amounts.reduce((a, b) => a + Math.round(Number(b) * 100), 0);
  assert.equal(total, 112461);
  const batchPage = decode((await treasurer.get(batchPath)).text);
  assert.match(batchPage, /£1,124\.61/);
  // The treasurer pays the bank transfer from the batch page: the member's details are on it.
  assert.match(batchPage, /M Member · 30-94-57 · 01234567/);
  // Nobody's name or bank details are in the file; payees are pseudonyms.
  assert.doesNotMatch(csv.text, /Maya|Omar|Tamsin|30-94-57/);
  for (const r of rows.slice(1)) assert.match(r[0], /^P-[A-Z2-9]{8}$/);
  // Only treasurers reach batches.
  assert.equal((await member.get(batchPath)).status, 403);
  assert.equal((await member.get(`${batchPath}.csv`)).status, 403);
  // Marked paid: the member's tax year shows it.
  await second.get(batchPath);
  // Not without saying the money has gone, nor on a day still to come.
  assert.equal((await second.post(`${batchPath}/paid`, { paid_day: today() })).status, 422);
  const future = await second.post(`${batchPath}/paid`, { paid_day: today(3), confirm: 'yes' });
  assert.equal(future.status, 422);
  assert.match(future.text, /from the day the batch was made up to today/);
  assert.equal((await second.post(`${batchPath}/paid`, { paid_day: today(), confirm: 'yes' })).status, 303);
  const mine = decode((await member.get(base())).text);
  assert.match(mine, /Paid/);
  assert.match(mine, /£37\.50/);
  assert.match(mine, /£4\.60/);
  const statement = await member.get(mine.match(/href="([^"]+statement\.pdf\?year=\d+)"/)[1].replace(/&amp;/g, '&'));
  assert.equal(statement.status, 200);
  assert.equal(statement.headers.get('content-type'), 'application/pdf');
});

test('an advance before the day, for those chosen only; who took part is confirmed from the day itself', async () => {
  const { facilitator, other, treasurer, steward } = cast;
  await facilitator.get(`${base()}/opportunities/new`);
  const made = await facilitator.post(`${base()}/opportunities/new`, {
    title: 'Interview panel', description: '', kind: 'meeting', day: today(10), starts: '09:30', hours: '4',
    how: 'in_person', place: 'Northmere Library', places: '2', expenses: ['travel', 'care'], support: ['quiet_room'],
    support_other: '', event_id: '',
  });
  assert.equal(made.status, 303, decode(made.text).slice(0, 1500));
  const opp = made.location.replace(/\?.*$/, '');
  const id = opp.match(/(\d+)$/)[1];
  // Not chosen (not even interested) yet: no advance.
  assert.equal((await other.get(`${base()}/claims/new?opportunity=${id}`)).status, 404);
  await other.get(opp);
  assert.equal((await other.post(`${opp}/interest`, { note: '' })).status, 303);
  const people = await facilitator.get(opp);
  const person = people.text.match(/name="person" value="(\d+)"/)[1];
  // A choice needs its reason.
  assert.equal((await facilitator.post(`${opp}/choose`, { person, decision: 'chosen', [`reason_${person}`]: '' })).status, 422);
  assert.equal((await facilitator.post(`${opp}/choose`, { person, decision: 'chosen', [`reason_${person}`]: 'You asked first.' })).status, 303);
  // Who took part cannot be confirmed ahead of the day.
  const early = await facilitator.post(`${opp}/took-part`, { person, [`hours_${person}`]: '4' });
  assert.equal(early.status, 409);
  assert.match(early.text, /from the day itself/);
  // The advance: expenses only, nothing for time yet.
  await other.get(`${base()}/claims/new?opportunity=${id}`);
  const none = await other.postMultipart(`${base()}/claims/new`, { opportunity: id });
  assert.equal(none.status, 422);
  assert.match(none.text, /Add what you need the advance for/);
  const adv = await other.postMultipart(`${base()}/claims/new`, {
    opportunity: id, expense_1_category: 'travel', expense_1_description: 'Return train to Northmere', expense_1_amount: '23.40',
  });
  assert.equal(adv.status, 303, decode(adv.text).slice(0, 1500));
  const page = decode((await other.get(adv.location)).text);
  assert.match(page, /advance/);
  assert.match(page, /£23\.40/);
  assert.doesNotMatch(page, /For your time/);
  await treasurer.get(adv.location);
  assert.equal((await treasurer.post(adv.location.replace(/\?.*$/, '') + '/move', { move: 'approve', text: '' })).status, 303);
  // The decision log has the approvals and batches, without names or amounts.
  const log = decode((await steward.get(`/spaces/${slug}/audit`)).text);
  for (const kind of ['involvement.rate_added', 'involvement.claim_approved', 'involvement.batch_made', 'involvement.batch_paid'])
    assert.match(log, new RegExp(kind.replace('.', '\\.')), kind);
});

test('erasing an account keeps the claim (amounts and a pseudonym) and leaves no bank details', async () => {
  const { member, treasurer } = cast;
  const home = await member.get(base());
  const claimPath = home.text.match(/href="([^"]+\/claims\/\d+)"/)[1];
  await member.get('/account/delete');
  assert.equal((await member.post('/account/delete', { confirm: 'yes' })).status, 200);
  const seen = decode((await treasurer.get(claimPath)).text);
  assert.match(seen, /Account deleted/);
  assert.match(seen, /£42\.10/);
  assert.match(seen, /P-[A-Z2-9]{8}/);
  assert.doesNotMatch(seen, /30-94-57|01234567/);
  assert.doesNotMatch(seen, /Maya Member/);
  // And nothing of them is left in the database's bank details.
  assert.deepEqual(dbRows(server, 'SELECT COUNT(*) FROM involvement_bank_details'), [['0']]);
  assert.deepEqual(dbRows(server, 'SELECT COUNT(*) FROM involvement_claims WHERE user_id IS NULL AND total_pence = 4210'), [['1']]);
});
