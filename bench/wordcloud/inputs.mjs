// The benchmark's inputs: N distinct made-up words with Zipf-like counts (the i-th most
// common word is entered about 1/i as often as the first), the same for both layouts.
const SYLLABLES = [
  "co", "pro", "duc", "tion", "lis", "ten", "ing", "re", "spect", "trust", "share", "pow",
  "er", "voice", "hear", "com", "mun", "i", "ty", "car", "equal", "val", "ue", "learn",
  "o", "pen", "kind", "hope", "to", "geth", "ther", "in", "clu", "sion", "safe", "ly",
  "grow", "th", "wel", "come", "part", "ner", "ship", "bal", "ance", "fair", "ness", "lo",
  "cal", "ex", "pe", "ri", "enc", "hon", "est", "ac", "count", "a", "bil", "ward",
];

function mulberry32(seed) {
  return function () {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function zipfWords(n, seed = 7) {
  const random = mulberry32(seed);
  const seen = new Set();
  const words = [];
  while (words.length < n) {
    const parts = 1 + Math.floor(random() * 3);
    let w = "";
    for (let k = 0; k < parts; k++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    if (w.length < 3 || seen.has(w)) continue;
    seen.add(w);
    words.push({ text: w, count: Math.max(1, Math.round(300 / (words.length + 1))) });
  }
  return words;
}

// The same words after 10 % more entries arrive, as at a live event: the first n words
// each gain a tenth of their count (at least one more for every tenth word, so the
// rarest are not all left alone), and n/10 new words arrive with one entry each. Words
// keep their order (the engine lays out the largest first).
export function moreEntries(n, seed = 7) {
  const all = zipfWords(n + Math.round(n / 10), seed);
  return all.map((w, i) => {
    if (i >= n) return { text: w.text, count: 1 };
    return { text: w.text, count: w.count + Math.max(i % 10 === 0 ? 1 : 0, Math.round(w.count / 10)) };
  });
}
