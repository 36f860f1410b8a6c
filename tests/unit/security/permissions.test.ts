/** Every permission is denied, whoever asks: a future exception belongs in this table. */
import { describe, expect, it } from 'vitest';
import { decidePermission } from '../../../main/security/permissions.js';

describe('decidePermission', () => {
  const permissions = [
    'media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal',
    'clipboard-read', 'clipboard-sanitized-write', 'display-capture', 'hid', 'serial', 'usb', 'idle-detection',
    'storage-access', 'window-management', 'local-fonts', 'fileSystem', 'unknown', '',
  ];
  const origins = ['app://factmark/index.html', 'app://factmark', 'https://app.evil.test/', 'file:///etc/passwd', ''];

  it.each(permissions.flatMap((permission) => origins.map((origin) => [permission, origin] as const)))('denies %j to %j', (permission, origin) => {
    expect(decidePermission(permission, origin)).toBe(false);
  });
});
