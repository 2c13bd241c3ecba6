import { randomBytes } from 'node:crypto';
import { check, startHttpStub, type HttpStub, type StubRequest } from './http-stub.js';

/**
 * Local stand-ins for four helpdesks. Each checks what its vendor documents for the calls we make
 * (method, path, authentication header, required body fields) and answers in the vendor's shape.
 * What a stub found wrong is in `problems` (and answered 4xx, as the vendor would refuse it).
 */
export interface StubTicket {
  id: string;
  key: string;
  title: string;
  description: string;
  fields: Record<string, unknown>;
  state: 'open' | 'closed';
  comments: string[];
  closeFields?: Record<string, unknown>;
}

export interface ItsmStub extends HttpStub {
  tickets: Map<string, StubTicket>;
  /** The settings an integration of this kind needs to reach the stub (secrets included). */
  integration: Record<string, unknown>;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function checkJson(req: StubRequest): void {
  check(String(req.headers['content-type'] ?? '').startsWith('application/json'), 'Content-Type must be application/json');
  check(req.body && typeof req.body === 'object', 'body must be a JSON object');
}

async function itsmStub(integration: (url: string) => Record<string, unknown>, handle: (req: StubRequest, tickets: Map<string, StubTicket>) => { status: number; body?: unknown }): Promise<ItsmStub> {
  const tickets = new Map<string, StubTicket>();
  const stub = await startHttpStub((req) => handle(req, tickets));
  return Object.assign(stub, { tickets, integration: integration(stub.url) });
}

// ---------------------------------------------------------------- ServiceNow Table API

export function startServiceNowStub(): Promise<ItsmStub> {
  const user = 'steward.integration';
  const password = 'sn-pass-4711';
  let counter = 10000;
  return itsmStub((url) => ({ kind: 'servicenow', baseUrl: url, username: user, password, closeCode: 'Solution provided' }), (req, tickets) => {
    if (req.headers.authorization !== basic(user, password)) {
      return { status: 401, body: { error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' } };
    }
    check(String(req.headers.accept ?? '').includes('application/json'), 'Accept must ask for application/json');
    const body = req.body as Record<string, string>;
    if (req.method === 'POST' && req.path === '/api/now/table/incident') {
      checkJson(req);
      check(typeof body.short_description === 'string' && body.short_description.length > 0, 'short_description is required');
      check(['1', '2', '3'].includes(body.urgency!) && ['1', '2', '3'].includes(body.impact!), 'urgency and impact are 1, 2 or 3');
      const sysId = randomBytes(16).toString('hex');
      const number = `INC00${++counter}`;
      tickets.set(sysId, { id: sysId, key: number, title: body.short_description!, description: body.description ?? '', fields: body, state: 'open', comments: [] });
      return { status: 201, body: { result: { sys_id: sysId, number, state: '1', short_description: body.short_description } } };
    }
    const match = /^\/api\/now\/table\/incident\/([0-9a-f]{32})$/.exec(req.path);
    if (req.method === 'PATCH' && match) {
      checkJson(req);
      const t = tickets.get(match[1]!);
      if (!t) return { status: 404, body: { error: { message: 'No Record found', detail: 'Record doesn\'t exist or ACL restricts the record retrieval' }, status: 'failure' } };
      if (body.work_notes) t.comments.push(body.work_notes);
      if (body.state === '6') {
        if (!body.close_code || !body.close_notes) {
          return { status: 403, body: { error: { message: 'Operation Failed', detail: 'Data Policy Exception: The following fields are mandatory: Resolution code, Resolution notes' }, status: 'failure' } };
        }
        t.state = 'closed';
        t.closeFields = body;
      }
      return { status: 200, body: { result: { sys_id: t.id, number: t.key, state: t.state === 'closed' ? '6' : '1' } } };
    }
    throw new Error(`unexpected ${req.method} ${req.path}`);
  });
}

// ---------------------------------------------------------------- Jira Cloud REST API v3

function isAdf(doc: unknown): boolean {
  const d = doc as { type?: string; version?: number; content?: unknown };
  return d?.type === 'doc' && d.version === 1 && Array.isArray(d.content);
}

function adfText(doc: unknown): string {
  const d = doc as { content: Array<{ content?: Array<{ text?: string }> }> };
  return d.content.map((p) => (p.content ?? []).map((t) => t.text ?? '').join('')).join('\n\n');
}

/** Jira Service Management customer requests (servicedeskapi): plain-text fields, its own transitions. */
function serviceDeskRequest(req: StubRequest, tickets: Map<string, StubTicket>, next: () => number): { status: number; body?: unknown } | undefined {
  const body = req.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- request bodies are inspected loosely
  const transitions = [{ id: '761', name: 'Respond to support' }, { id: '781', name: 'Resolve this issue' }];
  if (req.method === 'POST' && req.path === '/rest/servicedeskapi/request') {
    checkJson(req);
    const f = body.requestFieldValues ?? {};
    if (body.serviceDeskId !== '4' || body.requestTypeId !== '12') return { status: 400, body: { errorMessage: 'The service desk or request type does not exist', i18nErrorMessage: {} } };
    if (!f.summary) return { status: 400, body: { errorMessage: 'Summary is required', i18nErrorMessage: {} } };
    if (f.description !== undefined && typeof f.description !== 'string') return { status: 400, body: { errorMessage: 'Description must be text', i18nErrorMessage: {} } };
    const n = next();
    const key = `HELP-${n}`;
    tickets.set(key, { id: String(20000 + n), key, title: f.summary, description: f.description ?? '', fields: body, state: 'open', comments: [] });
    return { status: 201, body: { issueId: String(20000 + n), issueKey: key, _links: { web: `http://jira.example/servicedesk/customer/portal/4/${key}` } } };
  }
  const m = /^\/rest\/servicedeskapi\/request\/([A-Z]+-\d+)\/(comment|transition)$/.exec(req.path);
  if (!m) return undefined;
  const t = tickets.get(m[1]!);
  if (!t) return { status: 404, body: { errorMessage: 'Request does not exist', i18nErrorMessage: {} } };
  if (req.method === 'POST' && m[2] === 'comment') {
    checkJson(req);
    check(typeof body.body === 'string' && body.body && typeof body.public === 'boolean', 'a comment needs body (text) and public (boolean)');
    t.comments.push(body.body);
    return { status: 201, body: { id: String(t.comments.length), body: body.body, public: body.public } };
  }
  if (req.method === 'GET') return { status: 200, body: { size: 2, start: 0, limit: 50, isLastPage: true, values: transitions } };
  checkJson(req);
  const chosen = transitions.find((x) => x.id === body.id);
  if (!chosen) return { status: 400, body: { errorMessage: 'The transition is not valid for this request', i18nErrorMessage: {} } };
  if (body.additionalComment?.body) t.comments.push(body.additionalComment.body);
  if (chosen.name.startsWith('Resolve')) {
    t.state = 'closed';
    t.closeFields = { transition: chosen.name };
  }
  return { status: 204 };
}

export function startJiraStub(mode: 'issue' | 'request' = 'issue'): Promise<ItsmStub> {
  const email = 'ops@example.org';
  const token = 'atlassian-api-token-0042';
  let counter = 0;
  const transitions = [
    { id: '11', name: 'To Do', to: { statusCategory: { key: 'new' } } },
    { id: '21', name: 'In Progress', to: { statusCategory: { key: 'indeterminate' } } },
    { id: '31', name: 'Done', to: { statusCategory: { key: 'done' } } },
  ];
  const settings = mode === 'issue' ? { projectKey: 'OPS', issueType: 'Task' } : { serviceDeskId: '4', requestTypeId: '12' };
  return itsmStub((url) => ({ kind: 'jira', baseUrl: url, username: email, apiToken: token, mode, ...settings }), (req, tickets) => {
    if (req.headers.authorization !== basic(email, token)) return { status: 401, body: { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'] } };
    const request = serviceDeskRequest(req, tickets, () => ++counter);
    if (request) return request;
    const body = req.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- request bodies are inspected loosely
    if (req.method === 'POST' && req.path === '/rest/api/3/issue') {
      checkJson(req);
      const f = body.fields ?? {};
      const errors: Record<string, string> = {};
      if (f.project?.key !== 'OPS') errors.project = 'valid project is required';
      if (!f.summary) errors.summary = 'You must specify a summary of the issue.';
      if (!f.issuetype?.name && !f.issuetype?.id) errors.issuetype = 'valid issue type is required';
      if (f.description !== undefined && !isAdf(f.description)) errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
      if (Object.keys(errors).length) return { status: 400, body: { errorMessages: [], errors } };
      const id = String(10000 + ++counter);
      const key = `OPS-${counter}`;
      tickets.set(key, { id, key, title: f.summary, description: adfText(f.description), fields: f, state: 'open', comments: [] });
      return { status: 201, body: { id, key, self: `${req.headers.host}/rest/api/3/issue/${id}` } };
    }
    const m = /^\/rest\/api\/3\/issue\/([A-Z]+-\d+)\/(comment|transitions)$/.exec(req.path);
    const t = m ? tickets.get(m[1]!) : undefined;
    if (m && !t) return { status: 404, body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} } };
    if (t && req.method === 'POST' && m![2] === 'comment') {
      checkJson(req);
      if (!isAdf(body.body)) return { status: 400, body: { errorMessages: [], errors: { comment: 'Comment body can not be empty!' } } };
      t.comments.push(adfText(body.body));
      return { status: 201, body: { id: String(t.comments.length) } };
    }
    if (t && req.method === 'GET' && m![2] === 'transitions') return { status: 200, body: { expand: 'transitions', transitions } };
    if (t && req.method === 'POST' && m![2] === 'transitions') {
      checkJson(req);
      const chosen = transitions.find((x) => x.id === body.transition?.id);
      if (!chosen) return { status: 400, body: { errorMessages: [`Transition id '${body.transition?.id}' is not valid for this issue.`], errors: {} } };
      const note = body.update?.comment?.[0]?.add?.body;
      if (note) t.comments.push(adfText(note));
      if (chosen.to.statusCategory.key === 'done') {
        t.state = 'closed';
        t.closeFields = { transition: chosen.name };
      }
      return { status: 204 };
    }
    throw new Error(`unexpected ${req.method} ${req.path}`);
  });
}

// ---------------------------------------------------------------- GLPI REST API (apirest.php)

export function startGlpiStub(): Promise<ItsmStub> {
  const appToken = 'glpi-app-token-9f2c';
  const userToken = 'glpi-user-token-51aa';
  const sessions = new Set<string>();
  let counter = 0;
  return itsmStub((url) => ({ kind: 'glpi', baseUrl: `${url}/apirest.php`, appToken, userToken, closeStatus: 5 }), (req, tickets) => {
    if (!req.path.startsWith('/apirest.php/')) throw new Error(`unexpected path ${req.path}`);
    const path = req.path.slice('/apirest.php'.length);
    if (req.headers['app-token'] === undefined) return { status: 400, body: ['ERROR_APP_TOKEN_PARAMETERS_MISSING', 'parameter app_token is missing or empty'] };
    if (req.headers['app-token'] !== appToken) return { status: 400, body: ['ERROR_WRONG_APP_TOKEN_PARAMETER', 'parameter app_token seems wrong'] };
    if (req.method === 'GET' && path === '/initSession') {
      if (req.headers.authorization !== `user_token ${userToken}`) return { status: 401, body: ['ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid'] };
      const session = randomBytes(13).toString('hex');
      sessions.add(session);
      return { status: 200, body: { session_token: session } };
    }
    const session = String(req.headers['session-token'] ?? '');
    if (!sessions.has(session)) return { status: 401, body: ['ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid'] };
    if (req.method === 'GET' && path === '/killSession') {
      sessions.delete(session);
      return { status: 200, body: true };
    }
    const input = (req.body as { input?: Record<string, unknown> } | undefined)?.input;
    if (req.method === 'POST' && path === '/Ticket') {
      checkJson(req);
      if (!input?.name || !input.content) return { status: 400, body: ['ERROR_GLPI_ADD', 'name and content are required'] };
      const id = String(++counter);
      tickets.set(id, { id, key: id, title: String(input.name), description: String(input.content), fields: input, state: 'open', comments: [] });
      return { status: 201, body: { id: Number(id), message: '' } };
    }
    const m = /^\/Ticket\/(\d+)(\/ITILFollowup)?$/.exec(path);
    const t = m ? tickets.get(m[1]!) : undefined;
    if (m && !t) return { status: 404, body: ['ERROR_ITEM_NOT_FOUND', 'Item not found'] };
    if (t && req.method === 'POST' && m![2]) {
      checkJson(req);
      check(input?.itemtype === 'Ticket' && Number(input.items_id) === Number(t.id) && input.content, 'a follow-up needs itemtype Ticket, items_id and content');
      t.comments.push(String(input!.content));
      return { status: 201, body: { id: t.comments.length, message: '' } };
    }
    if (t && req.method === 'PUT' && !m![2]) {
      checkJson(req);
      const status = Number(input?.status);
      check(status >= 1 && status <= 6, 'status must be 1 to 6');
      if (status >= 5) {
        t.state = 'closed';
        t.closeFields = input;
      }
      return { status: 200, body: [{ [t.id]: true, message: '' }] };
    }
    throw new Error(`unexpected ${req.method} ${req.path}`);
  });
}

// ---------------------------------------------------------------- Zammad REST API

export function startZammadStub(): Promise<ItsmStub> {
  const token = 'zammad-access-token-7c1e';
  let counter = 0;
  return itsmStub((url) => ({ kind: 'zammad', baseUrl: url, token, group: 'Users', customer: 'it@example.org' }), (req, tickets) => {
    if (req.headers.authorization !== `Token token=${token}`) return { status: 401, body: { error: 'Authentication required' } };
    const body = req.body as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- request bodies are inspected loosely
    if (req.method === 'POST' && req.path === '/api/v1/tickets') {
      checkJson(req);
      if (!body.title || !body.group || !(body.customer || body.customer_id)) return { status: 422, body: { error: 'title, group and customer are required' } };
      if (!body.article?.body) return { status: 422, body: { error: 'Need at least article: { body: "some text" }' } };
      const id = String(++counter);
      tickets.set(id, { id, key: String(31000 + counter), title: body.title, description: body.article.body, fields: body, state: 'open', comments: [] });
      return { status: 201, body: { id: Number(id), number: String(31000 + counter), title: body.title, state_id: 1, group_id: 1 } };
    }
    if (req.method === 'POST' && req.path === '/api/v1/ticket_articles') {
      checkJson(req);
      const t = tickets.get(String(body.ticket_id));
      if (!t) return { status: 422, body: { error: 'ticket_id is required and must exist' } };
      check(body.body, 'an article needs a body');
      t.comments.push(body.body);
      return { status: 201, body: { id: t.comments.length, ticket_id: Number(t.id) } };
    }
    const m = /^\/api\/v1\/tickets\/(\d+)$/.exec(req.path);
    if (req.method === 'PUT' && m) {
      checkJson(req);
      const t = tickets.get(m[1]!);
      if (!t) return { status: 404, body: { error: 'Couldn\'t find Ticket' } };
      if (body.article?.body) t.comments.push(body.article.body);
      if (body.state === 'closed') {
        t.state = 'closed';
        t.closeFields = body;
      }
      return { status: 200, body: { id: Number(t.id), state_id: t.state === 'closed' ? 4 : 1 } };
    }
    throw new Error(`unexpected ${req.method} ${req.path}`);
  });
}
