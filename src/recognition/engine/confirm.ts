// Confirms a stamp only when consecutive camera frames agree on the same pattern: one lucky frame
// never grants a stamp. A frame showing another pattern restarts the count; a frame showing nothing
// (motion blur, a hand passing) takes one step back instead of starting over.
export type ConfirmState =
  | { state: 'searching' }
  | { state: 'holding'; pattern: string; agreeing: number; required: number }
  | { state: 'confirmed'; pattern: string; agreeing: number };

export class FrameAgreement {
  private pattern: string | null = null;
  private agreeing = 0;

  constructor(readonly required = 3) {
    if (required < 1) throw new Error('required frames must be at least 1');
  }

  push(pattern: string | null): ConfirmState {
    if (pattern === null) {
      this.agreeing = Math.max(0, this.agreeing - 1);
      if (this.agreeing === 0) this.pattern = null;
    } else if (pattern === this.pattern) {
      this.agreeing++;
    } else {
      this.pattern = pattern;
      this.agreeing = 1;
    }
    if (!this.pattern) return { state: 'searching' };
    if (this.agreeing >= this.required) {
      const confirmed: ConfirmState = {
        state: 'confirmed',
        pattern: this.pattern,
        agreeing: this.agreeing,
      };
      this.reset();
      return confirmed;
    }
    return {
      state: 'holding',
      pattern: this.pattern,
      agreeing: this.agreeing,
      required: this.required,
    };
  }

  reset(): void {
    this.pattern = null;
    this.agreeing = 0;
  }
}
