/**
 * The few interface icons, drawn inline so they need no icon font (system emoji fonts are missing
 * on many Linux desktops) and follow the text colour. Decorative: buttons carry their own names.
 */
const common = { width: 16, height: 16, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': 2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'aria-hidden': 'true', focusable: 'false' } as const;

export const PencilIcon = () => (
  <svg {...common}>
    <path d="M12 20h9" />
    <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" />
  </svg>
);

export const TrashIcon = () => (
  <svg {...common}>
    <path d="M3 6h18" />
    <path d="M8 6V4h8v2" />
    <path d="M19 6l-1 14H6L5 6" />
  </svg>
);

export const CloseIcon = () => (
  <svg {...common}>
    <path d="M18 6 6 18" />
    <path d="m6 6 12 12" />
  </svg>
);

export const PlusIcon = () => (
  <svg {...common}>
    <path d="M12 5v14" />
    <path d="M5 12h14" />
  </svg>
);

export const ImportIcon = () => (
  <svg {...common}>
    <path d="M12 3v12" />
    <path d="m7 10 5 5 5-5" />
    <path d="M5 21h14" />
  </svg>
);

export const WarningIcon = () => (
  <svg {...common}>
    <path d="M12 3 2 20h20Z" />
    <path d="M12 10v4" />
    <path d="M12 17h.01" />
  </svg>
);
