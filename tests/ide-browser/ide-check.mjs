// Drives the system's Chromium (playwright-core, never a downloaded browser) through the Banana Cake Pop IDE
// that a WorkforceGraph server serves at /graphql:
//   node ide-check.mjs <server origin, e.g. http://127.0.0.1:5080> <screenshot.png> [expected text]
// It opens the IDE, waits for its schema introspection against this server, creates a document, types a query
// into the editor, runs it with the Run button and waits for the response panel to show the expected text.
// It prints one JSON report on stdout (what happened, every page error, console error and request that left
// the origin) and exits 0 when the report could be written; the caller (IdeBrowserTests) asserts on it.
// Environment: CHROMIUM (default /usr/bin/chromium), IDE_CHECK_TIMEOUT_MS per step (default 120000).
import { chromium } from "playwright-core";

// A waited-for event whose step failed before it was awaited must not crash the process after the report.
const settled = (promise) => {
  promise.catch(() => {});
  return promise;
};

const [origin, screenshotPath, expectedText = "江苏省"] = process.argv.slice(2);
if (!origin || !screenshotPath) {
  console.error("usage: node ide-check.mjs <server origin> <screenshot.png> [expected text]");
  process.exit(2);
}

const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const stepTimeout = Number(process.env.IDE_CHECK_TIMEOUT_MS || 120_000);
const query = "{ regions(first: 5, order: [{ code: ASC }]) { totalCount nodes { code name level } } }";
const serverOrigin = new URL(origin).origin;

const report = {
  origin: serverOrigin,
  steps: [],
  failure: null,
  pageErrors: [],
  consoleErrors: [],
  failedRequests: [],
  foreignRequests: [],
  requestCount: 0,
  introspection: null,
  run: null,
  responsePanel: null,
  screenshot: null,
};

const isGraphQLPost = (request) => request.method() === "POST" && new URL(request.url()).pathname === "/graphql";

// Root needs no sandbox (Chromium refuses to start sandboxed as root). Background networking, component
// updates and sync would reach out to Google on start; this machine's closed network refuses them.
const args = ["--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
if (process.getuid?.() === 0) {
  args.push("--no-sandbox");
}

let browser;
let page;
const step = async (name, action) => {
  const started = Date.now();
  try {
    await action();
    report.steps.push({ name, ms: Date.now() - started });
  } catch (error) {
    report.steps.push({ name, ms: Date.now() - started, error: String(error?.message ?? error).split("\n")[0] });
    throw new Error(`${name}: ${String(error?.message ?? error).split("\n")[0]}`);
  }
};

try {
  await step("launch chromium", async () => {
    browser = await chromium.launch({ executablePath, headless: true, args, timeout: stepTimeout });
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: "zh-CN", serviceWorkers: "allow" });
  context.setDefaultTimeout(stepTimeout);
  // Every request of every page and worker of this context, the IDE's own service worker included.
  context.on("request", (request) => {
    report.requestCount++;
    const url = request.url();
    if (!url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== serverOrigin) {
      report.foreignRequests.push(`${request.method()} ${url}`);
    }
  });
  context.on("requestfailed", (request) => report.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`));
  page = await context.newPage();
  page.on("pageerror", (error) => report.pageErrors.push(String(error?.message ?? error)));
  page.on("console", (message) => {
    if (message.type() === "error") {
      report.consoleErrors.push(message.text());
    }
  });

  // The IDE introspects the endpoint from bcp-config.json once a document is open.
  const introspection = settled(page.waitForResponse(
    (response) => isGraphQLPost(response.request()) && (response.request().postData() ?? "").includes("__schema"),
    { timeout: stepTimeout },
  ));

  await step("open /graphql", async () => {
    const response = await page.goto(`${serverOrigin}/graphql`, { waitUntil: "load", timeout: stepTimeout });
    if (!response?.ok()) {
      throw new Error(`GET /graphql answered ${response?.status()}`);
    }
  });

  await step("create a document", async () => {
    await page.getByRole("button", { name: "Create Document" }).click();
  });

  await step("introspect the server", async () => {
    const response = await introspection;
    const body = await response.json();
    const types = (body?.data?.__schema?.types ?? []).map((t) => t.name);
    report.introspection = {
      url: response.url(),
      status: response.status(),
      queryType: body?.data?.__schema?.queryType?.name ?? null,
      typeCount: types.length,
      hasWorker: types.includes("Worker"),
      hasWorkforceStatistics: (body?.data?.__schema?.types ?? []).some((t) => t.name === "Query" && (t.fields ?? []).some((f) => f.name === "workforceStatistics")),
    };
    // The status bar says so once the IDE has loaded the schema (and the builder shows its root types).
    await page.waitForFunction(
      () => document.body.innerText.includes("Schema available") && !document.body.innerText.includes("Loading Schema"),
      null,
      { timeout: stepTimeout, polling: 250 },
    );
  });

  await step("type the query", async () => {
    const editor = page.locator(".monaco-editor").first();
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Delete");
    // One input event: the editor's auto-closing of brackets applies to typed characters, not to inserted text.
    await page.keyboard.insertText(query);
  });

  await step("run it", async () => {
    const run = settled(page.waitForResponse((response) => isGraphQLPost(response.request()) && (response.request().postData() ?? "").includes("regions(first: 5")));
    await page.getByRole("button", { name: /^Run Operation/ }).click();
    const response = await run;
    const body = await response.json();
    report.run = { status: response.status(), sent: JSON.parse(response.request().postData() ?? "{}").query ?? null, data: body?.data ?? null, errors: body?.errors ?? null };
  });

  await step("see the result", async () => {
    // The response editor renders the result's lines; wait until they show the expected value.
    const panel = page.locator(".monaco-editor").filter({ hasText: expectedText }).first();
    await panel.waitFor({ state: "visible" });
    report.responsePanel = (await panel.locator(".view-lines").innerText()).replace(/\u00a0/g, " ");
  });
} catch (error) {
  report.failure = String(error?.message ?? error);
} finally {
  if (page) {
    try {
      // Away from the buttons, so no tooltip covers the result.
      await page.mouse.move(1, 1).catch(() => {});
      await page.screenshot({ path: screenshotPath, fullPage: false, timeout: stepTimeout });
      report.screenshot = screenshotPath;
    } catch (error) {
      report.steps.push({ name: "screenshot", error: String(error?.message ?? error).split("\n")[0] });
    }
  }

  await browser?.close().catch(() => {});
}

console.log(JSON.stringify(report, null, 2));
