/**
 * The stance of evidence as a shape (a tick supports, a cross refutes, an "i" adds context), always
 * beside its word, so the stance never rests on colour alone. Decorative for screen readers.
 */
import type { Stance } from './labels.js';

const common = { width: 14, height: 14, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2.5, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false' } as const;

export function StanceIcon({ stance }: { stance: Stance }) {
  if (stance === 'supports') {
    return (
      <svg {...common}>
        <path d="M4 12.5 9.5 18 20 6" />
      </svg>
    );
  }
  if (stance === 'refutes') {
    return (
      <svg {...common}>
        <path d="M6 6 18 18" />
        <path d="M18 6 6 18" />
      </svg>
    );
  }
  return (
    <svg {...common}>
      <circle cx="12" cy="12" r="9" />
      <path d="M12 11v6" />
      <path d="M12 7.5h.01" />
    </svg>
  );
}
