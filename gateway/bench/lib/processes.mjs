// Child processes of the run (databases, subgraphs, gateways), their readiness and their resource use from /proc.
import { spawn } from 'node:child_process';
import { openSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
const running = new Set();

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a process with its output in <logDir>/<name>.log. */
export function start(name, command, args, { logDir, env = {}, cwd, stdin = 'ignore' }) {
  const log = join(logDir, `${name}.log`);
  const out = openSync(log, 'a');
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: [stdin, out, out] });
  const proc = { name, child, pid: child.pid, log, exited: false, extraPids: () => [] };
  child.on('exit', (code, signal) => {
    proc.exited = true;
    proc.exitCode = code ?? signal;
    running.delete(proc);
  });
  running.add(proc);
  return proc;
}

export async function stop(proc, graceMillis = 20000) {
  if (proc.exited) return;
  const exited = new Promise((resolve) => proc.child.once('exit', resolve));
  proc.child.kill('SIGTERM');
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), graceMillis);
  await exited;
  clearTimeout(timer);
}

export async function stopAll() {
  await Promise.all([...running].reverse().map((proc) => stop(proc)));
}

/** Last resort when the harness itself is interrupted: nothing may outlive the run. */
export function killAllNow() {
  for (const proc of running) {
    for (const pid of [...proc.extraPids(), proc.pid]) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}

/**
 * Runs a harness's `main` (resolving to its failures as lines of text), then stops every child process whatever
 * happened and exits: 1 on failures or an exception, 130 when interrupted.
 */
export async function runMain(main) {
  process.on('SIGINT', () => {
    killAllNow();
    process.exit(130);
  });
  let failures;
  try {
    failures = await main();
  } catch (error) {
    failures = [`${error.stack ?? error}`];
  } finally {
    await stopAll();
  }
  if (failures.length) console.error(`FAILED:\n  ${failures.join('\n  ')}`);
  process.exit(failures.length ? 1 : 0);
}

export function tail(proc, lines = 30) {
  try {
    return readFileSync(proc.log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

/** Polls `probe` until it resolves true; fails early when the process exits. */
export async function awaitReady(proc, probe, timeoutMillis) {
  const deadline = Date.now() + timeoutMillis;
  while (Date.now() < deadline) {
    if (proc.exited) {
      throw new Error(`${proc.name} exited (${proc.exitCode}) while starting; last lines of ${proc.log}:\n${tail(proc)}`);
    }
    try {
      if (await probe()) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${proc.name} not ready after ${timeoutMillis / 1000} s; last lines of ${proc.log}:\n${tail(proc)}`);
}

/** The process and all its descendants, now. */
export function processTree(pid) {
  const pids = [pid];
  for (let i = 0; i < pids.length; i++) {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${pids[i]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      } catch {
        // the task ended meanwhile
      }
    }
  }
  return pids;
}

/** User plus system CPU time of the processes, in seconds. */
export function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime
    } catch {
      // ended meanwhile: its time is lost, which only lowers the figure slightly
    }
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

/** CPU seconds the JIT compiler threads (HotSpot's "C1/C2 CompilerThre...") of the processes have used so far. */
export function jitCompilerSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        if (!/^C[12] CompilerThre/.test(readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8'))) continue;
        const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        ticks += Number(fields[11]) + Number(fields[12]);
      } catch {
        // the thread ended meanwhile (HotSpot stops idle compiler threads)
      }
    }
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

function statusKb(pid, field) {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of the processes together, in MB. */
export function rssMb(pids) {
  return pids.reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0) / 1024;
}

/** The peak resident memory (VmHWM) of the processes, summed, in MB. */
export function peakRssMb(pids) {
  return pids.reduce((sum, pid) => sum + statusKb(pid, 'VmHWM'), 0) / 1024;
}

/**
 * Watches groups of processes during a measured interval: CPU seconds used and the highest resident memory seen
 * (sampled every 200 ms, the group's processes summed).
 */
export class ResourceWatch {
  constructor(groups) {
    this.groups = Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, { pids, cpu0: cpuSeconds(pids), peakRss: rssMb(pids) }]));
    this.startedAt = process.hrtime.bigint();
    this.timer = setInterval(() => this.sample(), 200);
  }

  sample() {
    for (const group of Object.values(this.groups)) {
      group.peakRss = Math.max(group.peakRss, rssMb(group.pids));
    }
  }

  /** Per group: cpuPercent (of one core) and peakRssMb over the interval. */
  finish() {
    clearInterval(this.timer);
    this.sample();
    const seconds = Number(process.hrtime.bigint() - this.startedAt) / 1e9;
    return Object.fromEntries(Object.entries(this.groups).map(([name, group]) => [name, {
      cpuPercent: ((cpuSeconds(group.pids) - group.cpu0) / seconds) * 100,
      peakRssMb: group.peakRss,
    }]));
  }
}
