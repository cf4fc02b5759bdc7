/**
 * The news sites the content script is declared for. The manifest's
 * `content_scripts.matches` is generated from this list at build time; every
 * other site is scanned only after the user grants access or clicks the
 * toolbar button.
 */
export const NEWS_HOSTS = [
  'bbc.co.uk',
  'bbc.com',
  'theguardian.com',
  'independent.co.uk',
  'telegraph.co.uk',
  'thetimes.co.uk',
  'thetimes.com',
  'ft.com',
  'dailymail.co.uk',
  'mirror.co.uk',
  'inews.co.uk',
  'standard.co.uk',
  'news.sky.com',
  'itv.com',
  'channel4.com',
  'newstatesman.com',
  'opendemocracy.net',
  'morningstaronline.co.uk',
  'thecanary.co',
  'teiss.co.uk',
  'onmedica.com',
  'pulsetoday.co.uk',
  'gponline.com',
  'bmj.com',
  'hsj.co.uk',
  'digitalhealth.net',
  'computerweekly.com',
  'theregister.com',
  'publictechnology.net',
  'freemovement.org.uk',
  'reuters.com',
  'apnews.com',
  'huffingtonpost.co.uk',
  'buzzfeed.com',
  'politico.eu',
  'theconversation.com',
] as const;

/** Match patterns for a host and its subdomains, over https only. */
export function matchPatterns(hosts: readonly string[] = NEWS_HOSTS): string[] {
  return hosts.flatMap((host) => [`https://${host}/*`, `https://*.${host}/*`]);
}
