import { z } from 'zod';
import { role } from './permissions.js';
import { isoDateTime, text } from './text.js';

/** People who sign in to the dashboard and the API, and the role each holds. */

const username = text(128).trim().regex(/^[A-Za-z0-9._@-]+$/, 'may hold letters, digits and . _ @ - only').min(1);
/** Long enough that a guessed password is not the easy way in; the hash makes length cheap to allow. */
const password = text(1024).min(12, 'must be at least 12 characters');

export const userInput = z.object({
  username,
  password,
  role,
  displayName: text(256).trim().optional(),
}).strict();
export type UserInput = z.infer<typeof userInput>;

/** A change of some fields; a new password replaces the old one, which is never answered. */
export const userUpdate = z.object({
  role: role.optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
  displayName: text(256).trim().nullable().optional(),
}).strict();
export type UserUpdate = z.infer<typeof userUpdate>;

export const userView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string().nullable(),
  role,
  disabled: z.boolean(),
  /** Locked for a while after repeated failed logins. */
  lockedUntil: isoDateTime.nullable(),
  createdAt: isoDateTime,
  /** How the person signs in: a password here, or the single sign-on provider. */
  signIn: z.enum(['password', 'sso']),
});
export type UserView = z.infer<typeof userView>;

export const userList = z.object({ items: z.array(userView) });

/** A personal API token for a person's scripts: it carries their role and ends at most a year on. */
export const personalTokenInput = z.object({
  label: z.string().trim().min(1).max(128),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});
export type PersonalTokenInput = z.input<typeof personalTokenInput>;

export const personalTokenView = z.object({
  id: z.uuid(),
  label: z.string(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
});
export type PersonalTokenView = z.infer<typeof personalTokenView>;
export const personalTokenList = z.object({ items: z.array(personalTokenView) });
/** The answer to making a token: the only time its text is given out. */
export const personalTokenCreated = personalTokenView.extend({ token: z.string() });

/** A person changing their own password: the current one proves it is them. */
export const ownPasswordChange = z.object({ currentPassword: text(1024).min(1), newPassword: password });
export type OwnPasswordChange = z.infer<typeof ownPasswordChange>;
