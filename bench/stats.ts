/** Small statistics and number formats shared by the benchmark's tables. */

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function megabytes(bytes: number): number {
  return bytes / 1e6;
}

/** Milliseconds with precision where it matters: 0.42 ms, 12.3 ms, 1,234 ms. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) {
    return 'n/a';
  }
  if (ms < 10) {
    return `${ms.toFixed(2)} ms`;
  }
  if (ms < 100) {
    return `${ms.toFixed(1)} ms`;
  }
  return `${Math.round(ms).toLocaleString('en-US')} ms`;
}

/** Three significant digits, grouped: 0.123, 12.3, 1,234. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    return 'n/a';
  }
  if (Math.abs(value) >= 100) {
    return Math.round(value).toLocaleString('en-US');
  }
  return value.toPrecision(3);
}

/** Per second, from an amount and milliseconds. */
export function perSecond(amount: number, ms: number): number {
  return amount / (ms / 1000);
}
