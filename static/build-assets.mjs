// Copies the files that static/build/app.css refers to into static/build/.
// Run by `npm run build:css` after Sass. static/build/ is generated.
//
// Only our own font files are copied. Nothing comes from govuk-frontend's
// assets folder: the styles we import need none of its images, and its
// crown, crest and GOV.UK icons must not be served.

import { copyFile, mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const build = join(root, "static", "build");
const fontSource = join(root, "node_modules", "@fontsource", "atkinson-hyperlegible-next", "files");
const fontTarget = join(build, "fonts");

// Latin subset; 400 and 700 are the weights GOV.UK Frontend uses, plus an
// italic so <em> is not a synthesised slant.
const fonts = [
  "atkinson-hyperlegible-next-latin-400-normal.woff2",
  "atkinson-hyperlegible-next-latin-700-normal.woff2",
  "atkinson-hyperlegible-next-latin-400-italic.woff2",
];

await mkdir(fontTarget, { recursive: true });
for (const name of fonts) {
  await copyFile(join(fontSource, name), join(fontTarget, name));
}

// Every url() in the built CSS must point at a file we have just put in place,
// so a renamed font or a new image in the styles fails the build, not the page.
const css = await readFile(join(build, "app.css"), "utf8");
const missing = [];
for (const [, url] of css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
  if (url.startsWith("data:")) continue;
  const prefix = "/static/build/";
  if (!url.startsWith(prefix) || !fonts.includes(url.slice(prefix.length + "fonts/".length))) {
    missing.push(url);
  }
}
if (missing.length > 0) {
  console.error(`app.css refers to files that build-assets.mjs does not provide:\n  ${missing.join("\n  ")}`);
  process.exit(1);
}
console.log(`static/build: app.css and ${fonts.length} font files`);
