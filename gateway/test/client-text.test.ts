// Every string a client sends, on every route, is refused with a 400 naming its field when it holds
// NUL or another control character; names and titles also refuse line breaks and invisible
// characters. The table is built from the routes' own schemas, so a new route is in it.
import { z } from 'zod';
import { allRoutes } from '@e21/gateway/app';
import { NO_CONTROL_CHARACTERS, ONE_VISIBLE_LINE } from '@e21/gateway/common';
import { CONTROL_CHARACTER_MESSAGE, NAME_CHARACTER_MESSAGE } from '@e21/kit';
import { api, createWorld, startPlatform, type Platform, type World } from '../../tests/support/platform.js';

type Part = 'params' | 'query' | 'body';

interface StringField {
  part: Part;
  /** Path inside the part; arrays at their first item, open records at the key "de". */
  path: (string | number)[];
  /** Built from the shared client-text helpers (the control-character check). */
  checked: boolean;
  /** A name or title: one visible line. */
  oneLine: boolean;
  /** A UUID or another strict format zod knows (ISO instants): its own pattern refuses any control character. */
  format: string | undefined;
}

interface ZodInternals {
  _zod: {
    def: {
      type: string;
      format?: string;
      checks?: unknown[];
      innerType?: z.ZodType;
      in?: z.ZodType;
      shape?: Record<string, z.ZodType>;
      catchall?: z.ZodType;
      element?: z.ZodType;
      options?: z.ZodType[];
      valueType?: z.ZodType;
      keyType?: z.ZodType;
    };
  };
}

/** Every string schema in a route's input, with where it sits. */
function stringFields(schema: z.ZodType | undefined, part: Part, path: (string | number)[] = []): StringField[] {
  if (!schema) return [];
  const def = (schema as unknown as ZodInternals)._zod.def;
  switch (def.type) {
    case 'string': {
      const checks = def.checks ?? [];
      return [
        { part, path, checked: checks.includes(NO_CONTROL_CHARACTERS), oneLine: checks.includes(ONE_VISIBLE_LINE), format: def.format },
      ];
    }
    case 'object':
      return [
        ...Object.entries(def.shape ?? {}).flatMap(([key, field]) => stringFields(field, part, [...path, key])),
        ...(def.catchall && (def.catchall as unknown as ZodInternals)._zod.def.type !== 'never'
          ? stringFields(def.catchall, part, [...path, 'de'])
          : []),
      ];
    case 'array':
      return stringFields(def.element, part, [...path, 0]);
    case 'record':
      return [...stringFields(def.keyType, part, [...path, '(key)']), ...stringFields(def.valueType, part, [...path, 'de'])];
    case 'union':
      return (def.options ?? []).flatMap((option) => stringFields(option, part, path));
    case 'pipe':
      return stringFields(def.in, part, path);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
      return stringFields(def.innerType, part, path);
    default:
      return [];
  }
}

const routes = allRoutes({} as never);
const fields = routes.flatMap((route) =>
  (['params', 'query', 'body'] as const).flatMap((part) =>
    stringFields(route[part] as z.ZodType | undefined, part).map((field) => ({ route, field })),
  ),
);

/** The request that puts `value` in one field and nothing else. */
function requestWith(route: (typeof routes)[number], field: StringField, value: string): { path: string; body?: unknown } {
  let path = route.path.replace(/:(\w+)/g, (_m, name: string) =>
    field.part === 'params' && field.path[0] === name ? encodeURIComponent(value) : 'x',
  );
  if (field.part === 'query') path += `?${encodeURIComponent(String(field.path[0]))}=${encodeURIComponent(value)}`;
  if (field.part !== 'body') return { path, ...(route.body ? { body: {} } : {}) };
  const body = field.path.reduceRight<unknown>((inner, key) => (typeof key === 'number' ? [inner] : { [key]: inner }), value);
  return { path, body };
}

const fieldName = (field: StringField) => [field.part, ...field.path].join('.');

describe('every input string of every route is built from the client-text helpers', () => {
  it('finds the string fields of the routes (the walk itself works)', () => {
    expect(fields.length).toBeGreaterThan(60);
    expect(fields.map(({ route, field }) => `${route.method} ${route.path} ${fieldName(field)}`)).toEqual(
      expect.arrayContaining([
        'patch /v1/me body.name',
        'put /v1/projects/:projectId body.needs.0.skillId',
        'get /v1/skills query.q',
        'put /v1/territories/:territoryId body.labels.de',
      ]),
    );
  });

  it('has no bare z.string() in any route input: use clientString, freeText, oneLine or text from routes/common.ts', () => {
    const bare = fields
      .filter(({ field }) => !field.checked && !field.format)
      .map(({ route, field }) => `${route.method.toUpperCase()} ${route.path} ${fieldName(field)}`);
    expect(bare).toEqual([]);
  });
});

let platform: Platform;
let world: World;
let call: ReturnType<typeof api>;

beforeAll(async () => {
  platform = await startPlatform();
  world = await createWorld(platform.identityClient);
  call = api(platform.gateway.url, await platform.tokenFor(world.inhabitant.email));
}, 120_000);
afterAll(() => platform?.stop());

const CONTROL = [
  ['NUL', 'a\u0000b'],
  ['ESC', 'a\u001b[2Jb'],
] as const;
const INVISIBLE = [
  ['a line break', 'Repair\ncafé'],
  ['a zero-width space', 'Repair\u200Bcafé'],
  ['a right-to-left override', '\u202Eéfac riapeR'],
] as const;

const rows = fields.flatMap(({ route, field }) => [
  ...CONTROL.map(
    ([what, value]) =>
      [
        route.method.toUpperCase(),
        route.path,
        fieldName(field),
        what,
        value,
        field.checked ? CONTROL_CHARACTER_MESSAGE : undefined,
        route,
        field,
      ] as const,
  ),
  ...(field.oneLine
    ? INVISIBLE.map(
        ([what, value]) =>
          [route.method.toUpperCase(), route.path, fieldName(field), what, value, NAME_CHARACTER_MESSAGE, route, field] as const,
      )
    : []),
]);

describe('a control character in any string field', () => {
  it.each(rows)('%s %s %s with %s: 400 naming the field', async (method, _path, name, _what, value, message, route, field) => {
    const request = requestWith(route, field, value);
    const response = await call(method, request.path, request.body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const named = (response.body.errors as { field: string; message: string }[]).filter((e) => e.field === name);
    expect(named).toHaveLength(1);
    if (message) expect(named[0]!.message).toBe(message);
  });
});

describe('and nothing changed', () => {
  it('keeps the profile when its name holds NUL, a line break or a zero-width space', async () => {
    for (const name of ['Amina\u0000', 'Amina\nHaddad', 'Amina\u200B Haddad', '\u202EAmina']) {
      const response = await call('PATCH', '/v1/me', { name });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.name']);
    }
    const me = await call('GET', '/v1/me');
    expect(me.body.person).toMatchObject({ name: 'Amina Haddad', version: 1 });
  });

  it('keeps a name in NFC and trimmed, so the same name typed two ways is one', async () => {
    const colleague = api(platform.gateway.url, await platform.tokenFor(world.colleague.email));
    const response = await colleague('PATCH', '/v1/me', { name: '  Lucas Marti\u0301n ' });
    expect(response.status).toBe(200);
    expect(response.body.person.name).toBe('Lucas Mart\u00EDn');
  });

  it('starts no project whose title or description holds a control character; a description may span lines', async () => {
    const project = (overrides: Record<string, unknown>) => ({
      territoryId: world.territories.marseille,
      title: 'Repair café',
      kind: 'general_interest',
      startDate: '2030-04-01',
      endDate: '2030-10-31',
      ...overrides,
    });
    const nul = await call('POST', '/v1/projects', project({ description: 'Bring\u0000 your toaster' }));
    expect(nul.status).toBe(400);
    expect(nul.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.description']);
    const rlo = await call('POST', '/v1/projects', project({ title: 'Repair \u202Eéfac' }));
    expect(rlo.status).toBe(400);
    expect(rlo.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.title']);
    expect((await call('GET', '/v1/me/projects')).body.items).toEqual([]);
    const lines = await call('POST', '/v1/projects', project({ description: 'Bring your toaster.\nWe fix it.\r\n\tTogether.' }));
    expect(lines.status).toBe(201);
    expect(lines.body.description).toBe('Bring your toaster.\nWe fix it.\r\n\tTogether.');
  });

  it('registers no organization whose name holds NUL or an invisible character', async () => {
    for (const name of ['Calanques\u0000 Solaire', 'Calanques\u200B Solaire']) {
      const response = await call('POST', '/v1/organizations', {
        name,
        kind: 'association',
        legalId: 'W13001',
        territoryId: world.territories.marseille,
      });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.name']);
    }
    const organizations = await call('GET', `/v1/organizations?territoryId=${world.territories.marseille}`);
    expect(organizations.body.items.map((o: { name: string }) => o.name)).toEqual(['Calanques Solaire']);
  });
});
