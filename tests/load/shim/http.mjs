// A synchronous stand-in for k6/http in Node, for running k6 scripts' logic in tests (not for load).
import { execFileSync } from 'node:child_process';

const FETCH = `
let input = '';
process.stdin.on('data', (c) => (input += c)).on('end', async () => {
  const { method, url, body, headers } = JSON.parse(input);
  const response = await fetch(url, { method, headers, body });
  process.stdout.write(JSON.stringify({ status: response.status, body: await response.text(), headers: Object.fromEntries(response.headers) }));
});`;

function path(value, dotted) {
  return dotted.split('.').reduce((current, key) => (key === '#' ? current?.length : current?.[key]), value);
}

function request(method, url, body, params = {}) {
  const headers = { ...(params.headers ?? {}) };
  let payload = body;
  if (body && typeof body === 'object') {
    payload = new URLSearchParams(body).toString();
    headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
  }
  const output = execFileSync(process.execPath, ['-e', FETCH], { input: JSON.stringify({ method, url, body: payload, headers }) });
  const response = JSON.parse(output.toString());
  return { ...response, json: (selector) => (selector ? path(JSON.parse(response.body), selector) : JSON.parse(response.body)) };
}

export default {
  get: (url, params) => request('GET', url, undefined, params),
  post: (url, body, params) => request('POST', url, body, params),
  put: (url, body, params) => request('PUT', url, body, params),
  patch: (url, body, params) => request('PATCH', url, body, params),
  del: (url, body, params) => request('DELETE', url, body, params),
};
