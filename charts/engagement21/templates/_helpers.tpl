{{/* Names and shared blocks of the Engagement 21 chart. */}}

{{- define "e21.fullname" -}}
{{- printf "%s-%s" .Release.Name "e21" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "e21.component" -}}
{{- printf "%s-%s" (include "e21.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "e21.labels" -}}
app.kubernetes.io/name: engagement21
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end -}}

{{- define "e21.selector" -}}
app.kubernetes.io/name: engagement21
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{/* The CloudNativePG cluster of a database; its "-app" Secret holds the connection uri. */}}
{{- define "e21.database" -}}
{{- printf "%s-db" (include "e21.component" .) -}}
{{- end -}}

{{/* <NAME>_GRPC for every service: where each process finds the others. */}}
{{- define "e21.serviceTargets" -}}
{{- $root := . -}}
{{- range $name, $service := .Values.services }}
- name: {{ upper $name }}_GRPC
  value: {{ printf "%s:%v" (include "e21.component" (dict "root" $root "name" $name)) $service.grpcPort | quote }}
{{- end }}
{{- end -}}

{{/* Variables every process reads (packages/kit/src/config.ts). */}}
{{- define "e21.commonEnv" -}}
- name: NATS_URL
  value: {{ printf "nats://%s-nats:4222" .Release.Name | quote }}
- name: LOG_LEVEL
  value: {{ .Values.logLevel | quote }}
- name: METRICS_PORT
  value: {{ .Values.metricsPort | quote }}
- name: NATS_STREAM_REPLICAS
  value: {{ .Values.natsStreamReplicas | quote }}
- name: SHUTDOWN_GRACE_MS
  value: {{ .Values.shutdownGraceMs | quote }}
{{- with .Values.otlpEndpoint }}
- name: OTEL_EXPORTER_OTLP_ENDPOINT
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{/*
The calling side of trust (packages/kit/src/config.ts, workloadEnv): the workload's own signing key,
from the Secret `npm run kubernetes-secrets` makes, and mutual TLS between pods when on.
*/}}
{{- define "e21.workloadEnv" -}}
- name: WORKLOAD_KEY
  valueFrom: { secretKeyRef: { name: {{ include "e21.fullname" .root }}-workload-keys, key: {{ .name }} } }
{{- if .root.Values.mtls.enabled }}
- { name: GRPC_TLS_CA_FILE, value: /etc/e21/tls/ca.crt }
- { name: GRPC_TLS_CERT_FILE, value: /etc/e21/tls/tls.crt }
- { name: GRPC_TLS_KEY_FILE, value: /etc/e21/tls/tls.key }
{{- end }}
{{- end -}}

{{/* The serving side: the trust bundle every caller token is checked against, and the service's NATS user. */}}
{{- define "e21.serviceTrustEnv" -}}
- name: WORKLOAD_TRUST
  valueFrom: { configMapKeyRef: { name: {{ include "e21.fullname" .root }}-workload-trust, key: trust.json } }
- name: NATS_USER
  value: {{ .name | quote }}
- name: NATS_PASSWORD
  valueFrom: { secretKeyRef: { name: {{ include "e21.fullname" .root }}-nats-passwords, key: {{ .name }} } }
{{- end -}}

{{/* The pod's TLS certificate (tls.crt, tls.key, ca.crt, as cert-manager writes them) when mutual TLS is on. */}}
{{- define "e21.tlsVolumeMount" -}}
{{- if .root.Values.mtls.enabled }}
- { name: tls, mountPath: /etc/e21/tls, readOnly: true }
{{- end }}
{{- end -}}

{{- define "e21.tlsVolume" -}}
{{- if .root.Values.mtls.enabled }}
- { name: tls, secret: { secretName: {{ include "e21.component" . }}-tls } }
{{- end }}
{{- end -}}

{{/* A cert-manager Certificate for a process, valid for its Service name, as server and as client. */}}
{{- define "e21.certificate" -}}
{{- if and .root.Values.mtls.enabled .root.Values.mtls.issuerRef.name }}
---
apiVersion: cert-manager.io/v1
kind: Certificate
metadata:
  name: {{ include "e21.component" . }}
  labels: {{- include "e21.labels" . | nindent 4 }}
spec:
  secretName: {{ include "e21.component" . }}-tls
  duration: 2160h
  renewBefore: 360h
  dnsNames:
    - {{ include "e21.component" . }}
    - {{ printf "%s.%s.svc" (include "e21.component" .) .root.Release.Namespace }}
  usages: [server auth, client auth]
  issuerRef: {{- toYaml .root.Values.mtls.issuerRef | nindent 4 }}
{{- end }}
{{- end -}}
