import { useEffect, type RefObject } from 'react';

const SCROLLERS = '.ant-table-content, .ant-table-body';

/**
 * Wide tables scroll sideways on narrow screens. A scrolling box must be reachable by keyboard (WCAG 2.1.1), so
 * every table scroller that overflows gets tabindex=0 and a name; the ones that fit get neither.
 */
export function useScrollableRegions(root: RefObject<HTMLElement | null>, label: string): void {
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const mark = () => {
      for (const scroller of element.querySelectorAll<HTMLElement>(SCROLLERS)) {
        const overflows =
          scroller.scrollWidth > scroller.clientWidth + 1 ||
          scroller.scrollHeight > scroller.clientHeight + 1;
        if (overflows && scroller.tabIndex !== 0) {
          scroller.tabIndex = 0;
          scroller.setAttribute('role', 'region');
          scroller.setAttribute('aria-label', label);
        } else if (!overflows && scroller.hasAttribute('tabindex')) {
          scroller.removeAttribute('tabindex');
          scroller.removeAttribute('role');
          scroller.removeAttribute('aria-label');
        }
      }
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(element, { childList: true, subtree: true });
    window.addEventListener('resize', mark);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', mark);
    };
  }, [root, label]);
}
