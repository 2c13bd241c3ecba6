import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const agentState = z.object({
  agentId: z.uuid(),
  token: z.string().min(1),
  server: z.string(),
});
export type AgentState = z.infer<typeof agentState>;

/** Writes a file so that a crash leaves either the old or the new content, never half of one. */
export function writeFileAtomic(file: string, content: string, mode = 0o600): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content, { mode });
  renameSync(temp, file);
}

export function readAgentState(stateDir: string): AgentState | undefined {
  try {
    return agentState.parse(JSON.parse(readFileSync(path.join(stateDir, 'agent.json'), 'utf8')));
  } catch {
    return undefined;
  }
}

export function saveAgentState(stateDir: string, state: AgentState): void {
  writeFileAtomic(path.join(stateDir, 'agent.json'), JSON.stringify(state, null, 2));
}
