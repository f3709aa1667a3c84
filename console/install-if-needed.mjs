// `npm ci` from the committed lockfile, only when node_modules does not match it yet (a clean install takes ~10 s;
// a warm build should not pay it). Nothing but the npm registry is contacted, and no install script fetches binaries:
// esbuild's binary comes as the registry package @esbuild/linux-x64.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const stamp = "node_modules/.milkmobs-lock.sha256";
const lock = createHash("sha256").update(readFileSync("package-lock.json")).digest("hex");
if (existsSync(stamp) && readFileSync(stamp, "utf8") === lock) process.exit(0);
execFileSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { stdio: "inherit" });
writeFileSync(stamp, lock);
