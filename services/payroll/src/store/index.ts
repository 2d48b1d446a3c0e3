// SQL for the payroll service's tables, one module per aggregate; the only modules that know their names.
export * from './forms.js';
export * from './runs.js';
export * from './pay.js';
export * from './layouts.js';
