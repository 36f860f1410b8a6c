/** Starts the renderer: mounts the app into the page. */
import { render } from 'preact';
import { App } from './app/App.js';

render(<App />, document.getElementById('app')!);
