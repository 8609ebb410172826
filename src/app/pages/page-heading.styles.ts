// Heading and lead-paragraph styles shared by the simple role screens (staff, organizer).
import { css } from 'lit';

export const pageHeadingStyles = css`
  :host {
    display: block;
  }
  h1 {
    margin: 0 0 0.25rem;
    font-size: 1.6rem;
    color: var(--sr-green);
  }
  p {
    margin: 0 0 1.25rem;
    color: var(--sr-muted);
  }
`;
