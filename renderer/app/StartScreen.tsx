/** The first screen: create a project, open one, or pick up a recent one. */
import { CloseIcon } from './icons.js';
import type { Workbench } from './use-workbench.js';

export function StartScreen({ workbench }: { workbench: Workbench }) {
  const { settings, actions, info } = workbench;
  return (
    <main class="start" aria-labelledby="start-title">
      <div class="start-card">
        <img src="icon.svg" alt="" width={56} height={56} />
        <h1 id="start-title">Factmark</h1>
        <p class="muted">Highlight claims, weigh the evidence, reach verdicts — on your own machine.</p>
        <div class="start-actions">
          <button class="primary" onClick={() => void actions.newProject()}>New project…</button>
          <button onClick={() => void actions.openProject()}>Open project…</button>
        </div>
        <section aria-labelledby="recent-title" class="recent">
          <h2 id="recent-title">Recent projects</h2>
          {settings.recentProjects.length === 0 ? (
            <p class="muted">No recent projects yet.</p>
          ) : (
            <ul>
              {settings.recentProjects.map((recent) => (
                <li key={recent.path}>
                  <button class="recent-open" onClick={() => void actions.openRecent(recent.path)} title={recent.path}>
                    <span class="recent-name">{recent.name}</span>
                    <span class="recent-path" dir="ltr">{recent.path}</span>
                  </button>
                  <button class="icon-button" aria-label={`Remove ${recent.name} from recent projects`} title="Remove from this list (the project stays on disk)" onClick={() => void actions.forgetRecent(recent.path)}>
                    <CloseIcon />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
        {info?.host === 'desktop' && <p class="muted small">You can also drop a project folder on this window.</p>}
      </div>
    </main>
  );
}
