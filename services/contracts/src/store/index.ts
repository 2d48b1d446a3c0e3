// SQL for the contracts service's tables, one module per aggregate; the only modules that know the tables' names.
export * from './contracts.js';
export * from './versions.js';
export * from './commitments.js';
export * from './holidays.js';
