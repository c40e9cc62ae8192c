# shellcheck shell=bash
# `cluster seed [--live] [--live-minutes N]`: fill the `demo` namespace with workloads that show
# off a dashboard. Re-runnable: every run converges on the same picture.
#
#   frontend  3 replicas, httpGet probes on the named port `http`, requests/limits, a ConfigMap
#             volume and Secret env vars, behind Service `frontend`. All Ready.
#   api       4 replicas, minReadySeconds 30, maxSurge 1 / maxUnavailable 0. Every run that finds
#             the rollout finished starts a new one with `kubectl set image` (change-cause set),
#             so a rollout is visibly in progress for ~2.5 minutes afterwards.
#   payments  2 replicas whose Ready condition is patched to False (ReadinessProbeFailed), so the
#             `payments` EndpointSlice lists them as not ready.
#   worker    2 replicas; one pod shows 4 restarts, last terminated OOMKilled (exit 137).
#   ConfigMaps frontend-config (several keys + a multi-line nginx.conf), brand-assets (binaryData).
#   Secrets   frontend-secrets + payments-db (Opaque), frontend-tls (kubernetes.io/tls, fake PEM),
#             registry-credentials (kubernetes.io/dockerconfigjson). Every value is fake.
#
# KWOK runs no containers, so readiness and restarts are written straight into pod status with
# kubectl from $BIN_DIR. KWOK only moves Pending pods, so the patches stick.
#
# --live keeps the namespace moving in the foreground until Ctrl-C or --live-minutes N (default
# 60): every WHEELHOUSE_SEED_INTERVAL seconds (default 120) it sets a new image on `api` and flips
# the readiness of one `payments` or `frontend` pod, printing what it did.

SEED_NS=demo
SEED_PART_OF=wheelhouse-demo
SEED_API_BASE_IMAGE=registry.invalid/api:2.3.0

seed_log() { printf '[seed %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
seed_now() { date -u +%Y-%m-%dT%H:%M:%SZ; }
seed_ts() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; } # EPOCH_SECONDS -> RFC 3339

# seed_poll DESCRIPTION TIMEOUT_SECONDS CMD...: bounded polling, once a second.
seed_poll() {
  local what="$1" timeout="$2" i; shift 2
  for ((i = 0; i < timeout; i++)); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 1
  done
  die "timed out after ${timeout}s waiting for $what"
}

# ---- manifests ----------------------------------------------------------------------------

seed_manifests() {
  cat <<'EOF'
apiVersion: v1
kind: ConfigMap
metadata:
  name: frontend-config
  labels: {app: frontend, tier: web, team: storefront, app.kubernetes.io/part-of: wheelhouse-demo}
data:
  LOG_LEVEL: info
  API_BASE_URL: http://api.demo.svc.cluster.local:9090
  FEATURE_FLAGS: new-checkout,dark-mode
  CACHE_TTL_SECONDS: "300"
  nginx.conf: |
    # Served by the frontend container (demo data).
    worker_processes auto;
    events { worker_connections 1024; }
    http {
      server {
        listen 8080;
        location /healthz/ready { return 200 "ready\n"; }
        location /healthz/live  { return 200 "live\n"; }
        location /api/ { proxy_pass http://api.demo.svc.cluster.local:9090/; }
        location / { root /usr/share/frontend; try_files $uri /index.html; }
      }
    }
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: brand-assets
  labels: {app: frontend, tier: web, team: storefront, app.kubernetes.io/part-of: wheelhouse-demo}
data:
  README: logo.png is a 1x1 PNG and motd.txt.gz a gzipped greeting, both stored as binaryData.
binaryData:
  logo.png: iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGPQztnwHwAEVAJHnALJDgAAAABJRU5ErkJggg==
  motd.txt.gz: H4sIAAAAAAACAwtPzUnOz01VKMlXKMlIVQjPSE3NycgvLU5VSEnNzVcozsgvUNBIS8wG8hNLEjX1uAA9p+qbMQAAAA==
---
apiVersion: v1
kind: Service
metadata:
  name: frontend
  labels: {app: frontend, tier: web, team: storefront, app.kubernetes.io/part-of: wheelhouse-demo}
spec:
  selector: {app: frontend}
  ports:
  - {name: http, port: 80, targetPort: http}
---
apiVersion: v1
kind: Service
metadata:
  name: api
  labels: {app: api, tier: backend, team: platform, app.kubernetes.io/part-of: wheelhouse-demo}
spec:
  selector: {app: api}
  ports:
  - {name: http, port: 9090, targetPort: http}
---
apiVersion: v1
kind: Service
metadata:
  name: payments
  labels: {app: payments, tier: backend, team: payments, app.kubernetes.io/part-of: wheelhouse-demo}
spec:
  selector: {app: payments}
  ports:
  - {name: http, port: 8080, targetPort: http}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  labels: {app: frontend, tier: web, team: storefront, app.kubernetes.io/part-of: wheelhouse-demo}
  annotations:
    kubernetes.io/change-cause: initial deploy of registry.invalid/frontend:1.4.2
spec:
  replicas: 3
  selector:
    matchLabels: {app: frontend}
  template:
    metadata:
      labels: {app: frontend, tier: web, team: storefront, app.kubernetes.io/part-of: wheelhouse-demo}
    spec:
      imagePullSecrets:
      - name: registry-credentials
      containers:
      - name: frontend
        image: registry.invalid/frontend:1.4.2
        ports:
        - {name: http, containerPort: 8080}
        env:
        - name: LOG_LEVEL
          valueFrom: {configMapKeyRef: {name: frontend-config, key: LOG_LEVEL}}
        - name: SESSION_KEY
          valueFrom: {secretKeyRef: {name: frontend-secrets, key: SESSION_KEY}}
        - name: ANALYTICS_TOKEN
          valueFrom: {secretKeyRef: {name: frontend-secrets, key: ANALYTICS_TOKEN}}
        readinessProbe:
          httpGet: {path: /healthz/ready, port: http}
          periodSeconds: 5
          failureThreshold: 3
        livenessProbe:
          httpGet: {path: /healthz/live, port: http}
          initialDelaySeconds: 10
          periodSeconds: 10
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {cpu: 500m, memory: 256Mi}
        volumeMounts:
        - {name: config, mountPath: /etc/frontend, readOnly: true}
        - {name: assets, mountPath: /usr/share/frontend/assets, readOnly: true}
        - {name: tls, mountPath: /etc/tls, readOnly: true}
      volumes:
      - name: config
        configMap: {name: frontend-config, items: [{key: nginx.conf, path: nginx.conf}]}
      - name: assets
        configMap: {name: brand-assets}
      - name: tls
        secret: {secretName: frontend-tls}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  labels: {app: api, tier: backend, team: platform, app.kubernetes.io/part-of: wheelhouse-demo}
  annotations:
    kubernetes.io/change-cause: "@API_CHANGE_CAUSE@"
spec:
  replicas: 4
  minReadySeconds: 30
  revisionHistoryLimit: 10
  strategy:
    type: RollingUpdate
    rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api, tier: backend, team: platform, app.kubernetes.io/part-of: wheelhouse-demo}
    spec:
      imagePullSecrets:
      - name: registry-credentials
      containers:
      - name: api
        image: "@API_IMAGE@"
        args: [--listen=:9090, --upstream=http://payments.demo.svc.cluster.local:8080]
        ports:
        - {name: http, containerPort: 9090}
        readinessProbe:
          httpGet: {path: /readyz, port: http}
          periodSeconds: 5
        livenessProbe:
          httpGet: {path: /livez, port: http}
          periodSeconds: 10
        resources:
          requests: {cpu: 200m, memory: 256Mi}
          limits: {cpu: "1", memory: 512Mi}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: payments
  labels: {app: payments, tier: backend, team: payments, app.kubernetes.io/part-of: wheelhouse-demo}
  annotations:
    kubernetes.io/change-cause: initial deploy of registry.invalid/payments:0.9.1
spec:
  replicas: 2
  selector:
    matchLabels: {app: payments}
  template:
    metadata:
      labels: {app: payments, tier: backend, team: payments, app.kubernetes.io/part-of: wheelhouse-demo}
    spec:
      imagePullSecrets:
      - name: registry-credentials
      containers:
      - name: payments
        image: registry.invalid/payments:0.9.1
        ports:
        - {name: http, containerPort: 8080}
        envFrom:
        - secretRef: {name: payments-db}
        readinessProbe:
          httpGet: {path: /health/ready, port: http}
          periodSeconds: 5
          failureThreshold: 3
        livenessProbe:
          tcpSocket: {port: http}
          periodSeconds: 10
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {cpu: 500m, memory: 256Mi}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: worker
  labels: {app: worker, tier: jobs, team: platform, app.kubernetes.io/part-of: wheelhouse-demo}
  annotations:
    kubernetes.io/change-cause: initial deploy of registry.invalid/worker:3.1.0
spec:
  replicas: 2
  selector:
    matchLabels: {app: worker}
  template:
    metadata:
      labels: {app: worker, tier: jobs, team: platform, app.kubernetes.io/part-of: wheelhouse-demo}
    spec:
      imagePullSecrets:
      - name: registry-credentials
      containers:
      - name: worker
        image: registry.invalid/worker:3.1.0
        args: [--queue=orders, --concurrency=8]
        livenessProbe:
          exec: {command: [/bin/worker, healthcheck]}
          periodSeconds: 15
        resources:
          requests: {cpu: 250m, memory: 256Mi}
          limits: {cpu: "1", memory: 256Mi}
EOF
}

# Secrets are written as base64 `data` (not stringData) so a re-run reports them "unchanged".
# Every value is fake.
seed_b64() { printf '%s' "$1" | base64 -w0; }

seed_secrets() {
  local pem_crt pem_key docker
  pem_crt='-----BEGIN CERTIFICATE-----
RkFLRSBDRVJUSUZJQ0FURSBmb3IgdGhlIFdoZWVsaG91c2UgZGVtby4gTm90IGEg
cmVhbCBjZXJ0aWZpY2F0ZSwgbm90IGEgc2VjcmV0Lg==
-----END CERTIFICATE-----
'
  pem_key='-----BEGIN PRIVATE KEY-----
RkFLRSBQUklWQVRFIEtFWSBmb3IgdGhlIFdoZWVsaG91c2UgZGVtby4gTm90IGEg
cmVhbCBrZXksIG5vdCBhIHNlY3JldC4=
-----END PRIVATE KEY-----
'
  docker="{\"auths\":{\"registry.invalid\":{\"username\":\"demo\",\"password\":\"not-a-real-password\",\"auth\":\"$(seed_b64 demo:not-a-real-password)\"}}}"
  cat <<EOF
apiVersion: v1
kind: Secret
metadata:
  name: frontend-secrets
  labels: {app: frontend, tier: web, team: storefront, app.kubernetes.io/part-of: $SEED_PART_OF}
type: Opaque
data:
  SESSION_KEY: $(seed_b64 fake-session-key-0000000000000000)
  ANALYTICS_TOKEN: $(seed_b64 fake-analytics-token-not-real)
  STRIPE_PUBLISHABLE_KEY: $(seed_b64 pk_test_FAKE_not_a_real_key)
---
apiVersion: v1
kind: Secret
metadata:
  name: payments-db
  labels: {app: payments, tier: backend, team: payments, app.kubernetes.io/part-of: $SEED_PART_OF}
type: Opaque
data:
  DB_HOST: $(seed_b64 payments-db.demo.svc.cluster.local)
  DB_USER: $(seed_b64 payments)
  DB_PASSWORD: $(seed_b64 not-a-real-password)
  DATABASE_URL: $(seed_b64 postgres://payments:not-a-real-password@payments-db.demo.svc.cluster.local:5432/payments)
---
apiVersion: v1
kind: Secret
metadata:
  name: frontend-tls
  labels: {app: frontend, tier: web, team: storefront, app.kubernetes.io/part-of: $SEED_PART_OF}
type: kubernetes.io/tls
data:
  tls.crt: $(seed_b64 "$pem_crt")
  tls.key: $(seed_b64 "$pem_key")
---
apiVersion: v1
kind: Secret
metadata:
  name: registry-credentials
  labels: {team: platform, app.kubernetes.io/part-of: $SEED_PART_OF}
type: kubernetes.io/dockerconfigjson
data:
  .dockerconfigjson: $(seed_b64 "$docker")
EOF
}

# ---- pod status patches -------------------------------------------------------------------

# seed_container_statuses POD READY RESTART_CONTAINER RESTART_COUNT LAST_STATE_JSON
# prints pod.status.containerStatuses as a JSON list with every entry complete (the list has no
# merge key, so a status patch replaces it whole). READY "" keeps each container's readiness;
# RESTART_CONTAINER "" keeps every restartCount and lastState.
seed_container_statuses() {
  local pod="$1" ready="$2" rc_name="$3" rc_count="$4" rc_last="$5"
  local ready_expr='{{if $c.ready}}true{{else}}false{{end}}'
  [ -n "$ready" ] && ready_expr="$ready"
  # shellcheck disable=SC2016 # Go template, not shell
  local t='[{{- range $i, $c := .status.containerStatuses -}}{{- if $i}},{{end -}}
{"name":{{printf "%q" $c.name}},"image":{{printf "%q" $c.image}},"imageID":{{printf "%q" (or $c.imageID "")}}
{{- with $c.containerID}},"containerID":{{printf "%q" .}}{{end -}}
,"ready":@READY@,"started":{{if $c.started}}true{{else}}false{{end}}
{{- if eq $c.name "@RCNAME@"}},"restartCount":@RCCOUNT@,"lastState":@RCLAST@
{{- else}},"restartCount":{{$c.restartCount}},"lastState":{{with $c.lastState}}{{with .terminated}}{"terminated":{"exitCode":{{.exitCode}}{{with .reason}},"reason":{{printf "%q" .}}{{end}}{{with .startedAt}},"startedAt":{{printf "%q" .}}{{end}}{{with .finishedAt}},"finishedAt":{{printf "%q" .}}{{end}}}}{{else}}{}{{end}}{{else}}{}{{end}}{{end -}}
,"state":{{with $c.state}}{{if .running}}{"running":{"startedAt":{{printf "%q" .running.startedAt}}}}{{else if .waiting}}{"waiting":{"reason":{{printf "%q" (or .waiting.reason "")}}}}{{else if .terminated}}{"terminated":{"exitCode":{{.terminated.exitCode}},"reason":{{printf "%q" (or .terminated.reason "")}}}}{{else}}{}{{end}}{{else}}{}{{end -}}
}{{- end -}}]'
  t="${t//@READY@/$ready_expr}"
  t="${t//@RCNAME@/${rc_name:-\/\/none\/\/}}"
  t="${t//@RCCOUNT@/${rc_count:-0}}"
  t="${t//@RCLAST@/${rc_last:-\{\}}}"
  kctl -n "$SEED_NS" get pod "$pod" -o go-template="$t"
}

# seed_set_ready POD true|false: flip the pod's Ready and ContainersReady conditions and every
# container's ready flag in one strategic-merge status patch (conditions merge by type).
seed_set_ready() {
  local pod="$1" ready="$2" now cond statuses
  now="$(seed_now)"
  if [ "$ready" = true ]; then
    cond='"status":"True","reason":null,"message":null'
  else
    cond='"status":"False","reason":"ReadinessProbeFailed","message":"Readiness probe failed: HTTP probe failed with statuscode: 503"'
  fi
  statuses="$(seed_container_statuses "$pod" "$ready" "" "" "")" || return 1
  kctl -n "$SEED_NS" patch pod "$pod" --subresource=status --type=strategic -p \
    "{\"status\":{\"conditions\":[{\"type\":\"Ready\",$cond,\"lastTransitionTime\":\"$now\"},{\"type\":\"ContainersReady\",$cond,\"lastTransitionTime\":\"$now\"}],\"containerStatuses\":$statuses}}" >/dev/null || return 1
  if [ "$ready" != true ]; then seed_event "$pod" Warning Unhealthy "Readiness probe failed: HTTP probe failed with statuscode: 503"; fi
}

# seed_add_restarts POD CONTAINER COUNT REASON EXIT_CODE: make a container look restarted.
seed_add_restarts() {
  local pod="$1" container="$2" count="$3" reason="$4" code="$5" started finished_epoch last statuses
  started="$(kctl -n "$SEED_NS" get pod "$pod" -o jsonpath="{.status.containerStatuses[?(@.name==\"$container\")].state.running.startedAt}")"
  finished_epoch=$(($(date -u -d "${started:-now}" +%s) - 1))
  last="{\"terminated\":{\"exitCode\":$code,\"reason\":\"$reason\",\"startedAt\":\"$(seed_ts $((finished_epoch - 1140)))\",\"finishedAt\":\"$(seed_ts "$finished_epoch")\"}}"
  statuses="$(seed_container_statuses "$pod" "" "$container" "$count" "$last")" || return 1
  kctl -n "$SEED_NS" patch pod "$pod" --subresource=status --type=strategic -p \
    "{\"status\":{\"containerStatuses\":$statuses}}" >/dev/null || return 1
  seed_event "$pod" Warning BackOff "Back-off restarting failed container $container in pod $pod"
}

# seed_event POD TYPE REASON MESSAGE: record an Event like the kubelet would.
seed_event() {
  local pod="$1" type="$2" reason="$3" message="$4" uid node container now
  read -r uid node container < <(kctl -n "$SEED_NS" get pod "$pod" -o jsonpath='{.metadata.uid} {.spec.nodeName} {.spec.containers[0].name}'; echo)
  [ -n "$uid" ] || return 0
  now="$(seed_now)"
  kctl -n "$SEED_NS" create -f - >/dev/null 2>&1 <<EOF || true
apiVersion: v1
kind: Event
metadata:
  generateName: $pod.
  namespace: $SEED_NS
  labels: {app.kubernetes.io/part-of: $SEED_PART_OF}
involvedObject: {apiVersion: v1, kind: Pod, namespace: $SEED_NS, name: $pod, uid: "$uid", fieldPath: "spec.containers{$container}"}
type: $type
reason: $reason
message: "$message"
source: {component: kubelet, host: $node}
firstTimestamp: "$now"
lastTimestamp: "$now"
count: 1
EOF
}

# ---- queries ------------------------------------------------------------------------------

# Running, not-terminating pods of an app, one "name ready" per line, sorted by name.
seed_pods() {
  # shellcheck disable=SC2016
  kctl -n "$SEED_NS" get pods -l "app=$1" --sort-by=.metadata.name -o go-template='{{range .items}}{{if and (eq .status.phase "Running") (not .metadata.deletionTimestamp)}}{{.metadata.name}} {{range .status.conditions}}{{if eq .type "Ready"}}{{.status}}{{end}}{{end}}{{"\n"}}{{end}}{{end}}'
}

seed_pods_running() { # APP COUNT: at least COUNT Running pods and none still Pending
  local n pending
  n="$(seed_pods "$1" | grep -c .)" || true
  pending="$(kctl -n "$SEED_NS" get pods -l "app=$1" --field-selector=status.phase=Pending -o name | grep -c .)" || true
  [ "${n:-0}" -ge "$2" ] && [ "${pending:-0}" -eq 0 ]
}

seed_rollout_done() {
  local s
  # generation/observed, spec replicas, status replicas, updated, available
  s="$(kctl -n "$SEED_NS" get deploy "$1" -o jsonpath='{.metadata.generation} {.status.observedGeneration} {.spec.replicas} {.status.replicas} {.status.updatedReplicas} {.status.availableReplicas}')"
  # shellcheck disable=SC2086
  set -- $s
  [ "$#" -eq 6 ] && [ "$1" = "$2" ] && [ "$3" = "$4" ] && [ "$3" = "$5" ] && [ "$3" = "$6" ]
}

# 2.3.0 -> 2.4.0 (the first rollout), then 2.4.0 -> 2.4.1 -> 2.4.2 ...
seed_next_api_image() {
  local current="$1" repo tag
  repo="${current%:*}"; tag="${current##*:}"
  if [ "$current" = "$SEED_API_BASE_IMAGE" ]; then echo "$repo:2.4.0"; return; fi
  if [[ "$tag" =~ ^(.*[^0-9])?([0-9]+)$ ]]; then
    echo "$repo:${BASH_REMATCH[1]}$((BASH_REMATCH[2] + 1))"
  else
    echo "$repo:$tag-1"
  fi
}

seed_roll_api() {
  local current next
  current="$(kctl -n "$SEED_NS" get deploy api -o jsonpath='{.spec.template.spec.containers[?(@.name=="api")].image}')"
  next="$(seed_next_api_image "$current")"
  kctl -n "$SEED_NS" set image deployment/api "api=$next" >/dev/null
  kctl -n "$SEED_NS" annotate deployment/api --overwrite \
    "kubernetes.io/change-cause=kubectl set image deployment/api api=$next" >/dev/null
  seed_log "api: kubectl set image deployment/api api=$next (was $current); rolling 1 pod at a time, each needs 30s Ready"
}

# ---- commands -----------------------------------------------------------------------------

seed_converge() {
  [ -x "$BIN_DIR/kubectl" ] || die "kubectl is not built yet: run 'tools/cluster/cluster up' first"
  [ -f "$KUBECONFIG_PATH" ] && kctl get --raw /readyz >/dev/null 2>&1 ||
    die "cluster \"$CLUSTER_NAME\" is not running: run 'tools/cluster/cluster up' first"

  seed_log "applying namespace $SEED_NS"
  kctl apply -f - >/dev/null <<EOF
apiVersion: v1
kind: Namespace
metadata:
  name: $SEED_NS
  labels: {app.kubernetes.io/part-of: $SEED_PART_OF}
EOF
  seed_poll "the default ServiceAccount in $SEED_NS" 30 kctl -n "$SEED_NS" get serviceaccount default

  # `kubectl apply` would put api's image back to the manifest's, undoing the rollouts that
  # `set image` started, so an existing api keeps its current image and change-cause.
  local api_existed=false api_image="$SEED_API_BASE_IMAGE" api_cause manifests
  api_cause="initial deploy of $SEED_API_BASE_IMAGE"
  if kctl -n "$SEED_NS" get deploy api >/dev/null 2>&1; then
    api_existed=true
    api_image="$(kctl -n "$SEED_NS" get deploy api -o jsonpath='{.spec.template.spec.containers[?(@.name=="api")].image}')"
    api_cause="$(kctl -n "$SEED_NS" get deploy api -o jsonpath='{.metadata.annotations.kubernetes\.io/change-cause}')"
  fi
  manifests="$(seed_manifests; echo '---'; seed_secrets)"
  manifests="${manifests//@API_IMAGE@/$api_image}"
  manifests="${manifests//@API_CHANGE_CAUSE@/$api_cause}"
  seed_log "applying ConfigMaps, Secrets, Services and Deployments"
  # frontend-tls holds a deliberately fake PEM; the apiserver's "x509: malformed certificate"
  # warning about it is expected, so it is filtered out here.
  kctl -n "$SEED_NS" apply -f - <<<"$manifests" 2> >(grep -v 'x509: malformed certificate' >&2) | sed 's/^/  /'

  seed_log "waiting for frontend, payments and worker pods to run"
  seed_poll "3 Running frontend pods" 90 seed_pods_running frontend 3
  seed_poll "2 Running payments pods" 90 seed_pods_running payments 2
  seed_poll "2 Running worker pods" 90 seed_pods_running worker 2

  local pod ready
  while read -r pod ready; do
    [ -n "$pod" ] || continue
    if [ "$ready" != False ]; then seed_set_ready "$pod" false && seed_log "payments: $pod Ready=False (ReadinessProbeFailed)"; fi
  done < <(seed_pods payments)
  while read -r pod ready; do
    [ -n "$pod" ] || continue
    if [ "$ready" != True ]; then seed_set_ready "$pod" true && seed_log "frontend: $pod Ready=True again"; fi
  done < <(seed_pods frontend)

  local restarted
  restarted="$(kctl -n "$SEED_NS" get pods -l app=worker -o jsonpath='{.items[*].status.containerStatuses[*].restartCount}')"
  if ! [[ " $restarted " =~ \ [1-9] ]]; then
    pod="$(seed_pods worker | head -n1 | cut -d' ' -f1)"
    seed_add_restarts "$pod" worker 4 OOMKilled 137
    seed_log "worker: $pod shows 4 restarts, last terminated OOMKilled (exit 137)"
  fi

  if [ "$api_existed" = false ]; then
    seed_log "api: waiting for revision 1 to become available (minReadySeconds 30)"
    kctl -n "$SEED_NS" rollout status deployment/api --timeout=180s >/dev/null ||
      die "deployment/api did not become available"
  fi
  if seed_rollout_done api; then
    seed_roll_api
  else
    seed_log "api: a rollout is already in progress ($(kctl -n "$SEED_NS" get deploy api -o jsonpath='{.spec.template.spec.containers[0].image}')), leaving it alone"
  fi
  seed_log "done. Look at it with: kubectl -n $SEED_NS get deploy,rs,pods,svc,endpointslices,cm,secrets"
}

# One live tick: new api image, then flip one pod. Odd ticks touch payments, even ones frontend;
# a pod flipped away from its usual state is flipped back on that app's next turn.
seed_live_tick() {
  local tick="$1" app usual other pod ready
  seed_roll_api
  if ((tick % 2)); then app=payments usual=False; else app=frontend usual=True; fi
  [ "$usual" = True ] && other=False || other=True
  pod="$(seed_pods "$app" | awk -v s="$other" '$2 == s { print $1; exit }')"
  if [ -n "$pod" ]; then
    if [ "$usual" = True ]; then seed_set_ready "$pod" true; else seed_set_ready "$pod" false; fi
    seed_log "$app: $pod back to Ready=$usual"
    return 0
  fi
  pod="$(seed_pods "$app" | awk '{ print $1 }' | shuf -n1)"
  [ -n "$pod" ] || { seed_log "$app: no Running pod to flip"; return 0; }
  if [ "$other" = True ]; then seed_set_ready "$pod" true; else seed_set_ready "$pod" false; fi
  seed_log "$app: $pod flipped to Ready=$other"
}

seed_live() {
  local minutes="$1" interval="${WHEELHOUSE_SEED_INTERVAL:-120}"
  [[ "$interval" =~ ^[0-9]+$ ]] && [ "$interval" -ge 1 ] || die "WHEELHOUSE_SEED_INTERVAL must be a whole number of seconds"
  local deadline=$((SECONDS + minutes * 60)) max_ticks=$(((minutes * 60) / interval + 1)) tick=0 i
  trap 'seed_log "live mode stopped after $tick change(s)"; exit 0' INT TERM
  seed_log "live mode: a change every ${interval}s for ${minutes} minute(s) (Ctrl-C stops it)"
  while ((tick < max_ticks)); do
    for ((i = 0; i < interval && SECONDS < deadline; i++)); do sleep 1; done
    ((SECONDS < deadline)) || break
    tick=$((tick + 1))
    seed_live_tick "$tick" || seed_log "tick $tick failed; carrying on"
  done
  trap - INT TERM
  seed_log "live mode finished after $tick change(s) (--live-minutes $minutes)"
}

cmd_seed() {
  local live=false minutes=60
  while [ $# -gt 0 ]; do
    case "$1" in
      --live) live=true ;;
      --live-minutes) [ $# -ge 2 ] || die "--live-minutes needs a number"; minutes="$2"; live=true; shift ;;
      --live-minutes=*) minutes="${1#*=}"; live=true ;;
      -h|--help) sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; return 0 ;;
      *) die "seed: unknown option '$1' (use --live, --live-minutes N)" ;;
    esac
    shift
  done
  [[ "$minutes" =~ ^[0-9]+$ ]] && [ "$minutes" -ge 1 ] || die "--live-minutes needs a whole number >= 1"
  seed_converge
  if [ "$live" = true ]; then seed_live "$minutes"; fi
}
