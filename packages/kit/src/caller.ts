// Who is making a call, as it travels between the gateway and the services.
export type Caller = { kind: 'person'; personId: string } | { kind: 'client'; clientId: string } | { kind: 'system'; service: string };

export const CALLER_METADATA_KEY = 'x-e21-caller';

export function formatCaller(caller: Caller): string {
  switch (caller.kind) {
    case 'person':
      return `person:${caller.personId}`;
    case 'client':
      return `client:${caller.clientId}`;
    case 'system':
      return `system:${caller.service}`;
  }
}

export function parseCaller(text: string | undefined): Caller | undefined {
  if (!text) return undefined;
  const separator = text.indexOf(':');
  if (separator < 1) return undefined;
  const kind = text.slice(0, separator);
  const id = text.slice(separator + 1);
  if (!id) return undefined;
  if (kind === 'person') return { kind, personId: id };
  if (kind === 'client') return { kind, clientId: id };
  if (kind === 'system') return { kind, service: id };
  return undefined;
}

export const systemCaller = (service: string): Caller => ({ kind: 'system', service });
export const personCaller = (personId: string): Caller => ({ kind: 'person', personId });
