/**
 * Which web permissions (camera, microphone, notifications, geolocation, clipboard reading, HID,
 * serial, …) the app's pages get. Factmark needs none, so every request and every check is
 * denied. The decision stays a function so that a future exception is made here, in one place,
 * with its test.
 */

/** Decides a permission request or check from `requestingUrl`: always false (deny). */
export function decidePermission(_permission: string, _requestingUrl: string): boolean {
  return false;
}
