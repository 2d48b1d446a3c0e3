// k6 load test: people reading their profile through the gateway (GET /v1/me) at a steady rate.
// k6 run -e BASE_URL=https://e21.example.org -e TOKEN_URL=https://auth.../token -e CLIENT_ID=e21-cli \
//   -e CLIENT_SECRET=... -e USERS=amina@demo.e21.eu,lucas@demo.e21.eu -e PASSWORD=... tests/load/k6/me.js
import http from 'k6/http';
import { check } from 'k6';
import encoding from 'k6/encoding';

export const options = {
  scenarios: {
    profile: {
      executor: 'constant-arrival-rate',
      rate: Number(__ENV.RATE || 200),
      timeUnit: '1s',
      duration: __ENV.DURATION || '2m',
      preAllocatedVUs: 50,
      maxVUs: 200,
    },
  },
  thresholds: { http_req_failed: ['rate<0.01'], http_req_duration: ['p(95)<250', 'p(99)<500'] },
};

/** One access token per demo person, through the password grant (Keycloak: Direct Access Grants). */
export function setup() {
  const basic = encoding.b64encode(`${__ENV.CLIENT_ID}:${__ENV.CLIENT_SECRET}`);
  const tokens = __ENV.USERS.split(',').map((username) => {
    const response = http.post(
      __ENV.TOKEN_URL,
      { grant_type: 'password', username, password: __ENV.PASSWORD },
      { headers: { Authorization: `Basic ${basic}` } },
    );
    check(response, { 'token issued': (r) => r.status === 200 });
    return response.json('access_token');
  });
  return { tokens };
}

export default function (data) {
  const token = data.tokens[Math.floor(Math.random() * data.tokens.length)];
  const response = http.get(`${__ENV.BASE_URL}/v1/me`, { headers: { Authorization: `Bearer ${token}` }, tags: { route: 'GET /v1/me' } });
  check(response, {
    'status is 200': (r) => r.status === 200,
    'profile reaches the EU': (r) => r.json('territoryPath.#') > 0 || (r.json('territoryPath') || []).some((t) => t.level === 'eu'),
  });
}
