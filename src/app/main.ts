// Page entry: picks the language, mounts <stamp-rally-app>, and registers the service worker.
import { startLocalization } from './localization.js';
import { registerServiceWorker } from '../pwa/register.js';
import './stamp-rally-app.js';

// The shell is mounted only once its language is loaded, so zh-Hant visitors never see English flash by.
await startLocalization();
document.body.append(document.createElement('stamp-rally-app'));
registerServiceWorker();
