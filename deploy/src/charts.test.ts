// The Helm chart, checked without Helm: its values against its schema, and against what the code needs.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { serviceEnv } from '@e21/kit';
import { gatewayEnv } from '@e21/gateway/config';
import { SERVICES } from './services.js';

const chart = new URL('../../charts/engagement21/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, chart), 'utf8');
const values = parse(read('values.yaml')) as { services: Record<string, { grpcPort: number }>; gateway: unknown };
const schema = JSON.parse(read('values.schema.json')) as object;
const templates = readdirSync(new URL('templates/', chart)).map((file) => read(`templates/${file}`)).join('\n');

/** Variables a config schema requires: no default, not optional. */
const required = (shape: Record<string, { safeParse(value: unknown): { success: boolean } }>) =>
  Object.entries(shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name);

describe('the engagement21 chart', () => {
  it('has values that satisfy its schema', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(values) ? [] : validate.errors).toEqual([]);
  });

  it('rejects values a typo would produce', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate({ ...values, services: { identity: { grpcPort: '50051' } } })).toBe(false);
    expect(validate({ ...values, services: { identity: { grpcPort: 50051, replica: 3 } } })).toBe(false);
  });

  it('deploys every service of the platform, in start order, each on its own gRPC port', () => {
    expect(Object.keys(values.services)).toEqual([...SERVICES]);
    const ports = Object.values(values.services).map((service) => service.grpcPort);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('sets every variable a service requires', () => {
    const setByTemplates = (name: string) => new RegExp(`name: ${name}\\b`).test(templates);
    expect(required(serviceEnv).filter((name) => !setByTemplates(name))).toEqual([]);
  });

  it('sets every variable the gateway requires, service addresses included', () => {
    const missing = required(gatewayEnv).filter((name) => {
      if (name.endsWith('_GRPC')) return !templates.includes('{{ upper $name }}_GRPC') || !(name.slice(0, -5).toLowerCase() in values.services);
      return !new RegExp(`name: ${name}\\b`).test(templates);
    });
    expect(missing).toEqual([]);
  });

  it('gives every process a scaling rule and a disruption budget', () => {
    expect(templates).toContain('kind: HorizontalPodAutoscaler');
    expect(templates).toContain('kind: PodDisruptionBudget');
    expect(templates.match(/include "e21.scaling"/g)).toHaveLength(2);
  });
});
