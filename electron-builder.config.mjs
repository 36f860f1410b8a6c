/**
 * The configuration `npm run dist` builds with: electron-builder.yml, plus the one fuse that
 * depends on the build. A release build burns `enableNodeCliInspectArguments` off, so the app
 * users install refuses `--inspect` (a debugger attached to it could read and write every file the
 * user can). A test build, `FACTMARK_TEST_BUILD=1 npm run dist`, keeps it on for Playwright's
 * `_electron.launch`, which attaches through `--inspect`. electron-builder calls this function.
 */
export default function configuration() {
  return { extends: 'electron-builder.yml', electronFuses: { enableNodeCliInspectArguments: process.env.FACTMARK_TEST_BUILD === '1' } };
}
