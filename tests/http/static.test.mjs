// Static files: only the site's own files, by their exact path. Every spelling an outside
// review used to read /etc/passwd, the master key and the database (finding 1 of issue
// 10), and the ones a reader would try next, must come back 404 with none of the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, mkdirSync, cpSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, raw, statusOf, ROOT } from './harness.mjs';

let server, staticDir;
before(async () => {
  // A copy of the static folder, so one test can change a file while the server runs.
  staticDir = mkdtempSync(join(tmpdir(), 'hs-static-'));
  cpSync(join(ROOT, 'static'), staticDir, { recursive: true });
  mkdirSync(join(staticDir, 'build'), { recursive: true });
  writeFileSync(join(staticDir, 'build', 'probe.css'), 'body{color:red}');
  writeFileSync(join(staticDir, 'planted.html'), '<script>alert(1)</script>');
  server = await startServer({ args: ['--static-dir', staticDir] });
});
after(async () => { await server.stop(); rmSync(staticDir, { recursive: true, force: true }); });

async function get(target) {
  const r = await raw(server, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  const [head, ...rest] = r.data.split('\r\n\r\n');
  return { status: statusOf(r.data), head, body: rest.join('\r\n\r\n') };
}

test('the site\'s own files are served by their exact path', async () => {
  const css = await get('/static/build/probe.css');
  assert.equal(css.status, 200);
  assert.equal(css.body, 'body{color:red}');
  assert.match(css.head, /Content-Type: text\/css/i);
  assert.equal((await get('/static/build/app.css')).status, 200);
  assert.equal((await get('/static/js/live.js')).status, 200);
});

test('no spelling of a path reaches a file outside the static folder', async () => {
  const key = join(server.dataDir, 'secret.key');
  const db = join(server.dataDir, 'humanspace.db');
  const targets = [];
  for (const file of ['/etc/passwd', key, db]) {
    const enc = encodeURIComponent(file);
    const noLead = file.slice(1);
    targets.push(
      `/static/${file}`,                                  // /static//etc/passwd
      `/static/${enc}`,                                   // /static/%2Fetc%2Fpasswd
      `/static/${enc.replaceAll('%2F', '%2f')}`,
      `/static//${file}`,
      `/static/%2F${noLead}`,
      `/static/%252F${noLead.replaceAll('/', '%252F')}`,  // double-encoded
      `/static/${file.replaceAll('/', '\\')}`,             // backslashes
      `/static/${file.replaceAll('/', '%5C')}`,
      `/static/%5C${noLead}`,
      `/static//proc/self/root${file}`,
      `/static/%2Fproc%2Fself%2Froot${enc}`,
      `/static/./${file}`,
      `/static/..${file}`,
      `/static/%2e%2e${file}`,
      `/static/..%2F..%2F..%2F..%2F..%2F..%2F${noLead.replaceAll('/', '%2F')}`,
      `/static/build/..%2F..%2F..%2F..%2F..%2F..%2F${noLead.replaceAll('/', '%2F')}`,
      `/static/${'../'.repeat(8)}${noLead}`,
      `/static/${'..%5C'.repeat(8)}${noLead}`,
      `/static/%c0%ae%c0%ae/${noLead}`,                   // overlong UTF-8 dots
      `/static/${file}%00.css`,
    );
  }
  // The server's own tree, and the CSP-bypassing page planted in the static folder.
  targets.push('/static/planted.html', '/static/%2Fproc%2Fself%2Fcwd%2FCMakeLists.txt',
    '/static//proc/self/cwd/CMakeLists.txt', '/static/build-assets.mjs', '/static/scss/app.scss',
    `/static/${join(ROOT, 'static', 'build', 'app.css')}`, '/static/build//app.css', '/static/build/./app.css',
    '/static/BUILD/APP.CSS', '/static/', '/static/build');
  const secret = readFileSync(key);
  let leaks = [];
  for (const t of targets) {
    const r = await get(t);
    if (r.status === 200 || r.body.includes('root:x:0:0') || r.body.includes('SQLite format') ||
        r.body.includes('alert(1)') || r.body.includes(secret.toString('latin1').slice(0, 16)))
      leaks.push(`${t} -> ${r.status}`);
    else assert.ok([400, 404].includes(r.status), `${t} answered ${r.status}`);
  }
  assert.deepEqual(leaks, [], `leaked:\n${leaks.join('\n')}`);
  assert.ok(targets.length >= 60);
});

test('a static file changed on disk is served fresh, and memory stays bounded across spellings', async () => {
  writeFileSync(join(staticDir, 'build', 'probe.css'), 'body{color:blue}');
  assert.equal((await get('/static/build/probe.css')).body, 'body{color:blue}');
  // A file added after start is not served: the set is fixed when the server starts.
  writeFileSync(join(staticDir, 'build', 'late.css'), 'late');
  assert.equal((await get('/static/build/late.css')).status, 404);
  // Many spellings of one big file do not each get a copy in memory.
  const rss = () => Number(readFileSync(`/proc/${server.proc.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]);
  writeFileSync(join(staticDir, 'build', 'probe.css'), 'x'.repeat(8 * 1024 * 1024));
  const before = rss();
  for (let i = 0; i < 6; i++) {
    await get('/static/build/probe.css');
    await get(`/static/${'/proc/self/root'.repeat(i + 1)}${join(staticDir, 'build', 'probe.css')}`);
    await get(`/static/build//probe.css?${i}`);
  }
  const grown = (rss() - before) / 1024;
  assert.ok(grown < 40, `the process grew by ${grown.toFixed(0)} MB serving one 8 MB file`);
});
