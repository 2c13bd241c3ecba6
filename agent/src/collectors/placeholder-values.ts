/** Moved to the shared parsers, which the collector's SSH scanner reads host output with too. */
export * from '@steward/shared/host-parsers';
