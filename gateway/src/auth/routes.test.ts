import { safeReturnTo } from './routes.js';

describe('safeReturnTo', () => {
  it('keeps paths of this site, with their query string and fragment', () => {
    for (const path of ['/', '/projects', '/projects/42/edit?tab=budget&lang=fr', '/search?q=%2F%2Fevil.example#results']) {
      expect(safeReturnTo(path)).toBe(path);
    }
  });

  it('refuses absolute URLs, which would send the signed-in person to another site', () => {
    for (const url of ['https://evil.example/', 'http://evil.example', 'javascript:alert(1)', 'evil.example/path']) {
      expect(safeReturnTo(url)).toBe('/');
    }
  });

  it('refuses protocol-relative URLs, which browsers resolve to another host', () => {
    expect(safeReturnTo('//evil.example')).toBe('/');
    expect(safeReturnTo('//evil.example/projects?x=1')).toBe('/');
  });

  it('refuses a path starting with a backslash, which browsers read as //', () => {
    expect(safeReturnTo('/\\evil.example')).toBe('/');
    expect(safeReturnTo('\\\\evil.example')).toBe('/');
  });

  it('refuses anything that is not a string, such as a repeated or nested query parameter', () => {
    for (const value of [undefined, null, 42, ['/projects'], { path: '/projects' }]) {
      expect(safeReturnTo(value)).toBe('/');
    }
  });

  it('refuses an overlong path', () => {
    expect(safeReturnTo(`/${'a'.repeat(498)}`)).toBe(`/${'a'.repeat(498)}`);
    expect(safeReturnTo(`/${'a'.repeat(499)}`)).toBe('/');
  });
});
