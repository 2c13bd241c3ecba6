export * from './text.js';
export * from './protocol.js';
export * from './api.js';
export * from './events.js';
export * from './snmp.js';
export * from './permissions.js';
export * from './register.js';
export * from './reconcile.js';
