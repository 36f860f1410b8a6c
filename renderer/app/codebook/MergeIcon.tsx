/** The "merge into" icon of the codebook panel: two branches joining into one. Decorative, like ../icons.tsx. */
export const MergeIcon = () => (
  <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width={2} stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
    <path d="m6 21 6-6 6 6" />
    <path d="M12 15V3" />
    <path d="m8 7 4-4 4 4" />
  </svg>
);
