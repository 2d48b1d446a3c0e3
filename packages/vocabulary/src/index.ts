// Words the services, the gateway and the web UI share, so that each is written once.
export * from './payroll.js';
