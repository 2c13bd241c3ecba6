import WebSocket from 'ws';

/**
 * Sends one heartbeat on the agent channel, stamped by a clock `offsetSeconds` from the real one
 * (negative: behind), and resolves on the collector's answer.
 */
export async function sendHeartbeat(collectorUrl: string, token: string, offsetSeconds = 0): Promise<void> {
  const ws = new WebSocket(`${collectorUrl.replace('http', 'ws')}/api/v1/agents/ws`, { headers: { authorization: `Bearer ${token}` } });
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const answered = new Promise((resolve) => ws.once('message', resolve));
    ws.send(JSON.stringify({ type: 'heartbeat', sentAt: new Date(Date.now() + offsetSeconds * 1000).toISOString() }));
    await answered;
  } finally {
    ws.close();
  }
}
