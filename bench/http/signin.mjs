// Signs in as a demo member and prints the Cookie header and the space page path, for wrk.
import { Client } from '../../tests/http/harness.mjs';

const [url, email, password, path] = process.argv.slice(2);
const server = { url, origin: url };
const c = new Client(server);
await c.get('/signin');
const res = await c.post('/signin', { email, password });
if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
const page = await c.get(path);
if (page.status !== 200) throw new Error(`space page answered ${page.status}`);
process.stdout.write(c.cookieHeader());
