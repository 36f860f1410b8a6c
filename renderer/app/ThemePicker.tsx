/** Chooses the colour theme: follow the system, or force light or dark. */
import { THEMES, type Theme } from '../../shared/contract.js';

const LABELS: Record<Theme, string> = { system: 'System theme', light: 'Light', dark: 'Dark' };

export function ThemePicker({ theme, onChange }: { theme: Theme; onChange: (theme: Theme) => void }) {
  return (
    <select aria-label="Colour theme" value={theme} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as Theme)}>
      {THEMES.map((t) => (
        <option key={t} value={t}>{LABELS[t]}</option>
      ))}
    </select>
  );
}
