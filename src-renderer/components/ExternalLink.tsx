import type { ExternalLinkAddress } from '../../src-preload/contract/external-links';
import { Icon } from './Icon';

/**
 * A web page that opens in the user's browser (main lets only the addresses of `externalLinks` leave the app),
 * marked as leaving the app rather than underlined like a web page's link.
 */
export function ExternalLink({ href, children }: { href: ExternalLinkAddress; children: string }) {
  return (
    <a className="external-link" href={href} target="_blank" rel="noreferrer">
      {children}
      <Icon name="external" />
    </a>
  );
}
