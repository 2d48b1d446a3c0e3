// SQL for the programs tables, one module per aggregate; the only modules that know the tables' names.
export * from './challenges.js';
export * from './projects.js';
export * from './team.js';
export * from './board.js';
export * from './programs.js';
