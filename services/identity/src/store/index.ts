// SQL for identity's tables, one module per aggregate; the only modules that know the tables' names.
export * from './territories.js';
export * from './people.js';
export * from './organizations.js';
export * from './invitations.js';
export * from './roles.js';
export * from './skills.js';
export * from './profile.js';
