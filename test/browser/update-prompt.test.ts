// <update-prompt>: asks, never acts on its own; "Reload" announces consent, "Later" just goes away.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UPDATE_ACCEPTED_EVENT } from '../../src/pwa/update-prompt.js';

afterEach(() => document.body.replaceChildren());

describe('<update-prompt>', () => {
  it('announces consent on Reload and disappears on Later', async () => {
    const prompt = document.createElement('update-prompt');
    const accepted = vi.fn();
    document.body.addEventListener(UPDATE_ACCEPTED_EVENT, accepted);
    document.body.append(prompt);
    await prompt.updateComplete;
    expect(prompt.shadowRoot!.querySelector('[role=status]')!.textContent).toContain(
      'A new version is ready.',
    );
    const [later, reload] = prompt.shadowRoot!.querySelectorAll('button');
    reload!.click();
    expect(accepted).toHaveBeenCalledTimes(1);
    later!.click();
    expect(prompt.isConnected).toBe(false);
    document.body.removeEventListener(UPDATE_ACCEPTED_EVENT, accepted);
  });
});
