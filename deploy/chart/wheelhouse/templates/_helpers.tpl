{{/* Release full name, ≤ 63 chars. */}}
{{- define "wheelhouse.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "wheelhouse.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "wheelhouse.labels" -}}
{{ include "wheelhouse.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{- define "wheelhouse.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "wheelhouse.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "wheelhouse.validate" -}}
{{- if not (has .Values.mode (list "in-cluster" "token")) -}}
{{- fail (printf "mode must be in-cluster or token, not %q" .Values.mode) -}}
{{- end -}}
{{- end -}}

{{/* The Ingress host names, comma-separated, for WHEELHOUSE_ALLOWED_HOSTS. */}}
{{- define "wheelhouse.ingressHosts" -}}
{{- $hosts := list -}}
{{- range .Values.ingress.hosts }}{{ $hosts = append $hosts .host }}{{ end -}}
{{- join "," $hosts -}}
{{- end -}}
