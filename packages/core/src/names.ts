/**
 * The names Kubernetes accepts, as k8s.io/apimachinery/pkg/util/validation (validation.go) defines them:
 *
 *  - a DNS-1123 label (IsDNS1123Label): at most 63 characters (DNS1123LabelMaxLength) of lowercase
 *    alphanumerics and '-', starting and ending with an alphanumeric (dns1123LabelFmt);
 *  - a DNS-1123 subdomain (IsDNS1123Subdomain): at most 253 characters (DNS1123SubdomainMaxLength) of
 *    such labels joined by '.'. Upstream bounds only the whole: one part may be longer than 63.
 *
 * Which rule names what is the apiserver's validation (k8s.io/kubernetes/pkg/apis/core/validation and
 * apimachinery's api/validation): namespaces (ValidateNamespaceName) and containers (validateContainers)
 * are labels; Pods, Deployments, ReplicaSets, ConfigMaps and Secrets (ValidatePodName, NameIsDNSSubdomain)
 * are subdomains. Services must be DNS-1035 labels, which are also subdomains: checking a Service name
 * as a subdomain lets through names the apiserver then answers with 404, never refuses one it has.
 *
 * The length limit and the pattern stay separate, as upstream keeps them, so a message can say which
 * one a name broke. Everything here is a plain value: the zod schemas of @wheelhouse/shared-types, the
 * BFF and the selector parser are built on it.
 */

export interface NameRule {
  readonly maxLength: number;
  /** The characters and their order; anchored, without the length limit. */
  readonly pattern: RegExp;
}

export const DNS1123_LABEL: NameRule = {
  maxLength: 63,
  pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
};

export const DNS1123_SUBDOMAIN: NameRule = {
  maxLength: 253,
  pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
};

/** Namespace names (ValidateNamespaceName: apimachinery's NameIsDNSLabel). */
export const NAMESPACE_NAME: NameRule = DNS1123_LABEL;
/** Container names, init and ephemeral ones too (validateContainers: IsDNS1123Label). */
export const CONTAINER_NAME: NameRule = DNS1123_LABEL;
/** The names of the objects the dashboard reads and acts on (NameIsDNSSubdomain). */
export const OBJECT_NAME: NameRule = DNS1123_SUBDOMAIN;

/** True when `value` follows `rule`: no longer than its limit and matching its pattern. */
export function isValidName(rule: NameRule, value: string): boolean {
  return value.length <= rule.maxLength && rule.pattern.test(value);
}
