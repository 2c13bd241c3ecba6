export { startCollector, type RunningCollector } from './collector.js';
export { loadCollectorConfig, collectorConfigSchema, type CollectorConfig } from './config.js';
export { openDatabase } from './store/open.js';
export { migrate } from './store/migrate.js';
export type { Database, Queryable } from './store/database.js';
