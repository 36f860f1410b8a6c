/**
 * Starts the renderer: mounts the app into the page with what main answered first, so that the
 * first frame already shows the open project (renderer/app/first-answers.ts).
 */
// First: its module asks main, and the answers travel while the app's modules below are evaluated.
import { firstAnswers } from './asked-first.js';
import { render } from 'preact';
import { App } from './app/App.js';

void firstAnswers.then((first) => render(<App first={first} />, document.getElementById('app')!));
