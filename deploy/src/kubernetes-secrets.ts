// Prints what one Kubernetes installation needs before `helm install`: every workload's signing key,
// the trust bundle and every service's NATS password, as a List for `kubectl apply -f -`. Running
// it again rotates them all (restart the release's pods after applying).
//   npm run kubernetes-secrets -- --release e21 [--namespace e21]
import { generatePlatformSecrets, type PlatformSecrets } from '@e21/devinfra';

/** The names the chart reads them under (charts/engagement21/templates/_helpers.tpl). */
export const secretNames = (release: string) => ({
  workloadKeys: `${release}-e21-workload-keys`,
  trust: `${release}-e21-workload-trust`,
  natsPasswords: `${release}-e21-nats-passwords`,
});

export function kubernetesSecrets(secrets: PlatformSecrets, release: string, namespace?: string) {
  const names = secretNames(release);
  const metadata = (name: string) => ({
    name,
    ...(namespace ? { namespace } : {}),
    labels: { 'app.kubernetes.io/name': 'engagement21', 'app.kubernetes.io/instance': release },
  });
  const keys = Object.fromEntries(Object.entries(secrets.workloadKeys).map(([workload, jwk]) => [workload, JSON.stringify(jwk)]));
  return {
    apiVersion: 'v1',
    kind: 'List',
    items: [
      { apiVersion: 'v1', kind: 'Secret', metadata: metadata(names.workloadKeys), type: 'Opaque', stringData: keys },
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(names.trust), data: { 'trust.json': JSON.stringify(secrets.trust) } },
      { apiVersion: 'v1', kind: 'Secret', metadata: metadata(names.natsPasswords), type: 'Opaque', stringData: secrets.natsPasswords },
    ],
  };
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1]?.endsWith('kubernetes-secrets.js')) {
  const release = argument('release');
  if (!release || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(release)) {
    console.error('usage: npm run kubernetes-secrets -- --release <helm release name> [--namespace <namespace>]');
    process.exit(64);
  }
  // In production no local tool is a delegate: only the gateway calls on behalf of people.
  console.log(JSON.stringify(kubernetesSecrets(generatePlatformSecrets([]), release, argument('namespace')), null, 2));
}
