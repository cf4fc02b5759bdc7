const SCROLLS = /auto|scroll|overlay/;

/**
 * The scroll offset that puts `at` in the middle of a box's sight, along one axis: `sight` is
 * where its sight starts and `client` how long it is, `size` what it holds.
 */
function centring(scroll: number, at: number, sight: number, client: number, size: number): number {
  return Math.min(Math.max(0, scroll + at - (sight + client / 2)), size - client);
}

/**
 * Scrolls a range to the middle of each box it scrolls in, innermost first, then of the window,
 * as `scrollIntoView` does for an element. A range has no such method, and a phrase in a long
 * `<pre>` may lie thousands of lines down from the element's middle, or far along a line that
 * does not wrap, inside a box of its own. Sideways, a box scrolls only when the phrase is out of
 * its sight, so a page that fits its width does not move.
 */
export function scrollRangeIntoView(range: Range): void {
  // Where the range will be once the boxes scrolled so far have got there.
  let { top, left } = range.getBoundingClientRect();
  const { body, documentElement } = document;
  for (let box = range.startContainer.parentElement; box && box !== body && box !== documentElement; box = box.parentElement) {
    const style = getComputedStyle(box);
    const frame = box.getBoundingClientRect();
    const [sightTop, sightLeft] = [frame.top + box.clientTop, frame.left + box.clientLeft];
    let [scrollTop, scrollLeft] = [box.scrollTop, box.scrollLeft];
    if (box.scrollHeight > box.clientHeight && SCROLLS.test(style.overflowY)) {
      scrollTop = centring(scrollTop, top, sightTop, box.clientHeight, box.scrollHeight);
    }
    const outOfSight = left < sightLeft || left >= sightLeft + box.clientWidth;
    if (box.scrollWidth > box.clientWidth && SCROLLS.test(style.overflowX) && outOfSight) {
      scrollLeft = centring(scrollLeft, left, sightLeft, box.clientWidth, box.scrollWidth);
    }
    if (scrollTop === box.scrollTop && scrollLeft === box.scrollLeft) continue;
    top -= scrollTop - box.scrollTop;
    left -= scrollLeft - box.scrollLeft;
    // One call for both ways: a second smooth scroll of the same box would stop the first.
    box.scrollTo({ top: scrollTop, left: scrollLeft, behavior: 'smooth' });
  }
  const sideways = left < 0 || left >= innerWidth ? left - innerWidth / 2 : 0;
  scrollBy({ top: top - innerHeight / 2, left: sideways, behavior: 'smooth' });
}
