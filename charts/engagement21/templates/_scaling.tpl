{{/* HorizontalPodAutoscaler and PodDisruptionBudget of one process. */}}
{{- define "e21.scaling" -}}
{{- $ctx := .ctx -}}
{{- $settings := .settings -}}
{{- if $settings.autoscaling.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "e21.component" $ctx }}
  labels: {{- include "e21.labels" $ctx | nindent 4 }}
spec:
  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: {{ include "e21.component" $ctx }} }
  minReplicas: {{ $settings.autoscaling.minReplicas }}
  maxReplicas: {{ $settings.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource: { name: cpu, target: { type: Utilization, averageUtilization: {{ $settings.autoscaling.targetCPUUtilizationPercentage }} } }
{{- end }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "e21.component" $ctx }}
  labels: {{- include "e21.labels" $ctx | nindent 4 }}
spec:
  minAvailable: {{ $settings.podDisruptionBudget.minAvailable }}
  selector:
    matchLabels: {{- include "e21.selector" $ctx | nindent 6 }}
{{- end -}}

{{/* A CloudNativePG cluster owning one database. */}}
{{- define "e21.databaseCluster" -}}
{{- $ctx := .ctx -}}
{{- $settings := .settings -}}
---
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: {{ include "e21.database" $ctx }}
  labels: {{- include "e21.labels" $ctx | nindent 4 }}
spec:
  instances: {{ $settings.database.instances }}
  storage: { size: {{ $settings.database.storage }} }
  bootstrap:
    initdb: { database: {{ printf "e21_%s" $ctx.name }}, owner: {{ $ctx.name }} }
{{- end -}}
