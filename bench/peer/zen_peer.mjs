// The peer benchmark (quality.md: "a peer side by side on the same orders"): GoRules ZEN, an
// open-source rules engine (Rust core, Node binding), evaluating the kontanthjælp part of our
// catalog as a JDM decision, on the kontanthjælp orders of the same generated JSON Lines file
// `ydelse batch` reads. A benchmark dependency only; bench/peer/run.sh installs it.
//
//   node bench/peer/zen_peer.mjs ORDERS.jsonl OURS.jsonl [BATCH_ORDERS/S] [LIBRARY_ORDERS/S]
//
// OURS.jsonl is `ydelse batch`'s output for ORDERS.jsonl (line for line); a sample of ZEN's
// answers is checked against it before anything is timed, so the two engines are shown to
// compute the same thing. The decision (catalog/ydelser/kontanthjaelp.yk with the rules it uses):
//   atp_egen   = ATP sats if forsørgelse.måneder > 12 and brutto >= the year's threshold, else 0
//   a_indkomst = brutto - atp_egen
//   a_skat     = hovedkort: ceil(pct x max(0, floor10(a_indkomst) - fradrag))
//                bikort:    ceil(pct x floor10(a_indkomst))
//   netto      = brutto - atp_egen - a_skat
// Only orders with a hovedkort or bikort, no fordringer and no korrektion are used: the rest of
// our catalog (frikort, modregning, refusion, postings) is not modelled in the peer.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const { ZenEngine, evaluateExpressionSync } = require(
  path.join(here, 'node_modules', '@gorules', 'zen-engine'));

const [ordersFile, oursFile, oursRateText, oursLibraryText] = process.argv.slice(2);
if (!ordersFile || !oursFile) {
  console.error('brug: node zen_peer.mjs ORDERS.jsonl OURS.jsonl [BATCH_ORDRER/S] [BIBLIOTEK_ORDRER/S]');
  process.exit(2);
}

// The ATP rates and thresholds of catalog/satser/atp.yaml for the generated years (2023-2024),
// as a ZEN decision table: the year and forsørger give the sats and the threshold.
const satser = [
  ['2023', 'true', '95', '15874'], ['2023', 'false', '95', '11944'],
  ['2024', 'true', '99', '16382'], ['2024', 'false', '99', '12326'],
  ['', '', '0', '0'], // another year: no ATP (the generator draws 2023-2024 only)
];
const node = (id, type, content) => ({ id, type, name: id, position: { x: 0, y: 0 }, content });
const graph = {
  nodes: [
    node('ordre', 'inputNode', {}),
    node('satser', 'decisionTableNode', {
      hitPolicy: 'first', passThrough: true, inputField: null, outputPath: null,
      executionMode: 'single',
      inputs: [{ id: 'aar', name: 'år', field: 'aar' }, { id: 'fors', name: 'forsørger', field: 'forsorger' }],
      outputs: [{ id: 'sats', name: 'ATP-sats', field: 'atp_sats' },
                { id: 'tae', name: 'tærskel', field: 'taerskel' }],
      rules: satser.map(([aar, fors, sats, tae], i) => ({ _id: `r${i}`, aar, fors, sats, tae })),
    }),
    node('beregning', 'expressionNode', {
      passThrough: false, inputField: null, outputPath: null, executionMode: 'single',
      expressions: [
        { id: 'x1', key: 'atp_egen', value: 'maaneder > 12 and brutto >= taerskel ? atp_sats : 0' },
        { id: 'x2', key: 'a_indkomst', value: 'brutto - $.atp_egen' },
        { id: 'x3', key: 'a_skat', value:
          "kort == 'hovedkort' ? ceil(pct / 100 * max([0, floor($.a_indkomst / 10) * 10 - fradrag]))"
          + ' : ceil(pct / 100 * floor($.a_indkomst / 10) * 10)' },
        { id: 'x4', key: 'netto', value: 'brutto - $.atp_egen - $.a_skat' },
      ],
    }),
    node('resultat', 'outputNode', {}),
  ],
  edges: [
    { id: 'k1', sourceId: 'ordre', targetId: 'satser', type: 'edge' },
    { id: 'k2', sourceId: 'satser', targetId: 'beregning', type: 'edge' },
    { id: 'k3', sourceId: 'beregning', targetId: 'resultat', type: 'edge' },
  ],
};

// The same computation as two synchronous expression evaluations (no graph, no promise).
const syncAtp = 'maaneder > 12 and brutto >= (aar == 2023 ? (forsorger ? 15874 : 11944) : '
  + '(forsorger ? 16382 : 12326)) ? (aar == 2023 ? 95 : 99) : 0';
const skatOf = (a) => "kort == 'hovedkort' ? ceil(pct / 100 * max([0, floor(" + a
  + ' / 10) * 10 - fradrag])) : ceil(pct / 100 * floor(' + a + ' / 10) * 10)';
const syncRest = `{a_skat: ${skatOf('(brutto - atp)')}, netto: brutto - atp - (${skatOf('(brutto - atp)')})}`;

const orders = readFileSync(ordersFile, 'utf8').split('\n');
const ours = readFileSync(oursFile, 'utf8').split('\n');
const inputs = [];
const expected = [];
for (let i = 0; i < orders.length; i++) {
  if (!orders[i]) continue;
  const o = JSON.parse(orders[i]);
  const line = o.ydelser[0];
  const kort = o.skattekort?.type;
  if (line.ydelse !== 'KONTANTHJÆLP' || (kort !== 'hovedkort' && kort !== 'bikort')
      || o.fordringer || o.korrektion) continue;
  const r = JSON.parse(ours[i]);
  if (r.status !== 'effektueret') continue;
  inputs.push({
    brutto: Number(line.grundlag['beløb']), forsorger: line.grundlag['forsørger'] === true,
    maaneder: o['forsørgelse']?.['måneder'] ?? 0, aar: Number(o.periode.fra.slice(0, 4)), kort,
    pct: Number(o.skattekort['trækprocent']), fradrag: Number(o.skattekort.fradrag ?? 0),
  });
  expected.push(r['beløb']);
}
if (inputs.length === 0) {
  console.log('peer: no kontanthjælp orders with hovedkort/bikort in the input');
  process.exit(1);
}

const engine = new ZenEngine();
const decision = engine.createDecision(Buffer.from(JSON.stringify(graph)));

// Check before timing: ZEN's atp_egen, a_skat and netto equal ours to the øre.
const cents = (v) => Math.round(Number(v) * 100);
const sample = Math.min(inputs.length, 2000);
let mismatches = 0;
for (let i = 0; i < sample; i++) {
  const { result } = await decision.evaluate(inputs[i]);
  const atp = evaluateExpressionSync(syncAtp, inputs[i]);
  const rest = evaluateExpressionSync(syncRest, { ...inputs[i], atp });
  const e = expected[i];
  const same = cents(result.atp_egen) === cents(e.atp_egen) && cents(result.a_skat) === cents(e.a_skat)
    && cents(result.netto) === cents(e.netto) && cents(atp) === cents(e.atp_egen)
    && cents(rest.a_skat) === cents(e.a_skat) && cents(rest.netto) === cents(e.netto);
  if (!same && mismatches++ < 5) {
    console.log('peer: MISMATCH', JSON.stringify(inputs[i]), JSON.stringify(result), JSON.stringify(e));
  }
}
console.log(`peer: ${inputs.length} kontanthjælp orders; ${sample} checked against ydelse batch: `
  + (mismatches === 0 ? 'all equal (atp_egen, a_skat, netto)' : `${mismatches} differ`));

const rate = (n, ns) => n / (Number(ns) / 1e9);
const fmt = (x) => Math.round(x).toLocaleString('en-US');
const total = Math.max(100000, inputs.length);

// ZEN's best mode: the graph, many evaluations in flight (its Rust core runs them off the JS
// thread). Waves of 512 promises.
const inFlight = 512;
let start = process.hrtime.bigint();
for (let done = 0; done < total;) {
  const wave = [];
  for (let k = 0; k < inFlight && done < total; k++, done++) {
    wave.push(decision.evaluate(inputs[done % inputs.length]));
  }
  await Promise.all(wave);
}
const asyncRate = rate(total, process.hrtime.bigint() - start);

// Synchronous expression evaluation, one order after another on the JS thread.
start = process.hrtime.bigint();
for (let i = 0; i < total; i++) {
  const input = inputs[i % inputs.length];
  const atp = evaluateExpressionSync(syncAtp, input);
  evaluateExpressionSync(syncRest, { ...input, atp });
}
const syncRate = rate(total, process.hrtime.bigint() - start);
engine.dispose();

console.log(`peer: ZEN ${process.env.ZEN_VERSION ?? ''} decision graph, ${inFlight} in flight (async): `
  + `${fmt(asyncRate)} orders/s`);
console.log(`peer: ZEN evaluateExpressionSync, 2 expressions per order: ${fmt(syncRate)} orders/s`);
const oursRate = Number(oursRateText);
if (oursRate > 0) {
  console.log(`peer: ratio ours / ZEN: ${(oursRate / asyncRate).toFixed(1)}x the async graph, `
    + `${(oursRate / syncRate).toFixed(1)}x the sync expressions `
    + '(ours: ydelse batch end to end, all ydelser, one core; ZEN: kontanthjælp only, in memory)');
}
const oursLibrary = Number(oursLibraryText);
if (oursLibrary > 0) {
  console.log(`peer: ratio ours (library API, one thread, all ydelser) / ZEN: `
    + `${(oursLibrary / asyncRate).toFixed(1)}x the async graph, ${(oursLibrary / syncRate).toFixed(1)}x the sync expressions`);
}
