// The equality report's kept counts (migration 0038), on the engine under test: a report
// asked for again after someone changes or takes away their answers, or after a new member
// joins, shows the change; an ordinary change of answers is carried into the kept counts
// rather than making the next report open every member's answers again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, cli, signedIn, dbRows } from './harness.mjs';
import { decode, rowsOf, answer } from './equity_lib.mjs';

let server;
before(async () => { server = await startServer(); });
after(() => server?.stop());

test('a report kept from before follows each change of someone\'s answers, and each new member', async () => {
  const st = await signedIn(server, 'Hamish Steward', { steward: true });
  await st.get('/spaces/new');
  const made = await st.post('/spaces/new', {
    name: 'Leith Carers Voices', slug: '', kind: 'forum', purpose: 'Unpaid carers in Leith.',
    visibility: 'listed', code_of_conduct: 'Be kind.',
  });
  const space = made.location.match(/^\/spaces\/([a-z0-9-]+)\?/)[1];
  const carers = [];
  for (let i = 0; i < 11; i++) {
    const p = await signedIn(server, `Leith Carer ${i}`);
    cli(server, ['user', 'set-role', p.email, 'member', '--space', space]);
    await answer(p, { q_caring: i < 6 ? '35_or_more' : 'no' });
    carers.push(p);
  }
  const report = async () => Object.fromEntries(rowsOf(decode((await st.get(`/spaces/${space}/equality`)).text), 'caring'));
  const total = async () => decode((await st.get(`/spaces/${space}/equality`)).text).match(/(\d+) of (\d+) members have answered/).slice(1, 3).map(Number);
  const first = await report();
  assert.deepEqual(await total(), [11, 12]);
  const kept = () => dbRows(server, `SELECT c.generation, g.generation FROM equality_report_cache c, equality_generation g
    WHERE c.space_id = (SELECT id FROM spaces WHERE slug = '${space}')`)[0];
  // One carer changes their answer: the next report shows it, from counts carried forward
  // (the kept counts are at the answers' new generation, not counted afresh).
  await answer(carers[0], { q_caring: 'no' });
  const [keptAt, now] = kept();
  assert.equal(keptAt, now, 'the kept counts took the change in');
  const second = await report();
  assert.notDeepEqual(second, first);
  // Taking one's answers away, and a new member who answered, show too.
  await carers[1].get('/account/equality');
  assert.equal((await carers[1].post('/account/equality/delete', {})).status, 303);
  assert.deepEqual(await total(), [10, 12]);
  const late = await signedIn(server, 'Leith Carer Late');
  await answer(late, { q_caring: 'no' });
  cli(server, ['user', 'set-role', late.email, 'member', '--space', space]);
  assert.deepEqual(await total(), [11, 13]);
});
