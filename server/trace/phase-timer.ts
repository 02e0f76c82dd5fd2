/**
 * GTV_TIMING=1 makes the loader print how long each of its steps took, on
 * stderr, as `timing <step> <ms> ms` lines (bench:serve and the notes in the
 * README's "Where the load's time goes" come from them). Without it the
 * timer does nothing: the steps are few (about 20 per load), so the check
 * costs nothing either way.
 */
const timingEnabled = (): boolean => Boolean(process.env.GTV_TIMING);

/** Prints one timing line: a step's name and its time in ms. */
export function printTiming(step: string, ms: number): void {
  if (timingEnabled()) process.stderr.write(`timing ${step} ${ms.toFixed(0)} ms\n`);
}

/**
 * A lap timer: each call prints the time since the previous call (or since
 * the timer was made) under the given step name, prefixed with `scope`.
 */
export function phaseTimer(scope: string): (step: string) => void {
  if (!timingEnabled()) return () => {};
  let t0 = performance.now();
  return (step) => {
    const t1 = performance.now();
    printTiming(`${scope}: ${step}`, t1 - t0);
    t0 = t1;
  };
}
