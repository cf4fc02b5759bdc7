/**
 * Where a passage sits on the page. Checked only for passages the detector flagged, so the
 * costly look-ups (ancestors, layout) stay off the hot path.
 */

const PERIPHERAL_SELECTOR =
  'nav, aside, footer, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="banner"], [role="menu"]';

/** Class or id words that news sites use for lists of other stories ("c-most-read", "sidebar__item"). */
const PERIPHERAL_NAME = /(?:^|[_-])(?:most-?(?:read|popular|viewed|shared)|trending|related|sidebar|side-bar|promo|teaser|recommend(?:ed|ations)?|more-?stories|also-?read|newsletter|breadcrumbs?)(?:$|[_-])/i;
/** State classes on a container ("has-sidebar") say nothing about the passage inside it. */
const STATE_PREFIX = /^(?:has|with|is|no|show|hide)-/i;

function hasPeripheralName(element: Element): boolean {
  const tokens = `${element.id} ${typeof element.className === 'string' ? element.className : ''}`.split(/\s+/);
  return tokens.some((token) => token !== '' && !STATE_PREFIX.test(token) && PERIPHERAL_NAME.test(token));
}

/**
 * Navigation, asides, footers, "most read" lists, site headers and blocks that are nothing but a
 * link (a teaser for another story) count as peripheral: they never flag an article on their own.
 */
export function isPeripheral(block: Element): boolean {
  if (block.closest(PERIPHERAL_SELECTOR)) return true;
  const header = block.closest('header');
  if (header && !header.closest('article, main, [role="main"]')) return true;
  for (let element: Element | null = block; element && element.localName !== 'body'; element = element.parentElement) {
    if (hasPeripheralName(element)) return true;
  }
  return isAllLinkText(block);
}

function isAllLinkText(block: Element): boolean {
  if (block.closest('a')) return true;
  const links = block.querySelectorAll('a');
  if (links.length === 0) return false;
  let linked = 0;
  for (const link of links) linked += (link.textContent ?? '').trim().length;
  return linked >= (block.textContent ?? '').trim().length * 0.9;
}

/** False for passages the reader cannot see (display:none, visibility:hidden, closed details). */
export function isShown(block: Element): boolean {
  const check = (block as Element & { checkVisibility?: (options?: object) => boolean }).checkVisibility;
  return check ? check.call(block, { visibilityProperty: true }) : true;
}
