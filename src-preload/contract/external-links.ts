/**
 * The only addresses the app opens in the user's browser. The renderer links to them by these constants, and
 * main opens nothing else: a compromised page cannot use the app to launch arbitrary URLs or schemes.
 */
export const externalLinks = {
  /** Where a CometAPI account and its API keys are made. */
  cometApi: 'https://www.cometapi.com/',
  /** CometAPI's reference for the Seedream image endpoint this app calls. */
  seedreamDocs: 'https://apidoc.cometapi.com/api/image/seededit-seedream/bytedance-image-generation',
} as const;

export type ExternalLinkAddress = (typeof externalLinks)[keyof typeof externalLinks];
