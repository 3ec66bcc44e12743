// Drives the dashboard in headless Chromium (playwright-core) and prints what it saw as JSON for the Java test
// to check: bars, error bars, table cells, the drill-down, and a progress bar that arrived over SSE.
// Usage: node dashboard.cjs BASE_URL EXPERIMENT_ID PROGRESS_SUBJECT SCREENSHOT_PATH
'use strict';
const path = require('path');
const { chromium } = require(path.join(process.env.PLAYWRIGHT_DIR, 'node_modules', 'playwright-core'));

const [baseUrl, experimentId, subject, screenshot] = process.argv.slice(2);

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${baseUrl}?experiment=${encodeURIComponent(experimentId)}`);
    await page.waitForSelector('svg rect.bar', { timeout: 30000 });
    await page.waitForSelector(`nav a[data-experiment="${experimentId}"]`, { timeout: 30000 });
    console.log('READY');   // the test now publishes a StageProgressed for SUBJECT
    await page.waitForSelector(`.progress[data-subject="${subject}"]`, { timeout: 30000 });
    const seen = await page.evaluate(() => ({
      bars: [...document.querySelectorAll('svg rect.bar')].map((r) => ({
        condition: r.dataset.condition, split: r.dataset.split, height: Number(r.getAttribute('height')),
      })),
      errorBars: [...document.querySelectorAll('svg g.error-bar')].map((g) => {
        const ys = [...g.querySelectorAll('line')].map((l) => [Number(l.getAttribute('y1')), Number(l.getAttribute('y2'))]).flat();
        return { condition: g.dataset.condition, split: g.dataset.split, top: Math.min(...ys), bottom: Math.max(...ys) };
      }),
      plot: (() => { const grid = [...document.querySelectorAll('svg line.grid')];
        return { zero: Number(grid[0].getAttribute('y1')), one: Number(grid[grid.length - 1].getAttribute('y1')) }; })(),
      cells: [...document.querySelectorAll('#table td[data-metric]')].map((td) => ({
        condition: td.closest('tr').dataset.condition, split: td.dataset.split, metric: td.dataset.metric,
        text: td.textContent,
      })),
      status: document.querySelector('#detail h2 .badge').textContent,
      completeness: document.querySelector('#completeness').textContent,
      progress: [...document.querySelectorAll('.progress')].map((p) => ({
        subject: p.dataset.subject, done: Number(p.dataset.done), total: Number(p.dataset.total),
        stage: p.closest('.stage') ? p.closest('.stage').dataset.stage : null,
        width: p.querySelector('.fill').style.width,
      })),
    }));
    await page.click('#show-items');
    await page.waitForSelector('#items-table', { timeout: 30000 });
    seen.wrong = Object.fromEntries(await page.$$eval('#wrong-counts [data-condition]',
      (spans) => spans.map((s) => [s.dataset.condition, { wrong: Number(s.dataset.wrong), text: s.textContent }])));
    seen.wrongCells = await page.$$eval('#items-table td.wrong', (tds) => tds.map((td) => ({
      item: td.closest('tr').dataset.item, condition: td.dataset.condition, text: td.textContent })));
    seen.itemRows = await page.$$eval('#items-table tbody tr', (rows) => rows.map((r) => r.dataset.item));
    await page.screenshot({ path: screenshot, fullPage: true });
    seen.errors = errors;
    console.log('RESULT ' + JSON.stringify(seen));
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });

