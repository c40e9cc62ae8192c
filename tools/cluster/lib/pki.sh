# shellcheck shell=bash
# Certificates and kubeconfigs for `cluster up`: one CA per cluster, a serving certificate for the
# apiserver and for KWOK's kubelet-like server (127.0.0.1 only), client certificates per component.
# Sourced, never run.

gen_cert() { # NAME SUBJECT EXT(extensions for the signed cert)
  local name="$1" subj="$2" ext="$3" d="$STATE_DIR/pki"
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$d/$name.key" -out "$d/$name.csr" -subj "$subj" 2>/dev/null
  printf '%s\n' "$ext" >"$d/$name.ext"
  openssl x509 -req -in "$d/$name.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial \
    -days 3650 -sha256 -extfile "$d/$name.ext" -out "$d/$name.crt" 2>/dev/null
  rm -f "$d/$name.csr" "$d/$name.ext"
}

gen_pki() {
  local d="$STATE_DIR/pki"
  mkdir -p "$d"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -keyout "$d/ca.key" -out "$d/ca.crt" -subj "/CN=wheelhouse-local-ca-$CLUSTER_NAME" 2>/dev/null
  local client='basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth'
  gen_cert apiserver "/CN=kube-apiserver" 'basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:10.96.0.1'
  gen_cert kwok-serving "/CN=kwok" 'basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost'
  gen_cert admin "/O=system:masters/CN=wheelhouse-admin" "$client"
  gen_cert kube-controller-manager "/CN=system:kube-controller-manager" "$client"
  gen_cert kube-scheduler "/CN=system:kube-scheduler" "$client"
  gen_cert kwok "/O=system:masters/CN=kwok-controller" "$client"
  gen_cert apiserver-kubelet-client "/O=system:masters/CN=kube-apiserver-kubelet-client" "$client"
  openssl ecparam -name prime256v1 -genkey -noout -out "$d/sa.key" 2>/dev/null
  openssl ec -in "$d/sa.key" -pubout -out "$d/sa.pub" 2>/dev/null
  chmod 600 "$d"/*.key
}

write_kubeconfig() { # FILE USER(cert name) CONTEXT
  local file="$1" user="$2" ctx="$3" d="$STATE_DIR/pki"
  cat >"$file" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: $ctx
  cluster:
    server: https://127.0.0.1:$(cat "$STATE_DIR/ports/kube-apiserver")
    certificate-authority-data: $(base64 -w0 "$d/ca.crt")
users:
- name: $user
  user:
    client-certificate-data: $(base64 -w0 "$d/$user.crt")
    client-key-data: $(base64 -w0 "$d/$user.key")
contexts:
- name: $ctx
  context:
    cluster: $ctx
    user: $user
current-context: $ctx
EOF
  chmod 600 "$file"
}
