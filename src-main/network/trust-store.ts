import tls from 'node:tls';

export type CertificateSource = (type: 'bundled' | 'system' | 'extra') => string[];

/**
 * The certificate authorities every connection trusts: the ones bundled with Node (Mozilla's list), the
 * operating system's store (where a company installs its own root, for a TLS-inspecting proxy for example),
 * and NODE_EXTRA_CA_CERTS. Read once per client: the system store can take a moment to load. Verification
 * itself is never turned off.
 */
export function trustedCertificates(
  source: CertificateSource = (type) => tls.getCACertificates(type),
  extra: readonly string[] = [],
): string[] {
  const all = new Set<string>();
  for (const type of ['bundled', 'system', 'extra'] as const) {
    let certificates: string[] = [];
    try {
      certificates = source(type);
    } catch {
      // A system store that cannot be read leaves the bundled roots, as before this store was used.
    }
    for (const certificate of certificates) all.add(certificate.trim());
  }
  for (const certificate of extra) all.add(certificate.trim());
  return [...all];
}
