import { answerOf, basicAuth, HelpdeskError, trimBase, type HelpdeskConnector, type HttpClient } from './connector.js';

export interface JiraSettings {
  baseUrl: string;
  username: string;
  apiToken: string;
  mode: 'issue' | 'request';
  projectKey?: string;
  issueType: string;
  serviceDeskId?: string;
  requestTypeId?: string;
  closeTransition?: string;
}

/** Plain text as an Atlassian Document, which REST API v3 requires for descriptions and comments. */
export function adfDocument(text: string) {
  return {
    type: 'doc',
    version: 1,
    content: text.split(/\n{2,}/).map((para) => ({ type: 'paragraph', content: para ? [{ type: 'text', text: para }] : [] })),
  };
}

interface IssueTransition {
  id: string;
  name: string;
  to?: { statusCategory?: { key?: string } };
}

function pickTransition<T extends { id: string; name: string }>(list: T[], wanted: string | undefined, isDone: (t: T) => boolean, key: string): T {
  const chosen = wanted ? list.find((t) => t.name.toLowerCase() === wanted.toLowerCase()) : list.find(isDone);
  if (!chosen) {
    throw new HelpdeskError(409, `Jira: ${key} offers no ${wanted ? `"${wanted}"` : 'closing'} transition (has: ${list.map((t) => t.name).join(', ') || 'none'})`);
  }
  return chosen;
}

/**
 * Jira Service Management: plain issues (REST API v3) or customer requests (servicedeskapi), closed
 * through a transition to a done status.
 */
export function jiraConnector(s: JiraSettings, http: HttpClient): HelpdeskConnector {
  const base = trimBase(s.baseUrl);
  const headers = { authorization: basicAuth(s.username, s.apiToken) };
  const issueKey = (key: string) => encodeURIComponent(key);
  if (s.mode === 'request') {
    return {
      async open(content) {
        const body = {
          serviceDeskId: s.serviceDeskId, requestTypeId: s.requestTypeId,
          requestFieldValues: { summary: content.title.slice(0, 255), description: `${content.description}\n\nSteward reference: ${content.reference}` },
        };
        const answer = answerOf<{ issueId: string; issueKey: string; _links?: { web?: string } }>(
          await http.send('POST', `${base}/rest/servicedeskapi/request`, headers, body), [201], 'Jira: create request');
        return { externalId: answer.issueKey, externalKey: answer.issueKey, url: answer._links?.web ?? `${base}/browse/${answer.issueKey}` };
      },
      async comment(key, text) {
        answerOf(await http.send('POST', `${base}/rest/servicedeskapi/request/${issueKey(key)}/comment`, headers, { body: text, public: false }), [201], 'Jira: comment request');
      },
      async close(key, note) {
        const { values } = answerOf<{ values: Array<{ id: string; name: string }> }>(
          await http.send('GET', `${base}/rest/servicedeskapi/request/${issueKey(key)}/transition`, headers), [200], 'Jira: request transitions');
        const t = pickTransition(values, s.closeTransition, (v) => /resolve|close|done/i.test(v.name), key);
        answerOf(await http.send('POST', `${base}/rest/servicedeskapi/request/${issueKey(key)}/transition`, headers, { id: t.id, additionalComment: { body: note } }), [204], 'Jira: transition request');
      },
    };
  }
  return {
    async open(content) {
      const body = {
        fields: {
          project: { key: s.projectKey },
          issuetype: { name: s.issueType },
          summary: content.title.slice(0, 255),
          description: adfDocument(`${content.description}\n\nSteward reference: ${content.reference}`),
          labels: ['steward'],
        },
      };
      const answer = answerOf<{ id: string; key: string }>(await http.send('POST', `${base}/rest/api/3/issue`, headers, body), [201], 'Jira: create issue');
      return { externalId: answer.key, externalKey: answer.key, url: `${base}/browse/${answer.key}` };
    },
    async comment(key, text) {
      answerOf(await http.send('POST', `${base}/rest/api/3/issue/${issueKey(key)}/comment`, headers, { body: adfDocument(text) }), [201], 'Jira: comment issue');
    },
    async close(key, note) {
      const { transitions } = answerOf<{ transitions: IssueTransition[] }>(
        await http.send('GET', `${base}/rest/api/3/issue/${issueKey(key)}/transitions`, headers), [200], 'Jira: issue transitions');
      const t = pickTransition(transitions, s.closeTransition, (v) => v.to?.statusCategory?.key === 'done', key);
      const body = { transition: { id: t.id }, update: { comment: [{ add: { body: adfDocument(note) } }] } };
      answerOf(await http.send('POST', `${base}/rest/api/3/issue/${issueKey(key)}/transitions`, headers, body), [204], 'Jira: transition issue');
    },
  };
}
