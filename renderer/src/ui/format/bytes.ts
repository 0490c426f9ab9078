/**
 * Byte counts for people: "0 bytes", "1 byte", "812 bytes", "12.4 MB", "3 GB". Decimal units
 * (1 kB = 1000 bytes), as file managers on macOS and GNOME show them; one decimal below 100 of a
 * unit, none above, trailing ".0" dropped.
 */

const UNITS = ['kB', 'MB', 'GB', 'TB', 'PB'] as const;

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  const whole = Math.round(bytes);
  if (whole < 1000) return whole === 1 ? '1 byte' : `${whole} bytes`;
  let value = whole / 1000;
  let unit = 0;
  // Round first, so 999,950 bytes reads "1 MB" rather than "1000 kB".
  while (unit < UNITS.length - 1 && roundForUnit(value) >= 1000) {
    value /= 1000;
    unit += 1;
  }
  return `${trimZero(roundForUnit(value))} ${UNITS[unit]}`;
}

function roundForUnit(value: number): number {
  return value < 100 ? Math.round(value * 10) / 10 : Math.round(value);
}

function trimZero(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
