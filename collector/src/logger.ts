import pino, { type Logger } from 'pino';
import type { CollectorConfig } from './config.js';

/** The collector's JSON log: to its log file when one is set, else to standard output. */
export function collectorLogger(config: Pick<CollectorConfig, 'logLevel' | 'logFile'>): Logger {
  const options = { level: config.logLevel, base: { service: 'steward-collector' } };
  return config.logFile ? pino(options, pino.destination({ dest: config.logFile, mkdir: true, sync: true })) : pino(options);
}
