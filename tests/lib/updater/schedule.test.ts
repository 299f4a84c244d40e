import { afterEach, describe, expect, it, vi } from 'vitest';
import { failureDelayMs, isDue, successDelayMs } from '../../../lib/updater';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('successDelayMs', () => {
  it('waits 60 minutes when the list names no interval', () => {
    expect(successDelayMs(undefined)).toBe(60 * MINUTE);
  });

  it.each([15, 30, 59, 60])('follows an interval of %i minutes, which is within 15 to 60', (minutes) => {
    expect(successDelayMs(minutes)).toBe(minutes * MINUTE);
  });

  it.each([0, 1, 14, -60])('waits at least 15 minutes when the list asks for %i', (minutes) => {
    expect(successDelayMs(minutes)).toBe(15 * MINUTE);
  });

  it.each([61, 240, 7 * 24 * 60, Number.MAX_SAFE_INTEGER])('waits at most 60 minutes when the list asks for %i, so a change arrives within the hour', (minutes) => {
    expect(successDelayMs(minutes)).toBe(60 * MINUTE);
  });
});

describe('failureDelayMs', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  // failures → minutes before the next try, with no jitter (random 0).
  const backoff: [number, number][] = [
    [1, 15],
    [2, 30],
    [3, 60],
    [4, 120],
    [5, 240],
    [6, 480],
    [7, 960],
    [8, 24 * 60],
    [9, 24 * 60],
    [50, 24 * 60],
  ];

  it.each(backoff)('after %i failure(s) waits %i minutes when the jitter is 0', (failures, minutes) => {
    expect(failureDelayMs(failures, () => 0)).toBe(minutes * MINUTE);
  });

  it.each(backoff)('after %i failure(s) waits just under twice %i minutes when the jitter is nearly 1', (failures, minutes) => {
    const delay = failureDelayMs(failures, () => 0.999_999_999);
    expect(delay).toBeLessThan(2 * minutes * MINUTE);
    expect(delay).toBeGreaterThanOrEqual(1.999 * minutes * MINUTE);
  });

  it('stretches the wait by the random factor: half way gives one and a half times', () => {
    expect(failureDelayMs(1, () => 0.5)).toBe(22.5 * MINUTE);
    expect(failureDelayMs(3, () => 0.5)).toBe(90 * MINUTE);
  });

  it('never waits more than 48 hours however many failures there were', () => {
    for (const failures of [1_000, 2 ** 31, Number.MAX_SAFE_INTEGER, Infinity]) {
      const delay = failureDelayMs(failures, () => 0.999_999_999);
      expect(delay).toBeGreaterThanOrEqual(24 * HOUR);
      expect(delay).toBeLessThan(48 * HOUR);
    }
  });

  it('treats zero or a negative count like a first failure', () => {
    expect(failureDelayMs(0, () => 0)).toBe(15 * MINUTE);
    expect(failureDelayMs(-3, () => 0)).toBe(15 * MINUTE);
  });

  it.each([
    ['NaN', Number.NaN],
    ['negative', -0.5],
    ['minus infinity', -Infinity],
    ['exactly 1', 1],
    ['more than 1', 7],
    ['infinity', Infinity],
  ])('keeps the wait within [1, 2) times the back-off when random() returns %s', (_name, value) => {
    for (const [failures, minutes] of backoff) {
      const delay = failureDelayMs(failures, () => value);
      expect(Number.isFinite(delay)).toBe(true);
      expect(delay).toBeGreaterThanOrEqual(minutes * MINUTE);
      expect(delay).toBeLessThan(2 * minutes * MINUTE);
    }
  });

  it('uses Math.random when no random function is given', () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.25);
    expect(failureDelayMs(2)).toBe(37.5 * MINUTE);
    expect(Math.random).toHaveBeenCalledOnce();
  });
});

describe('isDue', () => {
  const now = new Date('2026-06-01T12:00:00.000Z');

  it('is due when the subscription was never checked', () => {
    expect(isDue(null, now)).toBe(true);
  });

  it('is due when the next check time has passed', () => {
    expect(isDue('2026-06-01T11:59:59.999Z', now)).toBe(true);
    expect(isDue('2025-01-01T00:00:00.000Z', now)).toBe(true);
  });

  it('is due at the very moment of the next check', () => {
    expect(isDue('2026-06-01T12:00:00.000Z', now)).toBe(true);
  });

  it('is not due before the next check time', () => {
    expect(isDue('2026-06-01T12:00:00.001Z', now)).toBe(false);
    expect(isDue('2026-06-02T00:00:00.000Z', now)).toBe(false);
  });

  it('reads a time with an offset as the same instant', () => {
    expect(isDue('2026-06-01T14:00:00+02:00', now)).toBe(true);
    expect(isDue('2026-06-01T14:00:01+02:00', now)).toBe(false);
  });
});
