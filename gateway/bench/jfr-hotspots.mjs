// Where our gateway spends its CPU, from a JFR recording (BENCH_JFR=1 run.sh ...).
// Usage: node jfr-hotspots.mjs <gateway.jfr> [top=25]
// Prints the methods most often on top of a sampled stack (self time) and the org.plenum methods most often
// anywhere on it (inclusive time), as shares of all execution samples.
import { execFileSync } from 'node:child_process';

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 25);
const json = execFileSync('jfr', ['print', '--json', '--stack-depth', '64', '--events', 'jdk.ExecutionSample', file],
  { encoding: 'utf8', maxBuffer: 1 << 30 });
const events = JSON.parse(json).recording.events;
const self = new Map();
const inclusive = new Map();
// JFR names classes with slashes, hidden (lambda) classes with dots
const type = (frame) => frame.method.type.name.replaceAll('/', '.');
const name = (frame) => `${type(frame)}.${frame.method.name}${frame.lineNumber > 0 ? `:${frame.lineNumber}` : ''}`;
for (const event of events) {
  const frames = event.values.stackTrace?.frames ?? [];
  if (!frames.length) continue;
  const topFrame = `${type(frames[0])}.${frames[0].method.name}`;
  self.set(topFrame, (self.get(topFrame) ?? 0) + 1);
  const seen = new Set(frames.filter((f) => type(f).startsWith('org.plenum.') && !type(f).includes('$$Lambda')).map(name));
  for (const method of seen) inclusive.set(method, (inclusive.get(method) ?? 0) + 1);
}
const print = (title, counts) => {
  console.log(`\n${title} (${events.length} samples)`);
  for (const [method, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${((n / events.length) * 100).toFixed(1).padStart(5)}%  ${method}`);
  }
};
print('Self: the method on top of the stack', self);
print('Inclusive: org.plenum methods anywhere on the stack (with line)', inclusive);
