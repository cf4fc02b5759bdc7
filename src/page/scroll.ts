/**
 * Scrolls a range to the middle of each box it scrolls in, innermost first, then of the window,
 * as `scrollIntoView` does for an element. A range has no such method, and a phrase in a long
 * `<pre>` may lie thousands of lines from the element's middle, inside a box of its own.
 */
export function scrollRangeIntoView(range: Range): void {
  // Where the range's top will be once the boxes scrolled so far have got there.
  let top = range.getBoundingClientRect().top;
  const { body, documentElement } = document;
  for (let box = range.startContainer.parentElement; box && box !== body && box !== documentElement; box = box.parentElement) {
    const room = box.scrollHeight - box.clientHeight;
    if (room <= 0 || !/auto|scroll|overlay/.test(getComputedStyle(box).overflowY)) continue;
    const middle = box.getBoundingClientRect().top + box.clientTop + box.clientHeight / 2;
    const target = Math.min(Math.max(0, box.scrollTop + top - middle), room);
    top -= target - box.scrollTop;
    box.scrollTo({ top: target, behavior: 'smooth' });
  }
  scrollBy({ top: top - innerHeight / 2, behavior: 'smooth' });
}
