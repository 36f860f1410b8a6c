/** The application menu template per platform: accelerators, roles, dev-only items, commands. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuTemplateOptions } from '../../../main/desktop/menu.js';
import { MENU_COMMANDS } from '../../../shared/contract.js';

type Item = MenuItemConstructorOptions;

function template(overrides: Partial<MenuTemplateOptions> = {}) {
  const send = vi.fn();
  const setTheme = vi.fn();
  const items = buildMenuTemplate({ platform: 'linux', isDev: false, appName: 'Factmark', theme: 'system', send, actions: { setTheme }, ...overrides });
  return { items, send, setTheme };
}

/** Every item of the menu, depth first. */
function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const click = (item: Item) => item.click!({} as never, undefined, {} as never);

describe.each(['darwin', 'win32', 'linux'] as const)('buildMenuTemplate on %s', (platform) => {
  it.each([
    ['CmdOrCtrl+N', 'New Project…'],
    ['Shift+CmdOrCtrl+N', 'New Document…'],
    ['CmdOrCtrl+O', 'Open Project…'],
    ['CmdOrCtrl+S', 'Save'],
    ['CmdOrCtrl+W', 'Close Project'],
    ['CmdOrCtrl+F', 'Find…'],
    ['CmdOrCtrl+E', 'Export Report…'],
  ])('binds %s to %s', (accelerator, label) => {
    const matches = flatten(template({ platform }).items).filter((item) => item.accelerator === accelerator);
    expect(matches.map((item) => item.label)).toEqual([label]);
  });

  it('binds CmdOrCtrl+Q to the quit role, once', () => {
    const quits = flatten(template({ platform }).items).filter((item) => item.accelerator === 'CmdOrCtrl+Q');
    expect(quits).toEqual([expect.objectContaining({ role: 'quit' })]);
  });

  it('uses no accelerator twice', () => {
    const accelerators = flatten(template({ platform }).items).flatMap((item) => (item.accelerator ? [String(item.accelerator)] : []));
    expect(new Set(accelerators).size).toBe(accelerators.length);
  });

  it('has the editing roles in Edit', () => {
    const edit = template({ platform }).items.find((item) => item.label === 'Edit')!;
    expect((edit.submenu as Item[]).flatMap((item) => (item.role ? [item.role] : []))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'selectAll']);
  });

  it('shows reload and developer tools only in development', () => {
    const roles = (isDev: boolean) => flatten(template({ platform, isDev }).items).map((item) => item.role);
    for (const role of ['reload', 'forceReload', 'toggleDevTools'] as const) {
      expect(roles(true)).toContain(role);
      expect(roles(false)).not.toContain(role);
    }
    for (const role of ['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen'] as const) expect(roles(false)).toContain(role);
  });

  it('sends each command to the renderer', () => {
    const { items, send } = template({ platform });
    for (const item of flatten(items).filter((i) => i.click && i.type !== 'radio')) click(item);
    const expected = platform === 'darwin' ? MENU_COMMANDS.filter((c) => c !== 'about') : MENU_COMMANDS;
    expect(send.mock.calls.map(([command]) => command).sort()).toEqual([...expected].sort());
  });

  it('offers the three themes as radio items with the current one checked, and sets the chosen one', () => {
    const { items, setTheme } = template({ platform, theme: 'dark' });
    const themes = flatten(items).filter((item) => item.type === 'radio');
    expect(themes.map((item) => [item.label, item.checked])).toEqual([['System', false], ['Light', false], ['Dark', true]]);
    click(themes[1]!);
    expect(setTheme).toHaveBeenCalledWith('light');
  });
});

describe('platform conventions', () => {
  it('macOS: an app menu with about, services, hide and quit roles first, and a Window menu', () => {
    const { items } = template({ platform: 'darwin' });
    expect(items[0]!.label).toBe('Factmark');
    expect((items[0]!.submenu as Item[]).flatMap((item) => (item.role ? [item.role] : []))).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(items.map((item) => item.label ?? item.role)).toEqual(['Factmark', 'File', 'Edit', 'Annotate', 'View', 'windowMenu']);
  });

  it.each(['win32', 'linux'] as const)('%s: File ends with Exit, and Help has About Factmark', (platform) => {
    const { items, send } = template({ platform });
    expect(items.map((item) => item.label)).toEqual(['File', 'Edit', 'Annotate', 'View', 'Help']);
    const file = items[0]!.submenu as Item[];
    expect(file.at(-1)).toMatchObject({ role: 'quit', label: 'Exit' });
    click((items[4]!.submenu as Item[])[0]!);
    expect(send).toHaveBeenCalledWith('about');
  });
});

describe('the Annotate menu', () => {
  it('shows the page’s single keys without registering them, so typing is never captured', () => {
    const { items, send } = template({ platform: 'linux' });
    const annotate = items.find((item) => item.label === 'Annotate')!.submenu as Item[];
    const claim = annotate.find((item) => item.label === 'Mark as Claim')!;
    expect(claim).toMatchObject({ accelerator: 'C', registerAccelerator: false });
    click(claim);
    expect(send).toHaveBeenCalledWith('markClaim');
    expect(annotate.filter((item) => item.accelerator).every((item) => item.registerAccelerator === false)).toBe(true);
  });
});
