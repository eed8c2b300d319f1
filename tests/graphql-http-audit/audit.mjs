#!/usr/bin/env node
// Runs the graphql-http server audit (https://github.com/graphql/graphql-http) against one
// GraphQL endpoint and prints the results as JSON on stdout:
//   node audit.mjs http://127.0.0.1:5080/graphql
// Output: { url, counts: { MUST|SHOULD|MAY: { ok, notice, warn, error } }, results: [...] }.
// Exit code: 0 when every MUST and SHOULD audit is ok, 1 otherwise, 2 on a fatal error.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint url>');
  process.exit(2);
}

async function describe(result) {
  const level = result.name.split(' ', 1)[0];
  const entry = { id: result.id, level, name: result.name, status: result.status };
  if (result.status !== 'ok') {
    entry.reason = result.reason;
    entry.responseStatus = result.response?.status;
    entry.responseContentType = result.response?.headers?.get('content-type') ?? null;
    try {
      entry.responseBody = await result.response.text();
    } catch {
      entry.responseBody = null; // already read by the audit
    }
  }
  return entry;
}

try {
  const results = await Promise.all((await auditServer({ url })).map(describe));
  const counts = {};
  for (const level of ['MUST', 'SHOULD', 'MAY']) {
    counts[level] = { ok: 0, notice: 0, warn: 0, error: 0 };
  }
  for (const r of results) {
    counts[r.level][r.status]++;
  }
  process.stdout.write(JSON.stringify({ url, counts, results }, null, 2) + '\n');
  const failed = results.some((r) => r.level !== 'MAY' && r.status !== 'ok');
  process.exit(failed ? 1 : 0);
} catch (error) {
  console.error(error);
  process.exit(2);
}
