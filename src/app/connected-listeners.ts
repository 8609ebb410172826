// A Lit reactive controller that keeps event listeners on a target (document, window, the host
// itself) attached exactly while its host element is connected, so a view removed and added again
// never leaks or doubles them.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Handlers by event type; each gets the event its type dispatches. */
export type ListenerMap = Record<string, (event: never) => void>;

export class ConnectedListeners implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly target: EventTarget,
    private readonly handlers: ListenerMap,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const [type, handler] of Object.entries(this.handlers))
      this.target.addEventListener(type, handler as EventListener);
  }

  hostDisconnected(): void {
    for (const [type, handler] of Object.entries(this.handlers))
      this.target.removeEventListener(type, handler as EventListener);
  }
}
