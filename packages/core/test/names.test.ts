import { describe, expect, it } from 'vitest';
import {
  CONTAINER_NAME,
  DNS1123_LABEL,
  DNS1123_SUBDOMAIN,
  isValidName,
  NAMESPACE_NAME,
  OBJECT_NAME,
} from '../src/names';

// Vectors after k8s.io/apimachinery/pkg/util/validation/validation_test.go (TestIsDNS1123Label,
// TestIsDNS1123Subdomain), plus the inputs a request edge sees: path tricks, encodings, control characters.
const LABEL_GOOD = ['a', 'ab', 'abc', 'a1', 'a-1', 'a--1--2--b', '0', '01', '012', '1a', '1-a', '1--a--b--2'];
const BAD_EITHER = [
  '',
  'A',
  'ABC',
  'aBc',
  'A1',
  'A-1',
  '1-A',
  '-',
  'a-',
  '-a',
  '1-',
  '-1',
  '_',
  'a_',
  '_a',
  'a_b',
  ' ',
  'a ',
  ' a',
  'a b',
  'a@b',
  'a,b',
  'a;b',
  'a:b',
  'a%b',
  'a?b',
  'a$b',
  'a/b',
  '..',
  '%2e%2e',
  'a\n',
  '\na',
  'ä',
  'ａ', // fullwidth a
];
const SUBDOMAIN_GOOD = [
  ...LABEL_GOOD,
  'a.a',
  'ab.a',
  'abc.a',
  'a1.a',
  'a-1.a',
  '0.a',
  '1a.a',
  'a.b.c.d.e',
  'kube-system.svc',
];
const SUBDOMAIN_BAD = [
  '.',
  'a.',
  '.a',
  'a..b',
  '1.',
  '.1',
  '1..2',
  'A.a',
  'aB.a',
  'ab.A',
  'a.B.c.d.e',
  'a.-b',
  'a-.b',
];

describe('DNS-1123 label', () => {
  it('accepts lowercase alphanumerics and inner dashes', () => {
    for (const name of LABEL_GOOD) expect(isValidName(DNS1123_LABEL, name), name).toBe(true);
  });

  it('refuses capitals, edge dashes, other characters and the empty name', () => {
    for (const name of BAD_EITHER) expect(isValidName(DNS1123_LABEL, name), JSON.stringify(name)).toBe(false);
  });

  it('refuses dots: a label is one part of a subdomain', () => {
    for (const name of ['a.b', 'kube-system.svc', 'a.'])
      expect(isValidName(DNS1123_LABEL, name), name).toBe(false);
  });

  it('takes 63 characters and refuses 64 (DNS1123LabelMaxLength)', () => {
    expect(DNS1123_LABEL.maxLength).toBe(63);
    expect(isValidName(DNS1123_LABEL, 'a'.repeat(63))).toBe(true);
    expect(isValidName(DNS1123_LABEL, 'a'.repeat(64))).toBe(false);
    // The pattern alone has no limit: the length is checked on its own, as upstream does.
    expect(DNS1123_LABEL.pattern.test('a'.repeat(64))).toBe(true);
  });
});

describe('DNS-1123 subdomain', () => {
  it('accepts labels joined by dots', () => {
    for (const name of SUBDOMAIN_GOOD) expect(isValidName(DNS1123_SUBDOMAIN, name), name).toBe(true);
  });

  it('refuses what a label refuses, empty parts and capitals in any part', () => {
    for (const name of [...BAD_EITHER, ...SUBDOMAIN_BAD]) {
      expect(isValidName(DNS1123_SUBDOMAIN, name), JSON.stringify(name)).toBe(false);
    }
  });

  it('takes 253 characters and refuses 254, bounding only the whole name (DNS1123SubdomainMaxLength)', () => {
    expect(DNS1123_SUBDOMAIN.maxLength).toBe(253);
    expect(isValidName(DNS1123_SUBDOMAIN, 'a'.repeat(253))).toBe(true);
    expect(isValidName(DNS1123_SUBDOMAIN, 'a'.repeat(254))).toBe(false);
    expect(isValidName(DNS1123_SUBDOMAIN, `${'a'.repeat(64)}.b`)).toBe(true);
    expect(isValidName(DNS1123_SUBDOMAIN, `${'a.'.repeat(126)}a`)).toBe(true);
    expect(isValidName(DNS1123_SUBDOMAIN, `${'a.'.repeat(127)}a`)).toBe(false);
  });
});

describe('which rule names what', () => {
  it('names namespaces and containers by labels, objects by subdomains', () => {
    expect(NAMESPACE_NAME).toBe(DNS1123_LABEL);
    expect(CONTAINER_NAME).toBe(DNS1123_LABEL);
    expect(OBJECT_NAME).toBe(DNS1123_SUBDOMAIN);
    expect(isValidName(NAMESPACE_NAME, 'kube-system')).toBe(true);
    expect(isValidName(NAMESPACE_NAME, 'web-7d4b9c.x')).toBe(false);
    expect(isValidName(OBJECT_NAME, 'web-7d4b9c.x')).toBe(true);
  });
});
