// First, so that the first requests leave before the rest of the app is evaluated.
import './boot-requests.js';
import { render } from 'preact';
import { App } from './app/app.js';
import { followAppLinks } from './routing/use-route.js';
import './styles/base.css';
import './styles/shell.css';
import './styles/components.css';
import './styles/views.css';

const root = document.getElementById('app');
if (root) {
  followAppLinks();
  render(<App />, root);
}
