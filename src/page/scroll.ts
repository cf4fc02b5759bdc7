const SCROLLS = /auto|scroll|overlay/;

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
      scrollTop = Math.min(Math.max(0, scrollTop + top - (sightTop + box.clientHeight / 2)), box.scrollHeight - box.clientHeight);
    }
    const outOfSight = left < sightLeft || left >= sightLeft + box.clientWidth;
    if (box.scrollWidth > box.clientWidth && SCROLLS.test(style.overflowX) && outOfSight) {
      scrollLeft = Math.min(Math.max(0, scrollLeft + left - (sightLeft + box.clientWidth / 2)), box.scrollWidth - box.clientWidth);
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
