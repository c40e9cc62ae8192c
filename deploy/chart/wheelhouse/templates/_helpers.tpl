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

{{/*
The CSRF token the replicas share: the csrfToken value, else the one already in the release's Secret
(kept across upgrades), else a new random one — chosen once per render (remembered in .Values), so the
Secret and the pods' checksum annotation agree. `lookup` is empty under `helm template`.
*/}}
{{- define "wheelhouse.csrfToken" -}}
{{- if not (hasKey .Values "_csrfTokenChosen") -}}
{{- $token := .Values.csrfToken -}}
{{- if not $token -}}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (printf "%s-csrf" (include "wheelhouse.fullname" .)) -}}
{{- if and $existing $existing.data (index $existing.data "token") -}}
{{- $token = index $existing.data "token" | b64dec -}}
{{- else -}}
{{- $token = randAlphaNum 43 -}}
{{- end -}}
{{- end -}}
{{- $_ := set .Values "_csrfTokenChosen" $token -}}
{{- end -}}
{{- .Values._csrfTokenChosen -}}
{{- end -}}

{{/*
V8's old-generation limit in MiB with heapFromMemoryLimit: three quarters of resources.limits.memory
(Mi or Gi); empty when off or without a limit in those units. A limit below 2 GiB makes V8 collect
sooner (a smaller growing factor between major GCs): less RSS for more GC CPU (values.yaml).
*/}}
{{- define "wheelhouse.heapMiB" -}}
{{- $mem := "" -}}
{{- if and .Values.heapFromMemoryLimit .Values.resources .Values.resources.limits .Values.resources.limits.memory -}}
{{- $mem = toString .Values.resources.limits.memory -}}
{{- end -}}
{{- if regexMatch "^[0-9]+Mi$" $mem -}}
{{- div (mul (trimSuffix "Mi" $mem | int) 3) 4 -}}
{{- else if regexMatch "^[0-9]+Gi$" $mem -}}
{{- div (mul (trimSuffix "Gi" $mem | int) 3072) 4 -}}
{{- end -}}
{{- end -}}
