#!/usr/bin/env node
// `npm start`: the collector on the embedded database (or DATABASE_URL), its dashboard, and an agent
// for this machine, all local. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.resolve(process.env.STEWARD_DATA_DIR ?? path.join(root, 'data'));
const port = process.env.STEWARD_PORT ?? '8080';
const host = process.env.STEWARD_HOST ?? '127.0.0.1';
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

/** The local agent and the collector share an enrolment secret kept in the data folder. */
function localEnrollSecret() {
  if (process.env.STEWARD_ENROLL_SECRET) return process.env.STEWARD_ENROLL_SECRET;
  const file = path.join(dataDir, 'local-enroll-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(18).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

const secret = localEnrollSecret();
// The collector's JSON log goes to the data folder, so the terminal keeps what a person must read:
// the first administrator's password, where agents get their secret, and errors.
const logFile = process.env.STEWARD_LOG_FILE ?? path.join(dataDir, 'collector.log');
const url = `http://${host}:${port}`;
const children = [];

function run(name, script, env) {
  const child = spawn(process.execPath, [path.join(root, script), ...env.args], {
    env: { ...process.env, ...env.vars },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} stopped (${signal ?? code}); stopping Steward`);
      stop(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

async function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

console.log(`Starting Steward (data in ${dataDir})…`);
run('collector', 'collector/bin/steward.js', {
  args: ['serve'],
  vars: { STEWARD_DATA_DIR: dataDir, STEWARD_PORT: port, STEWARD_HOST: host, STEWARD_ENROLL_SECRET: secret, STEWARD_LOG_FILE: logFile },
});
if (!(await waitForHealth(120_000))) {
  console.error(`the collector did not answer at ${url} within two minutes`);
  stop(1);
} else {
  run('agent', 'agent/bin/steward-agent.js', {
    args: [],
    vars: {
      STEWARD_SERVER: url,
      STEWARD_ENROLL_SECRET: secret,
      STEWARD_AGENT_STATE_DIR: path.join(dataDir, 'local-agent'),
      STEWARD_AGENT_INTERVAL: process.env.STEWARD_AGENT_INTERVAL ?? '900',
      STEWARD_LOG_LEVEL: process.env.STEWARD_AGENT_LOG_LEVEL ?? 'warn',
    },
  });
  console.log(`Dashboard: ${url}  (this machine's agent is reporting; Ctrl-C stops Steward)`);
  console.log(`Agents on other machines enrol with the secret in ${path.join(dataDir, 'local-enroll-secret')} (as STEWARD_ENROLL_SECRET),`);
  console.log('or with one made in the dashboard under Settings → Agents → Enrolment secrets.');
  console.log(`The collector's log: ${logFile}`);
}
