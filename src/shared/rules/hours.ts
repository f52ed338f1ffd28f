/**
 * Service hours by 民政部令第67号 (志愿服务记录与证明出具办法): within each started hour, up to 15 minutes counts 0,
 * more than 15 and up to 45 minutes counts half an hour, more than 45 minutes a whole hour. Hours are kept as whole
 * half-hours so sums never meet floating-point error.
 */
export function halfHoursServed(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  const whole = Math.floor(minutes / 60);
  const rest = minutes - whole * 60;
  const part = rest <= 15 ? 0 : rest <= 45 ? 1 : 2;
  return whole * 2 + part;
}

/** Half-hours between check-in and check-out, by the server's clock; a check-out before the check-in counts nothing. */
export function halfHoursBetween(checkIn: Date, checkOut: Date): number {
  return halfHoursServed((checkOut.getTime() - checkIn.getTime()) / 60_000);
}

export function formatHours(halfHours: number): string {
  const hours = halfHours / 2;
  return Number.isInteger(hours) ? `${hours}小时` : `${hours.toFixed(1)}小时`;
}
