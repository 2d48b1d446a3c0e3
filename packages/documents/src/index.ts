// Printable documents shared by the services that issue them.
export * from './pdf.js';
export * from './labels.js';
