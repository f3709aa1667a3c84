// Bundles the console into target/classes/META-INF/resources: the module's jar is then a web fragment the WAR serves at /
// (as a WebJar is). One minified script, one stylesheet, one page; nothing is fetched from a CDN at run time.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { constants, gzipSync } from "node:zlib";

const out = process.env.CONSOLE_OUT ?? "target/classes/META-INF/resources";
mkdirSync(`${out}/console`, { recursive: true });
await build({
  entryPoints: ["src/main.tsx"],
  bundle: true,
  minify: true,
  sourcemap: false,
  target: "es2020",
  format: "esm",
  jsx: "automatic",
  jsxImportSource: "preact",
  outfile: `${out}/console/console.js`,
  logLevel: "warning",
});
copyFileSync("src/index.html", `${out}/index.html`);
copyFileSync("src/console.css", `${out}/console/console.css`);
// A gzip sibling of each file, compressed once here at the best level; the WAR serves it to browsers that accept
// gzip (bootstrap's ConsoleAssets), so a first load transfers the compressed bytes.
for (const file of [`${out}/index.html`, `${out}/console/console.js`, `${out}/console/console.css`]) {
  writeFileSync(`${file}.gz`, gzipSync(readFileSync(file), { level: constants.Z_BEST_COMPRESSION }));
}
