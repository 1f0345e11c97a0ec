// The cache-miss run's setup (bench/http/run.sh): many signed-in members and many pages.
//   node bench/http/cold.mjs users DB URL WWW EMAIL
// Adds `users` members to every space EMAIL belongs to, each with a session of their own
// (token "bench<i>", stored as its SHA-256 like any session), straight into the SQLite
// database; then, as member 1, follows links from the spaces EMAIL belongs to (spaces and
// events pages only, GET, 200 text/html) to collect up to 120 pages. Writes each page's
// bytes to WWW/p/<i>.html for nginx, and prints the paths, one a line. Each space's
// members list is left out (it lists every member, unpaged, so with this many members it
// is megabytes); its size and time, fetched once, go to WWW/members.txt. The slowest
// pages at their first fetch (one at a time, nothing else running) go to WWW/slowest.txt.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';

const [users, db, url, www, email] = [Number(process.argv[2]), ...process.argv.slice(3)];
const sql = (q) => execFileSync('sqlite3', ['-cmd', '.timeout 10000', db], { input: q, maxBuffer: 1 << 30 }).toString();
const now = Math.floor(Date.now() / 1000);
const first = Number(sql('SELECT COALESCE(MAX(id), 0) + 1 FROM users;').trim());
const jo = sql(`SELECT DISTINCT m.space_id FROM memberships m JOIN sessions s ON s.user_id = m.user_id ORDER BY 1;`)
  .trim().split('\n').filter(Boolean).map(Number);
const spaceIds = jo.length ? jo : sql('SELECT id FROM spaces;').trim().split('\n').map(Number);
let out = 'BEGIN;\n';
out += `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${users})
INSERT INTO users (id, display_name, site_role, verified_at, created_at) SELECT ${first} - 1 + i, 'Bench member ' || i, 'member', ${now}, ${now} FROM n;\n`;
for (const s of spaceIds)
  out += `INSERT INTO memberships (space_id, user_id, role, code_accepted_at, joined_at) SELECT ${s}, id, 'member', ${now}, ${now} FROM users WHERE id >= ${first};\n`;
const rows = [];
for (let i = 1; i <= users; i++) {
  const hash = createHash('sha256').update(`bench${i}`).digest('hex');
  rows.push(`(${first - 1 + i}, '${hash}', ${now}, ${now}, 1)`);
  if (rows.length === 5000 || i === users) {
    out += `INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, keep_signed_in) VALUES ${rows.join(',')};\n`;
    rows.length = 0;
  }
}
out += 'COMMIT;\n';
sql(out);

const slugs = sql(`SELECT slug FROM spaces WHERE id IN (${spaceIds.join(',')});`).trim().split('\n');
const cookie = '__Host-hs_session=bench1';
const seen = new Set();
const queue = slugs.map((s) => `/spaces/${s}`);
const pages = [];
const timed = [];  // first fetch of each page, ms
mkdirSync(`${www}/p`, { recursive: true });
while (queue.length && pages.length < 120) {
  const path = queue.shift();
  if (seen.has(path)) continue;
  seen.add(path);
  const t0 = performance.now();
  const res = await fetch(url + path, { headers: { cookie }, redirect: 'manual' });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200 || !(res.headers.get('content-type') || '').startsWith('text/html')) continue;
  writeFileSync(`${www}/p/${pages.length}.html`, body);
  pages.push(path);
  timed.push([ms, path]);
  for (const [, href] of body.matchAll(/href="(\/(?:spaces|events)\/[^"?#]*)"/g))
    if (!seen.has(href) && !/sign-?out|export|download|\.ics$|\.pdf$|\.csv$|\/report|\/members$/.test(href)) queue.push(href);
}
{
  const t = performance.now();
  const res = await fetch(`${url}/spaces/${slugs[0]}/members`, { headers: { cookie } });
  const bytes = (await res.arrayBuffer()).byteLength;
  writeFileSync(`${www}/members.txt`, `/spaces/${slugs[0]}/members (left out): ${res.status}, ${bytes} bytes, ${(performance.now() - t).toFixed(0)} ms for one request\n`);
}
timed.sort((a, b) => b[0] - a[0]);
writeFileSync(`${www}/slowest.txt`, timed.slice(0, 4).map(([ms, p]) => `${p} ${ms.toFixed(0)} ms`).join(', ') + '\n');
process.stdout.write(pages.join('\n') + '\n');
