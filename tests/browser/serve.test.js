// The page of `numlint serve` and the `check --format html` report, driven in Debian's headless
// Chromium through playwright-core (no browser download: executablePath is the system one).
//
// Run from the repository root after `cargo build --release`:
//   (cd tests/browser && npm ci && npm test)
// NUMLINT_BIN picks another binary; CHROMIUM another browser.
"use strict";

const { test, before, after } = require("node:test");
const assert = require("node:assert/strict");
const { spawn, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const readline = require("node:readline");
const { chromium } = require("playwright-core");

const ROOT = path.resolve(__dirname, "..", "..");
const BIN = process.env.NUMLINT_BIN || path.join(ROOT, "target", "release", "numlint");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const SHOTS = path.join(ROOT, "target", "screenshots");
const ARTICLE = fs.readFileSync(path.join(ROOT, "examples", "article.md"), "utf8");

let server, port, context, profile;

function startServer() {
  return new Promise((resolve, reject) => {
    const child = spawn(BIN, ["serve", "--addr", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
    child.on("error", reject);
    const lines = readline.createInterface({ input: child.stdout });
    lines.once("line", (line) => {
      const m = /:(\d+)\/?$/.exec(line.trim());
      if (!m) reject(new Error("no port in " + line));
      else resolve({ child, port: Number(m[1]) });
    });
    setTimeout(() => reject(new Error("numlint serve did not start")), 20000).unref();
  });
}

before(async () => {
  assert.ok(fs.existsSync(BIN), `${BIN} is missing: run cargo build --release (or set NUMLINT_BIN)`);
  fs.mkdirSync(SHOTS, { recursive: true });
  ({ child: server, port } = await startServer());
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "numlint-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
});

after(async () => {
  if (context) await context.close();
  if (server) server.kill();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

/** [r, g, b] of a CSS colour such as "rgb(255, 215, 213)". */
function rgb(css) {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  assert.ok(m, "not a colour: " + css);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function assertHue(css, hue, what) {
  const [r, g, b] = rgb(css);
  const ok = {
    red: r > 200 && r > g + 20 && r > b + 20,
    amber: r > 200 && g > 150 && b < g - 40,
    green: g > r + 10 && g > b + 10,
  }[hue];
  assert.ok(ok, `${what} should be ${hue}, is ${css}`);
}

/** Every mark of a highlighted view: its class, text and background colour. */
async function marksOf(page, scope) {
  return page.$$eval(`${scope} mark.nl-mark`, (ms) => ms.map((m) => ({
    cls: ["error", "warning", "info", "ok"].find((c) => m.classList.contains("nl-" + c)),
    text: m.textContent,
    anchor: m.id,
    bg: getComputedStyle(m).backgroundColor,
  })));
}

function find(marks, cls, needle) {
  const m = marks.find((x) => x.cls === cls && x.text.includes(needle));
  assert.ok(m, `no ${cls} mark containing ${JSON.stringify(needle)} in ${JSON.stringify(marks.map((x) => [x.cls, x.text]))}`);
  return m;
}

let pageMarks;

test("the page highlights a pasted article, explains a figure and applies its fix", async () => {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.fill("#nl-text", ARTICLE);
  await page.click("#nl-check");
  await page.waitForSelector("#nl-doc mark.nl-mark");

  pageMarks = await marksOf(page, "#nl-doc");
  const anchors = pageMarks.filter((m) => m.anchor);
  assert.equal(anchors.filter((m) => m.anchor.startsWith("nl-m-f")).length, 9, "9 findings");
  assert.equal(anchors.filter((m) => m.anchor.startsWith("nl-m-p")).length, 8, "8 claims that hold");
  // The planted errors are red, the ambiguous gallon amber, the right conversions green.
  assertHue(find(pageMarks, "error", "40 km (15 miles").bg, "red", "40 km (15 miles)");
  assertHue(find(pageMarks, "error", "2C (35.6F").bg, "red", "2C (35.6F)");
  assertHue(find(pageMarks, "error", "doubled from 20 to 73").bg, "red", "doubled");
  assertHue(find(pageMarks, "warning", "12 gallons (55 litres").bg, "amber", "12 gallons");
  assertHue(find(pageMarks, "ok", "84 meters (276 feet").bg, "green", "84 meters (276 feet)");
  assertHue(find(pageMarks, "ok", "30 of 120 workers, or 25%").bg, "green", "30 of 120");
  assert.match(await page.textContent("#nl-counts"), /7 errors.*2 warnings.*8 claims hold/);

  // Hover shows the explanation and the fix.
  const mark = page.locator("#nl-doc mark.nl-error", { hasText: "40 km (15 miles" }).first();
  await mark.hover();
  const pop = page.locator(".nl-popover:not([hidden])");
  await pop.waitFor();
  const explanation = await pop.textContent();
  assert.match(explanation, /40 km is 24\.9 miles, not 15 miles/);
  assert.match(explanation, /Expected: 24\.9 miles/);
  assert.match(explanation, /replace 15 with 25/);
  await page.screenshot({ path: path.join(SHOTS, "serve.png") });

  // Apply that one fix: the text changes and the error is gone.
  await pop.getByRole("button", { name: "Apply fix: 25" }).click();
  await page.waitForFunction(() => document.getElementById("nl-text").value.includes("40 km (25 miles)"));
  await page.waitForFunction(() => /6 errors/.test(document.getElementById("nl-counts").textContent));
  const after = await marksOf(page, "#nl-doc");
  assert.ok(!after.some((m) => m.cls === "error" && m.text.includes("15 miles")), "the fixed error is gone");
  find(after, "ok", "40 km (25 miles");
  assert.ok(!(await page.inputValue("#nl-text")).includes("40 km (15 miles)"));

  // Undo brings the original back.
  await page.click("#nl-undo");
  await page.waitForFunction(() => document.getElementById("nl-text").value.includes("40 km (15 miles)"));
  await page.waitForFunction(() => /7 errors/.test(document.getElementById("nl-counts").textContent));
  await page.close();
});

test("the page works from the keyboard, fixes everything at once and downloads reports", async () => {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.fill("#nl-text", ARTICLE);
  await page.focus("#nl-text");
  await page.keyboard.press("Control+Enter");
  await page.waitForSelector("#nl-doc mark.nl-mark");

  // j moves to the first figure and shows its card; Escape closes it.
  await page.focus("#nl-findings-h").catch(() => {});
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press("j");
  const focused = await page.evaluate(() => document.activeElement.classList.contains("nl-mark"));
  assert.ok(focused, "j focuses a highlighted figure");
  await page.locator(".nl-popover:not([hidden])").waitFor();
  await page.keyboard.press("Escape");
  await page.locator(".nl-popover[hidden]").waitFor({ state: "attached" });

  // A finding in the panel scrolls to its figure and focuses it.
  await page.click("#nl-list .nl-goto >> text=2C is 3.6F");
  const active = await page.evaluate(() => document.activeElement.textContent);
  assert.match(active, /2C \(35\.6F/);

  // Downloads.
  const [md] = await Promise.all([page.waitForEvent("download"), page.click("#nl-dl-md")]);
  const mdText = fs.readFileSync(await md.path(), "utf8");
  assert.match(mdText, /^# numlint report/m);
  assert.match(mdText, /\*\*error\*\* `conversion-mismatch`, line 12, column 1: 40 km is 24\.9 miles/);
  const [js] = await Promise.all([page.waitForEvent("download"), page.click("#nl-dl-json")]);
  const report = JSON.parse(fs.readFileSync(await js.path(), "utf8"));
  assert.equal(report.summary.errors, 7);
  assert.equal(report.findings[0].rule, "conversion-mismatch");

  const [html] = await Promise.all([page.waitForEvent("download"), page.click("#nl-dl-html")]);
  const htmlText = fs.readFileSync(await html.path(), "utf8");
  assert.match(htmlText, /<mark class="nl-mark nl-error"[^>]*>40 km \(15 miles<\/mark>/);
  assert.equal(html.suggestedFilename(), "article.numlint.html");

  // Apply all safe fixes.
  await page.click("#nl-apply-all");
  await page.waitForFunction(() => document.getElementById("nl-text").value.includes("2C (3.6F)"));
  const text = await page.inputValue("#nl-text");
  assert.ok(text.includes("40 km (25 miles)") && text.includes("a 25% increase"), text);

  // At 200% zoom (half the CSS pixels) nothing needs horizontal scrolling.
  await page.setViewportSize({ width: 640, height: 450 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px at 200% zoom`);
  await page.close();
});

test("the --format html report shows the same highlights, offline", async () => {
  const out = path.join(ROOT, "target", "report-article.html");
  const run = spawnSync(BIN, ["check", "--format", "html", "--isolated", "examples/article.md"], { cwd: ROOT, encoding: "utf8" });
  assert.equal(run.status, 1, run.stderr); // the article has errors
  fs.writeFileSync(out, run.stdout);
  assert.ok(!/(src|href)="https?:/.test(run.stdout), "no external assets");

  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto("file://" + out);
  const marks = await marksOf(page, ".nl-doc");
  assertHue(find(marks, "error", "40 km (15 miles").bg, "red", "report: 40 km (15 miles)");
  assertHue(find(marks, "warning", "12 gallons (55 litres").bg, "amber", "report: 12 gallons");
  assertHue(find(marks, "ok", "84 meters (276 feet").bg, "green", "report: 84 meters");
  // The same view as the page: same pieces, same colours.
  const view = (ms) => ms.map((m) => m.cls + ":" + m.text);
  assert.deepEqual(view(marks), view(pageMarks));

  // The summary counts findings per rule and severity.
  const row = await page.$$eval("table.nl-rules tr:has(code:text-is('conversion-mismatch')) > *",
    (cells) => cells.map((c) => c.textContent.trim()));
  assert.deepEqual(row, ["conversion-mismatch", "3", "0", "0", "3"]);
  assert.match(await page.textContent(".nl-summary"), /7 errors.*2 warnings/s);

  await page.locator(".nl-doc mark.nl-error", { hasText: "2C (35.6F" }).first().hover();
  const pop = page.locator(".nl-popover:not([hidden])");
  await pop.waitFor();
  assert.match(await pop.textContent(), /2C is 3\.6F, not 35\.6F/);
  await page.screenshot({ path: path.join(SHOTS, "report.png") });
  assert.deepEqual(requests.filter((u) => !u.startsWith("file:")), [], "the report fetches nothing");
  await page.close();
});
