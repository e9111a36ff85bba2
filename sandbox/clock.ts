/**
 * The sandbox's notion of now. Tests advance it to reach expiry (a 60 s code, a 7-day refresh token)
 * without waiting; timers that pace real work (processing delay, faults) keep using real time.
 */
export class Clock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  /** How far tests have moved the clock, kept across a restart so saved expiries still line up. */
  get offset(): number {
    return this.offsetMs;
  }

  set offset(ms: number) {
    this.offsetMs = ms;
  }
}
