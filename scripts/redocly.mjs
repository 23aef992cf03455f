// Runs the Redocly CLI with its arguments, telemetry off, without the boxed "Node.js 20 support
// is ending" notice it prints to stderr on every run under Node 20 (Redocly CLI 2.x; no option
// or variable turns it off, see node_modules/@redocly/cli/lib/index.js). Node 20 is still a
// supported runtime of this package, so the notice is noise in every build and test. Every other
// line, other boxes included, and the exit code pass through unchanged.
//   node scripts/redocly.mjs bundle openapi.yaml --output dist/openapi.json
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../node_modules/@redocly/cli/bin/cli.js", import.meta.url));
/** The line that marks the notice dropped; a box without it is printed. */
const NODE_20_NOTICE = "Node.js 20 support is ending";

const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], {
  env: { ...process.env, REDOCLY_TELEMETRY: "off" },
  stdio: ["inherit", "inherit", "pipe"],
});
let box = [];
// Blank lines are held until the next line: those around a dropped box go with it.
let blanks = 0;
let afterDropped = false;
const print = (text) => process.stderr.write(`${text}\n`);
createInterface({ input: child.stderr, crlfDelay: Infinity })
  .on("line", (line) => {
    if (box.length === 0 && line.trim() === "") return void blanks++;
    if (box.length === 0 && !line.includes("╔")) {
      if (!afterDropped) for (; blanks > 0; blanks--) print("");
      blanks = 0;
      afterDropped = false;
      return void print(line);
    }
    box.push(line);
    if (!line.includes("╚")) return;
    afterDropped = box.some((each) => each.includes(NODE_20_NOTICE));
    if (!afterDropped) {
      for (; blanks > 0; blanks--) print("");
      print(box.join("\n"));
    }
    blanks = 0;
    box = [];
  })
  .on("close", () => {
    if (box.length > 0) print(box.join("\n")); // an unfinished box: keep it
  });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
// exitCode, not exit(): what is still being written to stderr gets out first.
child.on("close", (code, signal) => (process.exitCode = code ?? (signal ? 1 : 0)));
