/**
 * `trace-20261126-181500.out` for a trace taken at 18:15:00 on 26 Nov 2026,
 * in local time because that is the clock the user reads when looking for it.
 */
export function defaultTraceFileName(now: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}`;
  const time = `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return `trace-${date}-${time}.out`;
}
