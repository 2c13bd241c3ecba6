// What the agent takes from @steward/shared: the wire protocol alone. The executable is built from
// this instead of the package's index, which would also carry every schema of the collector's API.
export * from '../../shared/src/text.js';
export * from '../../shared/src/protocol.js';
