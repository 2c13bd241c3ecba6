// Stands in for zod's list of locales in the agent's executable: the agent's messages are English,
// and the other languages would be two fifths of the whole bundle, parsed at every start.
export { default as en } from 'zod/v4/locales/en.js';
