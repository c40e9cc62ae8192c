import { CONTAINER_NAME, NAMESPACE_NAME, type NameRule, OBJECT_NAME } from '@wheelhouse/core';
import { z } from 'zod';

/**
 * The zod schemas of Kubernetes names on the wire. The rules themselves (DNS-1123 label and
 * subdomain, their 63/253 limits, which names which) are @wheelhouse/core's `names`; each schema
 * only words its refusal for where the name is used.
 */
export function nameSchema(rule: NameRule, message: string, tooLong?: string) {
  return z.string().max(rule.maxLength, tooLong).regex(rule.pattern, message);
}

/** A namespace: a DNS-1123 label. */
export const NamespaceName = nameSchema(
  NAMESPACE_NAME,
  'a namespace must be a lowercase RFC 1123 label (a-z, 0-9, "-")',
  `namespace names are at most ${NAMESPACE_NAME.maxLength} characters`,
);

/** The name of a Deployment, Pod or any other object the dashboard reads: a DNS-1123 subdomain. */
export const ObjectName = nameSchema(OBJECT_NAME, 'not a valid object name');

/** A container name is a DNS-1123 label. */
export const ContainerName = nameSchema(CONTAINER_NAME, 'not a valid container name');

/** The longest label selector text accepted (kubectl grammar; parsed with @wheelhouse/core). */
export const MAX_SELECTOR_LENGTH = 4096;

/** A label selector's text; its grammar is checked with @wheelhouse/core's parser where it is used. */
export const LabelSelectorText = z.string().max(MAX_SELECTOR_LENGTH);
