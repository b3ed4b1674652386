import { useEffect, useState } from 'react';

/** The phone layout's breakpoint (styles.css uses the same width). */
const NARROW = '(max-width: 700px)';

/** Whether the screen is phone-narrow now; follows rotation and resizing. */
export function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const media = window.matchMedia(NARROW);
    const follow = () => setNarrow(media.matches);
    media.addEventListener('change', follow);
    follow();
    return () => media.removeEventListener('change', follow);
  }, []);
  return narrow;
}
