import './help.css';
import { PageHeader } from '../components/page-header.js';
import { ROLES, ROLE_LABELS, can, canAny } from '../permissions.js';
import type { HelpAction, HelpTopic } from './help-topic.js';
import { HELP_SCREENS, REGISTER_HELP_HREF, isHelpScreen, type HelpScreen } from './help-link.js';
import { HELP_TOPICS } from './help-topics.js';

/** Roles named from the table the collector enforces, so the help never promises what a role cannot do. */
function rolesWith(check: (role: (typeof ROLES)[number]) => boolean): string {
  const labels = ROLES.filter(check).map((role) => ROLE_LABELS[role]);
  return labels.length === ROLES.length ? 'Every role' : labels.join(', ');
}

function whoMay(action: HelpAction, topic: HelpTopic): string {
  const { requires } = action;
  return rolesWith((role) => (topic.sees.length === 0 || canAny(role, topic.sees)) && (requires === null || can(role, requires)));
}

/** Help for each screen: /help?topic=<screen>, or the list of topics at /help. */
export function HelpView({ topic }: { topic: string | null }) {
  const screen = topic && isHelpScreen(topic) ? topic : null;
  const entry = screen ? HELP_TOPICS[screen] : null;
  return (
    <>
      <PageHeader title={entry ? `Help: ${entry.title}` : 'Help'} subtitle={entry ? entry.summary : 'What each screen shows, what its actions do and which roles may use them.'} />
      <div class="help-layout">
        <HelpContents current={screen} />
        <div class="card help-page" data-testid="help-topic" data-topic={screen ?? ''}>
          {topic && !entry ? <p role="alert">There is no help on “{topic}”. Choose a screen from the list.</p> : null}
          {entry ? <TopicBody topic={entry} /> : <HelpIndex />}
        </div>
      </div>
    </>
  );
}

function HelpContents({ current }: { current: HelpScreen | null }) {
  return (
    <nav class="help-contents" aria-label="Help topics">
      <ul>
        {HELP_SCREENS.map((id) => (
          <li key={id}>
            <a href={`/help?topic=${id}`} aria-current={id === current ? 'page' : undefined} class={id === current ? 'help-contents-current' : undefined}>{HELP_TOPICS[id].title}</a>
          </li>
        ))}
        <li><a href={REGISTER_HELP_HREF}>Register screens</a></li>
      </ul>
    </nav>
  );
}

function TopicBody({ topic }: { topic: HelpTopic }) {
  return (
    <>
      <section aria-labelledby="help-who">
        <h2 id="help-who" class="card-title">Who sees it</h2>
        <p>{topic.sees.length === 0 ? 'Every signed-in person.' : rolesWith((role) => canAny(role, topic.sees))}.{' '}
          {topic.href ? <a href={topic.href}>Open the screen</a> : null}</p>
      </section>
      {topic.sections.map((section) => (
        <section key={section.heading} aria-label={section.heading}>
          <h2 class="card-title">{section.heading}</h2>
          {section.paragraphs.map((text) => <p key={text}>{text}</p>)}
        </section>
      ))}
      {topic.actions.length > 0 ? (
        <section aria-labelledby="help-actions">
          <h2 id="help-actions" class="card-title">What you can do</h2>
          <table class="data-table help-actions">
            <caption class="visually-hidden">Actions on this screen and the roles that may use them</caption>
            <thead><tr><th scope="col">Action</th><th scope="col">What it does</th><th scope="col">Who may</th></tr></thead>
            <tbody>
              {topic.actions.map((action) => (
                <tr key={action.label}><td class="cell-primary">{action.label}</td><td>{action.text}</td><td>{whoMay(action, topic)}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

function HelpIndex() {
  return (
    <dl class="help-index">
      {HELP_SCREENS.map((id) => [
        <dt key={`${id}-term`}><a href={`/help?topic=${id}`}>{HELP_TOPICS[id].title}</a></dt>,
        <dd key={`${id}-text`}>{HELP_TOPICS[id].summary}</dd>,
      ])}
      <dt><a href={REGISTER_HELP_HREF}>Register screens</a></dt>
      <dd>Assets, check-outs, audit rounds and the reference lists: people, departments, locations, vendors, manufacturers, models and categories.</dd>
    </dl>
  );
}
