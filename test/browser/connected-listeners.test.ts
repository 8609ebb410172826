// ConnectedListeners in real Chromium: a host's listeners on another target hear events only while
// the host is in the document, and reconnecting does not add them twice.
import { afterEach, describe, expect, it } from 'vitest';
import { LitElement } from 'lit';
import { ConnectedListeners } from '../../src/app/connected-listeners.js';

class ListeningProbe extends LitElement {
  heard: string[] = [];
  constructor() {
    super();
    new ConnectedListeners(this, document, {
      'probe-ping': (event: CustomEvent<string>) => this.heard.push(event.detail),
    });
  }
}
customElements.define('listening-probe', ListeningProbe);

const ping = (detail: string) => document.dispatchEvent(new CustomEvent('probe-ping', { detail }));

afterEach(() => document.body.replaceChildren());

describe('ConnectedListeners', () => {
  it('listens while connected, stops when removed, and never doubles on reconnect', () => {
    const probe = new ListeningProbe();
    ping('before');
    document.body.append(probe);
    ping('connected');
    probe.remove();
    ping('removed');
    document.body.append(probe);
    ping('back');
    expect(probe.heard).toEqual(['connected', 'back']);
  });
});
