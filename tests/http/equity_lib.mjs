// What the equality tests share: reading the report's rows, and answering the questions.
import assert from 'node:assert/strict';

export function decode(html) {
  return html.replace(/&#39;|&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

// The report's rows for one question: [answer, people] pairs, read from its table.
export function rowsOf(html, key) {
  const at = html.indexOf(`id="${key}"`);
  assert.ok(at >= 0, `the report has ${key}`);
  const table = html.slice(at, html.indexOf('</table>', at));
  return [...table.matchAll(/<th scope="row"[^>]*>([^<]+)(?:<[^>]+>[^<]*<\/strong>)?\s*<\/th>\s*<td[^>]*>([^<]+)<\/td>/g)]
    .map((m) => [decode(m[1]).trim(), decode(m[2]).trim()]);
}

export async function answer(client, fields) {
  await client.get('/account/equality');
  const r = await client.post('/account/equality', fields);
  assert.equal(r.status, 303, r.text.slice(0, 500));
}
