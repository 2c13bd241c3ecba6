export { collectReport, contentOf, fullReport, deltaReport } from './report.js';
export { loadAgentConfig, type AgentConfig } from './config.js';
export { runOnce, runDaemon } from './agent.js';
export { parseDpkgQuery } from './collectors/dpkg.js';
