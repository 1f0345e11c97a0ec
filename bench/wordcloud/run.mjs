// Word-cloud layout benchmark: our C++ layout (bench/wordcloud/driver) against d3-cloud
// 1.2.9 running in Debian's Chromium, on the same words, canvas, font and settings.
// Usage: node bench/wordcloud/run.mjs DRIVER [RUNS]   (bench/wordcloud/run.sh builds DRIVER)
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { zipfWords, moreEntries } from "./inputs.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = dirname(dirname(here));
const driver = process.argv[2];
const runs = Number(process.argv[3] || 7);
const WIDTH = 1024, HEIGHT = 768, SIZES = [100, 500, 1000];
const FONT = join(root, "node_modules/@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-400-normal.woff2");
const D3 = join(here, "node_modules/d3-cloud/build/d3.layout.cloud.js");

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face { font-family: "Atkinson Hyperlegible Next"; font-weight: 400; src: url("/font.woff2") format("woff2"); }
body { font-family: "Atkinson Hyperlegible Next"; }
</style><script src="/d3.js"></script></head><body>x</body></html>`;

const files = { "/": ["text/html", PAGE], "/d3.js": ["text/javascript", readFileSync(D3)], "/font.woff2": ["font/woff2", readFileSync(FONT)] };
const server = createServer((req, res) => {
  const f = files[req.url];
  if (!f) { res.writeHead(404).end(); return; }
  res.writeHead(200, { "content-type": f[0] }).end(f[1]);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/`;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Equal output, both ways: our scale for each size first (one layout, before Chromium
// starts), so d3-cloud can also be run at the same shrink; and, after, ours on just the words
// d3-cloud placed at full size.
const work = mkdtempSync(join(tmpdir(), "hs-bench-wordcloud-"));
const ourScale = {};
for (const n of SIZES) {
  const input = join(work, `words-${n}.json`);
  writeFileSync(input, JSON.stringify(zipfWords(n)));
  ourScale[n] = JSON.parse(execFileSync(driver, [String(WIDTH), String(HEIGHT), input, "1", FONT], { encoding: "utf8" })).scale;
}

const browser = await chromium.launch({
  executablePath: process.env.HS_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
});
const rows = [];
try {
  const page = await browser.newPage();
  await page.goto(url);
  const loaded = await page.evaluate(async () => {
    await document.fonts.load('400 40px "Atkinson Hyperlegible Next"');
    return document.fonts.check('400 40px "Atkinson Hyperlegible Next"');
  });
  if (!loaded) throw new Error("the font did not load in Chromium");
  await page.evaluate(() => {
    function mulberry32(seed) {
      return function () {
        seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    window.d3once = (words, width, height, seed, scale = 1) => new Promise((resolve) => {
      const max = Math.max(...words.map((w) => w.count));
      const t0 = performance.now();
      d3.layout.cloud().size([width, height])
        .words(words.map((w) => ({ text: w.text, count: w.count })))
        .font('"Atkinson Hyperlegible Next"').fontWeight("normal")
        .fontSize((d) => Math.round((10 + 70 * Math.sqrt(d.count / max)) * scale * 100) / 100)
        .padding(1).rotate(0).spiral("archimedean").random(mulberry32(seed))
        .on("end", (tags) => resolve({ ms: performance.now() - t0, placed: tags.length, texts: tags.map((t) => t.text) }))
        .start();
    });
  });
  const d3results = {};
  for (const n of SIZES) {
    const words = zipfWords(n);
    await page.evaluate(({ words, width, height }) => window.d3once(words, width, height, 1), { words, width: WIDTH, height: HEIGHT });
    const d3runs = [];
    for (let i = 0; i < runs; i++) {
      d3runs.push(await page.evaluate(({ words, width, height, seed }) => window.d3once(words, width, height, seed),
        { words, width: WIDTH, height: HEIGHT, seed: i + 2 }));
    }
    d3results[n] = d3runs;
    if (ourScale[n] < 1) {  // d3-cloud at our shrink
      const shrunk = [];
      for (let i = 0; i < runs; i++) {
        shrunk.push(await page.evaluate(({ words, width, height, seed, scale }) => window.d3once(words, width, height, seed, scale),
          { words, width: WIDTH, height: HEIGHT, seed: i + 2, scale: ourScale[n] }));
      }
      d3results[n].shrunk = shrunk;
    }
  }
  // Ours runs after Chromium has gone: on a two-core machine its leftover work would
  // otherwise share our core (and d3-cloud had the machine to itself too).
  await browser.close();
  for (const n of SIZES) {
    const input = join(work, `words-${n}.json`);
    writeFileSync(input, JSON.stringify(zipfWords(n)));
    const more = join(work, `more-${n}.json`);
    writeFileSync(more, JSON.stringify(moreEntries(n)));
    const ours = JSON.parse(execFileSync(driver, [String(WIDTH), String(HEIGHT), input, String(runs), FONT, more], { encoding: "utf8" }));
    const d3runs = d3results[n];
    let subset = null;  // ours on the words d3-cloud placed at full size (its first timed run)
    if (d3runs[0].placed < n) {
      const keep = new Set(d3runs[0].texts);
      const sub = join(work, `subset-${n}.json`);
      writeFileSync(sub, JSON.stringify(zipfWords(n).filter((w) => keep.has(w.text))));
      subset = JSON.parse(execFileSync(driver, [String(WIDTH), String(HEIGHT), sub, String(runs), FONT], { encoding: "utf8" }));
      subset.words = keep.size;
      subset.d3ms = d3runs[0].ms;
    }
    rows.push({
      subset, shrunk: d3runs.shrunk,
      n,
      d3ms: median(d3runs.map((r) => r.ms)), d3min: Math.min(...d3runs.map((r) => r.ms)),
      d3placed: median(d3runs.map((r) => r.placed)),
      ourms: ours.median_ms, ourmin: ours.min_ms, ourplaced: ours.placed, scale: ours.scale,
      movement: ours.movement,
    });
  }
} finally {
  await browser.close().catch(() => {});
  server.close();
  rmSync(work, { recursive: true, force: true });
}

console.log(`word-cloud layout, ${WIDTH}x${HEIGHT}, font size 10 + 70*sqrt(count/max) px, padding 1, archimedean spiral, no rotation; ${runs} runs each`);
console.log("times in ms: median (fastest); the machine may be shared, so the fastest runs show each side unhindered");
console.log("words | d3-cloud ms        | d3 placed | humanspace ms    | humanspace placed (scale) | speed-up median (fastest)");
for (const r of rows) {
  const t = (m, f) => `${m.toFixed(2)} (${f.toFixed(2)})`.padStart(17);
  console.log(`${String(r.n).padStart(5)} | ${t(r.d3ms, r.d3min)} | ${String(r.d3placed).padStart(9)} | ${t(r.ourms, r.ourmin).padStart(16)} | ${String(r.ourplaced).padStart(9)} (${r.scale.toFixed(3)})         | ${(r.d3ms / r.ourms).toFixed(1)}x (${(r.d3min / r.ourmin).toFixed(1)}x)`);
}
console.log("");
console.log("at equal output, where d3-cloud could not place every word at full size:");
for (const r of rows) {
  if (r.shrunk) {
    const ms = median(r.shrunk.map((x) => x.ms)), placed = median(r.shrunk.map((x) => x.placed));
    console.log(`${String(r.n).padStart(5)} | d3-cloud at our scale ${r.scale.toFixed(3)}: ${ms.toFixed(2)} ms median (${Math.min(...r.shrunk.map((x) => x.ms)).toFixed(2)} fastest), ${placed} of ${r.n} placed; ours ${r.ourms.toFixed(2)} ms, ${r.ourplaced} placed: ${(ms / r.ourms).toFixed(1)}x`);
  }
  if (r.subset) {
    const s = r.subset;
    console.log(`${String(r.n).padStart(5)} | the ${s.words} words d3-cloud placed at full size (its run: ${s.d3ms.toFixed(2)} ms): ours ${s.median_ms.toFixed(2)} ms median (${s.min_ms.toFixed(2)}), ${s.placed} placed at scale ${s.scale.toFixed(3)}: ${(s.d3ms / s.median_ms).toFixed(1)}x`);
  }
}
console.log("conditions: d3-cloud keeps sizes and drops words (fewer words is less work); ours shrinks until every word fits");
console.log("(more attempts, each a full layout). d3-cloud runs in Chromium (JavaScript, canvas sprites); ours is C++ on boxes.");
console.log("");
console.log("when 10% more entries arrive (each word +10% of its count, and words/10 new words with one entry),");
console.log("laid out against the previous layout as the live cloud does; movement of the words already placed:");
console.log("words | after | mean movement px | kept their place      | placed after (scale) | update ms");
for (const r of rows) {
  const m = r.movement;
  const kept = `${m.kept} of ${m.in_both} (${(100 * m.kept / Math.max(1, m.in_both)).toFixed(0)}%)`;
  console.log(`${String(r.n).padStart(5)} | ${String(m.total).padStart(5)} | ${m.mean_px.toFixed(2).padStart(16)} | ${kept.padEnd(21)} | ${String(m.placed).padStart(6)} (${m.scale.toFixed(3)})       | ${m.median_ms.toFixed(2)}`);
}
console.log("d3-cloud has no notion of a previous layout: each run starts afresh, so every word may move.");

