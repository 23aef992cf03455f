// The snippets of README.md and docs/*.md in other languages, run: each is the `docs:start`
// region of a program beside this file (go/docs-snippet/main.go, python/docs_snippet.py;
// test/spec/language-snippets.test.ts holds page and region equal), and each runs against the
// package's fake on 127.0.0.1:4010, as docs/testing.md starts it (token "test-token", app
// "app-test").
import { join } from "node:path";
import { createFakeHathora } from "../../src/testing/index.js";
import { exec } from "./exec.js";
import type { Language } from "./languages.js";

/** The address the snippets name. */
const SNIPPET_PORT = 4010;

/** Runs the snippet of every built language that has one; prints a line each; returns how many failed. */
export async function runDocsSnippets(built: Language[], cacheDir: string): Promise<{ ran: number; failed: number }> {
  const withSnippet = built.filter((language) => language.docsSnippet);
  if (withSnippet.length === 0) return { ran: 0, failed: 0 };
  const fake = createFakeHathora({ token: "test-token", appId: "app-test", bootMs: 2_000, startTime: Date.now() });
  let server;
  try {
    server = await fake.listen({ port: SNIPPET_PORT });
  } catch (error) {
    console.log(`FAIL docs snippets: the fake could not listen on 127.0.0.1:${SNIPPET_PORT}, the address they name: ${error instanceof Error ? error.message : String(error)}`);
    return { ran: withSnippet.length, failed: withSnippet.length };
  }
  console.log(`\n== docs snippets, against the fake at ${server.url}`);
  let failed = 0;
  try {
    for (const language of withSnippet) {
      const { command, args, env } = language.docsSnippet!(join(cacheDir, "languages", language.id));
      const result = await exec(command, args, { env, timeoutMs: 60_000 });
      const ok = result.code === 0 && /^ok {3}docs snippet/m.test(result.output);
      if (!ok) failed++;
      console.log(`${ok ? "ok  " : "FAIL"} ${language.name}:\n${result.output.trimEnd().replace(/^/gm, "   ")}`);
    }
  } finally {
    await server.close();
  }
  return { ran: withSnippet.length, failed };
}
