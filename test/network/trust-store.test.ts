import { describe, expect, it } from 'vitest';
import { trustedCertificates } from '../../src-main/network/trust-store';

const pem = (name: string) => `-----BEGIN CERTIFICATE-----\n${name}\n-----END CERTIFICATE-----`;

describe('trustedCertificates', () => {
  it('trusts the bundled roots, the system store and the extra ones, each once', () => {
    const stores = {
      bundled: [pem('a'), pem('b')],
      system: [pem('b'), `${pem('corporate')}\n`],
      extra: [pem('x')],
    };
    expect(trustedCertificates((type) => stores[type], [pem('test')])).toEqual([
      pem('a'),
      pem('b'),
      pem('corporate'),
      pem('x'),
      pem('test'),
    ]);
  });

  it('keeps the bundled roots when the system store cannot be read', () => {
    const certificates = trustedCertificates((type) => {
      if (type === 'system') throw new Error('no store');
      return type === 'bundled' ? [pem('a')] : [];
    });
    expect(certificates).toEqual([pem('a')]);
  });

  it('reads the real stores of this Node', () => {
    expect(trustedCertificates().length).toBeGreaterThan(50);
  });
});
