import { afterAll, beforeAll } from 'vitest';

/**
 * For component tests in jsdom, which does no layout: gives every element a size while the file's
 * tests run, so a virtualised table's scroll container has room and renders rows. Registers the
 * file's beforeAll/afterAll; the original properties are put back afterwards.
 */
export function giveElementsASize(sizes = { clientHeight: 800, clientWidth: 1200 }): void {
  const saved: Partial<Record<keyof typeof sizes, PropertyDescriptor | undefined>> = {};
  beforeAll(() => {
    for (const [prop, value] of Object.entries(sizes) as [keyof typeof sizes, number][]) {
      saved[prop] = Object.getOwnPropertyDescriptor(HTMLElement.prototype, prop);
      Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
    }
  });
  afterAll(() => {
    for (const [prop, descriptor] of Object.entries(saved)) {
      if (descriptor) Object.defineProperty(HTMLElement.prototype, prop, descriptor);
    }
  });
}
