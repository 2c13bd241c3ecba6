import type { HelpScreen } from './help-link.js';
import type { HelpTopic } from './help-topic.js';
import { ADMINISTRATION_TOPICS } from './topics-administration.js';
import { COMPLIANCE_TOPICS } from './topics-compliance.js';
import { ESTATE_TOPICS } from './topics-estate.js';
import { OPERATIONS_TOPICS } from './topics-operations.js';

/** Every screen's help: a screen without a topic fails to compile; the help test refuses a topic without a screen. */
export const HELP_TOPICS: Record<HelpScreen, HelpTopic> = {
  ...ESTATE_TOPICS, ...COMPLIANCE_TOPICS, ...OPERATIONS_TOPICS, ...ADMINISTRATION_TOPICS,
};
