/** The collector's version, reported by the health endpoint. */
export const COLLECTOR_VERSION = '0.1.0';
