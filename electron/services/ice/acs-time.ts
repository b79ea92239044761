// The timestamp format both signature methods use: UTC yyyy-MM-ddTHH:mm:ssZ, no milliseconds.

export function acsTimestamp(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
