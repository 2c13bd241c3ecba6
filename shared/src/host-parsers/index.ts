/**
 * Parsers of what a host's own tools print (package managers, os-release): pure functions of text,
 * shared by the agent, which runs the tools itself, and the collector, which runs them over SSH.
 */
export * from './text-repair.js';
export * from './install-date.js';
export * from './software-entry.js';
export * from './os-release.js';
export * from './dpkg.js';
export * from './rpm.js';
export * from './apk.js';
export * from './pacman.js';
export * from './placeholder-values.js';
export * from './cpuinfo.js';
export * from './os-point-release.js';
