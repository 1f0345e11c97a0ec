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
