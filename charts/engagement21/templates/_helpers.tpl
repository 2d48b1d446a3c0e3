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
