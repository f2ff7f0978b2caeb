import fs from 'node:fs';
const trace = JSON.parse(fs.readFileSync('/tmp/tree-trace.json', 'utf8'));
const events = trace.traceEvents ?? trace;
const ult = events.filter((e) => e.name === 'UpdateLayoutTree' && e.ph === 'X');
console.log('UpdateLayoutTree count', ult.length, 'avg ms', ult.reduce((a, e) => a + e.dur, 0) / ult.length / 1000);
console.log(JSON.stringify(ult.slice(5, 8).map((e) => [e.dur, e.args])));
const lay = events.filter((e) => e.name === 'Layout' && e.ph === 'X');
console.log('Layout count', lay.length, 'avg', lay.reduce((a, e) => a + e.dur, 0) / lay.length / 1000, JSON.stringify(lay.slice(5, 7).map((e) => [e.dur, e.args?.beginData])));
