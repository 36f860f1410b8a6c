/** The whole window: start screen or workspace, the open dialog, a message line, and drop handling. */
import { useEffect } from 'preact/hooks';
import { Dialogs } from './Dialogs.js';
import { CloseIcon } from './icons.js';
import { StartScreen } from './StartScreen.js';
import { Workspace } from './Workspace.js';
import { browserShortcut } from './shortcuts.js';
import type { FirstAnswers } from './first-answers.js';
import { useWorkbench } from './use-workbench.js';

/** The window, starting from what main answered before the first render. */
export function App({ first }: { first: FirstAnswers }) {
  const workbench = useWorkbench(first);
  const { project, notice, news, actions, info, runMenuCommand } = workbench;

  useEffect(() => {
    // The desktop menu owns the accelerators; in a browser the page handles the ones it can.
    if (!info || info.host === 'desktop') return;
    const onKey = (event: KeyboardEvent) => {
      const command = browserShortcut(event);
      if (!command) return;
      event.preventDefault();
      runMenuCommand(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <div
      class="app"
      onDragOver={(e) => e.dataTransfer?.types.includes('Files') && e.preventDefault()}
      onDrop={(e) => {
        if (!e.dataTransfer?.files.length) return;
        e.preventDefault();
        void actions.dropFiles(e.dataTransfer.files);
      }}
    >
      {notice && (
        <div class="banner banner-error" role="alert">
          <p>{notice}</p>
          <button class="icon-button" aria-label="Dismiss message" onClick={actions.dismissNotice}><CloseIcon /></button>
        </div>
      )}
      {news && (
        <div class="banner banner-info" role="status">
          <p>{news}</p>
          <button class="icon-button" aria-label="Dismiss news" onClick={actions.dismissNews}><CloseIcon /></button>
        </div>
      )}
      {project ? <Workspace view={project} workbench={workbench} /> : <StartScreen workbench={workbench} />}
      <Dialogs workbench={workbench} />
    </div>
  );
}
