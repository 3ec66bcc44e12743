// AFT dashboard: the experiment list, and per experiment the live pipeline (over SSE), the result chart
// (grouped bars with ± standard-error bars), the table, the cost, and the per-item drill-down.
'use strict';

const COLORS = ['#607d8b', '#1565c0', '#ef6c00', '#2e7d32', '#8e24aa', '#00838f', '#c62828'];
const state = { id: null, source: null, report: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== undefined && value !== null) node.setAttribute(key, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

function svg(tag, attrs, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children.flat(Infinity)) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

const fixed = (x) => Number(x).toFixed(3);
const pm = (value, stderr) => `${fixed(value)} ± ${fixed(stderr)}`;
const badge = (text) => el('span', { class: `badge ${text}`, 'data-state': text }, text);

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

async function loadList() {
  const list = document.getElementById('experiments');
  try {
    const experiments = await getJson('experiments');
    list.replaceChildren(...experiments.map((e) => el('li', {},
      el('a', { href: `?experiment=${encodeURIComponent(e.experimentId)}`, 'data-experiment': e.experimentId,
        class: e.experimentId === state.id ? 'active' : null,
        onclick: `event.preventDefault(); selectExperiment(${JSON.stringify(e.experimentId)});` },
      e.experimentId, ' ', badge(e.status), el('div', { class: 'muted' }, e.family || '')))));
    if (!experiments.length) list.replaceChildren(el('li', { class: 'muted' }, 'no experiments yet'));
  } catch (e) {
    list.replaceChildren(el('li', { class: 'error' }, e.message));
  }
}

function selectExperiment(id) {
  history.replaceState(null, '', `?experiment=${encodeURIComponent(id)}`);
  state.id = id;
  if (state.source) state.source.close();
  document.getElementById('detail').replaceChildren(el('p', { class: 'muted' }, 'loading…'));
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.experiment === id));
  const source = new EventSource(`experiments/${encodeURIComponent(id)}/stream`);
  state.source = source;
  source.addEventListener('report', (message) => {
    state.report = JSON.parse(message.data);
    render(state.report);
    loadList();
  });
  source.addEventListener('progress', (message) => showProgress(JSON.parse(message.data)));
  source.onerror = () => { document.body.dataset.stream = 'reconnecting'; };
  source.onopen = () => { document.body.dataset.stream = 'open'; };
}

function render(report) {
  const detail = document.getElementById('detail');
  const openItems = document.getElementById('items-panel');
  detail.replaceChildren(
    el('h2', {}, report.experimentId, ' ', badge(report.status)),
    el('p', { class: 'muted' }, [report.family, report.datasetId, report.baseModel && `base model ${report.baseModel}`]
      .filter(Boolean).join(' · ')),
    stagesSection(report), chartSection(report), tableSection(report), gapsSection(report), costSection(report),
    el('section', { id: 'items-panel' }, el('h3', {}, 'Per-item results'),
      el('button', { id: 'show-items', onclick: 'showItems()' }, 'Show which items each condition got wrong'),
      el('div', { id: 'items' })));
  if (openItems && openItems.dataset.open) showItems();
}

function stagesSection(report) {
  const c = report.completeness;
  const stages = (report.stages || []).map((s) => el('div', { class: 'stage', 'data-stage': s.key },
    el('div', {}, el('b', {}, s.key), ' ', badge(s.state)), s.reason ? el('div', { class: 'reason' }, s.reason) : null,
    el('div', { class: 'bars' })));
  const section = el('section', { id: 'stages' }, el('h3', {}, 'Pipeline'),
    c ? el('p', { id: 'completeness' }, `${c.completed} completed, ${c.failed} failed, ${c.missing.length} missing of ${c.expected} expected`) : null,
    el('div', { class: 'stages' }, stages), el('div', { id: 'unassigned' }));
  for (const p of report.progress || []) placeProgress(section, p);
  return section;
}

function progressBar(p) {
  const share = p.total > 0 ? p.done / p.total : 0;
  return el('div', { class: 'progress', 'data-subject': p.subjectId, 'data-done': p.done, 'data-total': p.total },
    el('div', { class: 'label' }, `${p.stage} ${p.subjectId}: ${p.done} / ${p.total}${p.message ? ' — ' + p.message : ''}`),
    el('div', { class: 'track' }, el('div', { class: 'fill', style: `width: ${(100 * share).toFixed(1)}%` })));
}

function placeProgress(root, p) {
  const bar = progressBar(p);
  const existing = root.querySelector(`.progress[data-subject="${CSS.escape(p.subjectId)}"]`);
  if (existing) { existing.replaceWith(bar); return; }
  const stage = p.stageKey && root.querySelector(`.stage[data-stage="${CSS.escape(p.stageKey)}"] .bars`);
  (stage || root.querySelector('#unassigned')).append(bar);
}

function showProgress(progressed) {
  const root = document.getElementById('stages');
  if (root) placeProgress(root, { stage: progressed.stage, subjectId: progressed.subjectId, done: progressed.done,
    total: progressed.total, message: progressed.message });
}

function chartSection(report) {
  const conditions = report.conditions.filter((c) => report.table.some((cell) => cell.condition === c));
  const section = el('section', { id: 'chart' }, el('h3', {}, 'Accuracy by split (acc ± standard error; dashed: chance)'));
  if (!conditions.length) { section.append(el('p', { class: 'muted' }, 'no results yet')); return section; }
  const H = 220, top = 14, left = 40, barW = 26, gap = 4, groupGap = 30;
  const groupW = conditions.length * (barW + gap) - gap;
  const W = left + report.splits.length * (groupW + groupGap) + 10;
  const y = (v) => top + H * (1 - v);
  const chart = svg('svg', { width: W, height: top + H + 40, role: 'img', 'aria-label': 'accuracy chart' });
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    chart.append(svg('line', { class: 'grid', x1: left, x2: W, y1: y(tick), y2: y(tick), stroke: '#e3e6ea' }),
      svg('text', { x: left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, tick.toFixed(2)));
  }
  report.splits.forEach((split, g) => {
    const x0 = left + 10 + g * (groupW + groupGap);
    chart.append(svg('text', { x: x0 + groupW / 2, y: top + H + 18, 'text-anchor': 'middle', class: 'split-label' }, split));
    conditions.forEach((condition, i) => {
      const cell = report.table.find((c) => c.condition === condition && c.split === split);
      if (!cell) return;
      const x = x0 + i * (barW + gap);
      const color = COLORS[report.conditions.indexOf(condition) % COLORS.length];
      chart.append(svg('rect', { class: 'bar', x, y: y(cell.acc), width: barW, height: H * cell.acc, fill: color,
        'data-condition': condition, 'data-split': split, 'data-acc': cell.acc },
      svg('title', {}, `${condition} · ${split}: ${pm(cell.acc, cell.accStderr)} (n = ${cell.n})`)));
      const lo = Math.max(0, cell.acc - cell.accStderr), hi = Math.min(1, cell.acc + cell.accStderr);
      const cx = x + barW / 2;
      chart.append(svg('g', { class: 'error-bar', 'data-condition': condition, 'data-split': split,
        'data-low': lo, 'data-high': hi, stroke: '#111' },
      svg('line', { x1: cx, x2: cx, y1: y(hi), y2: y(lo) }),
      svg('line', { x1: cx - 5, x2: cx + 5, y1: y(hi), y2: y(hi) }),
      svg('line', { x1: cx - 5, x2: cx + 5, y1: y(lo), y2: y(lo) })));
    });
    const chance = report.table.find((c) => c.split === split);
    if (chance) {
      chart.append(svg('line', { class: 'chance', x1: x0 - 4, x2: x0 + groupW + 4, y1: y(chance.chance),
        y2: y(chance.chance), stroke: '#555', 'stroke-dasharray': '4 3' }));
    }
  });
  const legend = el('div', { class: 'legend' }, conditions.map((c) =>
    el('span', {}, el('i', { style: `background: ${COLORS[report.conditions.indexOf(c) % COLORS.length]}` }), c)));
  section.append(chart, legend);
  return section;
}

function tableSection(report) {
  const header = el('tr', {}, el('th', { class: 'text' }, 'condition'),
    report.splits.map((s) => [el('th', {}, `${s} acc`), el('th', {}, `${s} acc_norm`), el('th', {}, 'n')]));
  const rows = report.conditions.filter((c) => report.table.some((cell) => cell.condition === c)).map((condition) =>
    el('tr', { 'data-condition': condition }, el('td', {}, condition), report.splits.map((split) => {
      const cell = report.table.find((c) => c.condition === condition && c.split === split);
      if (!cell) return [el('td', {}, '–'), el('td', {}, '–'), el('td', {}, '–')];
      return [el('td', { 'data-split': split, 'data-metric': 'acc' }, pm(cell.acc, cell.accStderr)),
        el('td', { 'data-split': split, 'data-metric': 'accNorm' }, pm(cell.accNorm, cell.accNormStderr)),
        el('td', { 'data-split': split, 'data-metric': 'n' }, cell.n)];
    })));
  const chance = el('tr', { class: 'muted' }, el('td', {}, 'chance'), report.splits.map((split) => {
    const cell = report.table.find((c) => c.split === split);
    return [el('td', {}, cell ? fixed(cell.chance) : '–'), el('td', {}), el('td', {})];
  }));
  return el('section', { id: 'table' }, el('h3', {}, 'Results'), el('table', {}, el('thead', {}, header),
    el('tbody', {}, rows, chance)));
}

function gapsSection(report) {
  const rows = (report.gaps || []).map((g) => el('tr', {}, el('td', {}, g.name), el('td', { class: 'text' }, g.split),
    el('td', {}, pm(g.acc, g.accStderr)), el('td', {}, pm(g.accNorm, g.accNormStderr))));
  return el('section', { id: 'gaps' }, el('h3', {}, 'Generalization gaps'), rows.length
    ? el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'gap'), el('th', { class: 'text' }, 'split'),
      el('th', {}, 'acc'), el('th', {}, 'acc_norm'))), el('tbody', {}, rows))
    : el('p', { class: 'muted' }, 'not enough results yet'));
}

function costSection(report) {
  const dash = (v) => (v === undefined || v === null ? '–' : v);
  const rows = (report.costs || []).map((c) => el('tr', {}, el('td', {}, c.condition),
    el('td', {}, `${c.augmentationPromptTokens} / ${c.augmentationCompletionTokens}`),
    el('td', {}, dash(c.trainingTokens)), el('td', {}, dash(c.trainingExamples)),
    el('td', {}, c.trainingMillis == null ? '–' : (c.trainingMillis / 1000).toFixed(1)),
    el('td', {}, dash(c.evaluationPromptTokens)),
    el('td', {}, c.promptTokensPerQuery == null ? '–' : c.promptTokensPerQuery.toFixed(1))));
  return el('section', { id: 'costs' }, el('h3', {}, 'Cost per condition'), el('table', {},
    el('thead', {}, el('tr', {}, ['condition', 'augmentation tokens (prompt / completion)', 'training tokens',
      'training examples', 'training s', 'eval prompt tokens', 'prompt tokens per query'].map((h) => el('th', {}, h)))),
    el('tbody', {}, rows)));
}

async function showItems() {
  const panel = document.getElementById('items-panel');
  panel.dataset.open = 'true';
  const target = document.getElementById('items');
  target.replaceChildren(el('p', { class: 'muted' }, 'loading items…'));
  try {
    const drill = await getJson(`experiments/${encodeURIComponent(state.id)}/items`);
    const summary = el('p', { id: 'wrong-counts' }, drill.conditions.map((c) =>
      el('span', { 'data-condition': c, 'data-wrong': drill.wrong[c] }, `${c}: ${drill.wrong[c]} wrong  `)));
    const errors = Object.entries(drill.errors || {}).map(([c, m]) => el('p', { class: 'error' }, `${c}: ${m}`));
    const missed = drill.items.filter((item) => Object.values(item.conditions).some((v) => !v.correct));
    const rows = missed.map((item) => el('tr', { 'data-item': item.id }, el('td', {}, item.id),
      el('td', { class: 'text' }, item.split), el('td', { class: 'text' }, item.subType || ''), el('td', {}, item.answer),
      drill.conditions.map((c) => {
        const v = item.conditions[c];
        if (!v) return el('td', {}, '–');
        return el('td', { class: v.correct ? 'right' : 'wrong', 'data-condition': c,
          'data-correct': String(v.correct) }, v.correct ? '✓' : `✗ ${v.predicted}`);
      })));
    target.replaceChildren(summary, ...errors, el('p', { class: 'muted' },
      `${missed.length} of ${drill.items.length} items were answered wrongly by at least one condition (✗ shows the option chosen).`),
    el('table', { id: 'items-table' }, el('thead', {}, el('tr', {}, el('th', {}, 'item'), el('th', { class: 'text' }, 'split'),
      el('th', { class: 'text' }, 'sub-type'), el('th', {}, 'answer'), drill.conditions.map((c) => el('th', {}, c)))),
    el('tbody', {}, rows)));
  } catch (e) {
    target.replaceChildren(el('p', { class: 'error' }, e.message));
  }
}

window.selectExperiment = selectExperiment;
window.showItems = showItems;
loadList().then(() => {
  const id = new URLSearchParams(location.search).get('experiment');
  if (id) selectExperiment(id);
});
