// The Helm chart, checked without Helm: its values against its schema, and against what the code needs.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { serviceEnv } from '@e21/kit';
import { gatewayEnv } from '@e21/gateway/config';
import { natsPermissionsOf } from '@e21/events';
import { SERVICES } from './services.js';
import { generatePlatformSecrets } from '@e21/devinfra';
import { kubernetesSecrets, secretNames } from './kubernetes-secrets.js';

const chart = new URL('../../charts/engagement21/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, chart), 'utf8');
interface NatsUserValues {
  user: string;
  password: string;
  permissions: { publish: { allow: string[] }; subscribe: { allow: string[] } };
}
const values = parse(read('values.yaml')) as {
  services: Record<string, { grpcPort: number }>;
  gateway: unknown;
  nats: {
    config: { merge: { authorization: { users: NatsUserValues[] } } };
    container: { env: Record<string, { valueFrom: { secretKeyRef: { name: string; key: string } } }> };
  };
};
const schema = JSON.parse(read('values.schema.json')) as object;
const templates = readdirSync(new URL('templates/', chart))
  .map((file) => read(`templates/${file}`))
  .join('\n');

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
      if (name.endsWith('_GRPC'))
        return !templates.includes('{{ upper $name }}_GRPC') || !(name.slice(0, -5).toLowerCase() in values.services);
      return !new RegExp(`name: ${name}\\b`).test(templates);
    });
    expect(missing).toEqual([]);
  });

  it('gives every process a scaling rule and a disruption budget', () => {
    expect(templates).toContain('kind: HorizontalPodAutoscaler');
    expect(templates).toContain('kind: PodDisruptionBudget');
    expect(templates.match(/include "e21.scaling"/g)).toHaveLength(2);
  });

  it("gives NATS each service's user with exactly the permissions of the platform's topology", () => {
    const users = values.nats.config.merge.authorization.users;
    expect(users.map((user) => user.user)).toEqual([...SERVICES]);
    for (const user of users) {
      const expected = natsPermissionsOf(user.user as (typeof SERVICES)[number]);
      expect({ publish: user.permissions.publish.allow, subscribe: user.permissions.subscribe.allow }).toEqual(expected);
      const variable = `E21_NATS_PASSWORD_${user.user.toUpperCase()}`;
      expect(user.password).toBe(`<< $${variable} >>`);
      expect(values.nats.container.env[variable]!.valueFrom.secretKeyRef).toEqual({
        name: secretNames('e21').natsPasswords,
        key: user.user,
      });
    }
  });

  it('reads every workload key, the trust bundle and the NATS passwords under the names kubernetes-secrets makes', () => {
    const made = kubernetesSecrets(generatePlatformSecrets([]), 'e21').items;
    const names = secretNames('e21');
    expect(made.map((item) => item.metadata.name)).toEqual([names.workloadKeys, names.trust, names.natsPasswords]);
    const keys = made[0]!.stringData as Record<string, string>;
    expect(Object.keys(keys).sort()).toEqual([...SERVICES, 'gateway'].sort());
    expect(JSON.parse(made[1]!.data!['trust.json']!).delegates).toEqual(['gateway']);
    for (const suffix of ['workload-keys', 'workload-trust', 'nats-passwords'])
      expect(templates).toContain(`{{ include "e21.fullname" .root }}-${suffix}`);
  });
});
