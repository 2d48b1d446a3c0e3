// SQL for the currency service's tables, one module per aggregate; the only modules that know their names.
export * from './locks.js';
export * from './currencies.js';
export * from './accounts.js';
export * from './transfers.js';
export * from './merchants.js';
export * from './requests.js';
export * from './redemptions.js';
export * from './supply.js';
export * from './hours.js';
