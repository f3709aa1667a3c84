// Unit tests of src/logic.ts on node's own test runner: esbuild strips the types, node --test runs them.
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

const tests = readdirSync("test").filter((f) => f.endsWith(".test.ts")).map((f) => `test/${f}`);
await build({ entryPoints: tests, bundle: true, platform: "node", format: "esm", outdir: "target/node-tests", outExtension: { ".js": ".mjs" }, logLevel: "warning" });
execFileSync(process.execPath, ["--test", ...tests.map((t) => `target/node-tests/${t.slice(5).replace(/\.ts$/, ".mjs")}`)], { stdio: "inherit" });
