import type { Permission } from '@steward/shared';

/** One thing a person can do on a screen, and the permission it takes (none: whoever sees the screen). */
export interface HelpAction {
  label: string;
  text: string;
  requires: Permission | null;
}

export interface HelpSection {
  heading: string;
  paragraphs: readonly string[];
}

/** The help of one screen, written for the person using it. */
export interface HelpTopic {
  /** The screen's name, as the navigation gives it. */
  title: string;
  /** The heading the screen itself shows; null where it names the item shown (a device, an asset). */
  heading: string | null;
  /** An address of the screen, to open it from its help; null where it needs an item's id. */
  href: string | null;
  /** The permissions of which a role needs one to open the screen. */
  sees: readonly Permission[];
  summary: string;
  sections: readonly HelpSection[];
  actions: readonly HelpAction[];
}
