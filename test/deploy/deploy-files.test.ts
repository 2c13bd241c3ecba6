import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toolAvailable } from '../collector/snmp/support/required-tool.js';
import { REPO_ROOT } from '../support/processes.js';

const DEPLOY = path.join(REPO_ROOT, 'deploy');
const read = (file: string) => readFileSync(path.join(DEPLOY, file), 'utf8');
const README = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
}

/** Base images of a Dockerfile, without the names its own stages are given. */
function baseImages(dockerfile: string): string[] {
  const stages = new Set<string>();
  const images: string[] = [];
  for (const match of dockerfile.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)) {
    if (!stages.has(match[1]!)) images.push(match[1]!);
    if (match[2]) stages.add(match[2]);
  }
  return images;
}

describe('the collector as a systemd service', () => {
  it.skipIf(!toolAvailable('systemd-analyze', 'systemd'))('passes systemd-analyze verify', () => {
    const unit = path.join(DEPLOY, 'collector/steward-collector.service');
    // Throws with systemd's complaint on a non-zero exit.
    execFileSync('systemd-analyze', ['verify', unit], { stdio: 'pipe' });
    const text = readFileSync(unit, 'utf8');
    expect(text).toMatch(/^User=steward$/m);
    expect(text).toMatch(/^StateDirectory=steward$/m);
    expect(read('collector/steward.sysusers')).toMatch(/^u steward /m);
    expect(read('collector/logrotate.conf')).toMatch(/\/var\/log\/steward\/\*\.log/);
  });
});

describe('the container image and the two-collector compose file', () => {
  const compose = parse(read('compose/compose.yaml'), { merge: true }) as { services: Record<string, Service> };
  const services = compose.services;
  const collectors = Object.entries(services).filter(([, s]) => s.build);

  it('builds two collectors from the image definition, each health-checked, on one database', () => {
    expect(collectors.map(([name]) => name).sort()).toEqual(['collector-a', 'collector-b']);
    for (const [, collector] of collectors) {
      const dockerfile = path.join(DEPLOY, 'compose', collector.build!.context, collector.build!.dockerfile);
      expect(existsSync(dockerfile)).toBe(true);
      expect(collector.healthcheck?.test.join(' ')).toContain('/api/v1/health');
      expect(collector.depends_on?.database?.condition).toBe('service_healthy');
      expect(new URL(collector.environment!.DATABASE_URL!.replace(/\$\{[^}]+\}/g, 'x')).hostname).toBe('database');
      expect(collector.environment!.STEWARD_MASTER_KEY).toBe(collectors[0]![1].environment!.STEWARD_MASTER_KEY);
    }
    expect(services.database?.image).toMatch(/^timescale\/timescaledb:/);
    expect(services.database?.healthcheck?.test).toContain('pg_isready');
  });

  it('puts a TLS proxy in front of both collectors, health-checked', () => {
    const proxy = services.proxy!;
    expect(proxy.ports).toContain('443:443');
    expect(proxy.healthcheck?.test.length).toBeGreaterThan(0);
    const caddyfile = read('compose/Caddyfile');
    for (const [name] of collectors) {
      expect(caddyfile).toContain(`${name}:8080`);
      expect(proxy.depends_on?.[name]?.condition).toBe('service_healthy');
    }
    expect(caddyfile).toMatch(/health_uri \/api\/v1\/health/);
    expect(caddyfile).toMatch(/^\s*tls /m);
  });

  it('runs as an unprivileged user with a health check, and pulls only images the README names', () => {
    const dockerfile = read('compose/Dockerfile');
    expect(dockerfile).toMatch(/^USER (?!root)\S+/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/api\/v1\/health/m);
    const pulled = [...baseImages(dockerfile), ...Object.values(services).map((s) => s.image).filter((i): i is string => !!i && !i.startsWith('steward-collector'))];
    expect(pulled.length).toBeGreaterThan(2);
    for (const image of pulled) expect(README, `README names ${image}`).toContain(`\`${image}\``);
    // Nothing fetched when the container starts: no download tools in the command it runs.
    const command = dockerfile.match(/^CMD .*/m)?.[0] ?? '';
    expect(command).not.toMatch(/curl|wget|npm (ci|install)|npx/);
  });
});
