/**
 * What the checker reports: one entry per broken rule instance. `rule` is a stable
 * machine name (documented in docs/checker.md); `message` is for a coordinator.
 */
export interface Violation {
  rule: string;
  message: string;
  container?: string;
  shipment?: string;
}

export interface CheckOptions {
  /** Slack for every time comparison, minutes: instants are written to the second. Default 1. */
  toleranceMin?: number;
  /** Slack for every distance comparison, km (absolute, per container). Default 0.01. */
  toleranceKm?: number;
}
