// Python-compatible rounding and number formatting, checked against values printed by CPython 3.
import { describe, expect, it } from 'vitest';
import { formatFixed, formatTruncated, roundHalfEven } from '../../src/core/engine/decimal';

describe('roundHalfEven behaves like Python round(x, n)', () => {
  it('rounds on the exact binary value, not on the decimal literal', () => {
    // 0.125 is exact in binary: a true tie, to even → 0.12 (toFixed would give 0.13).
    expect(roundHalfEven(0.125, 2)).toBe(0.12);
    // 0.375 is exact too: to even → 0.38.
    expect(roundHalfEven(0.375, 2)).toBe(0.38);
    // 2.675 is 2.67499999999999982236431605997495353221893310546875 in binary → 2.67.
    expect(roundHalfEven(2.675, 2)).toBe(2.67);
    // 1.005 is 1.00499999999999989341858963598497211933135986328125 → 1.0.
    expect(roundHalfEven(1.005, 2)).toBe(1.0);
    // 0.285 is 0.284999999999999975575093458246556110680103302001953125 → 0.28.
    expect(roundHalfEven(0.285, 2)).toBe(0.28);
    // 1.015 is 1.0149999999999999023003738329862244427204132080078125 → 1.01.
    expect(roundHalfEven(1.015, 2)).toBe(1.01);
    // 0.145 is 0.1449999999999999900079927783735911361873149871826171875 → 0.14.
    expect(roundHalfEven(0.145, 2)).toBe(0.14);
  });

  it('sends exact ties to the even neighbour, including at 0 digits and for negatives', () => {
    expect(roundHalfEven(2.5, 0)).toBe(2);
    expect(roundHalfEven(3.5, 0)).toBe(4);
    expect(roundHalfEven(0.5, 0)).toBe(0);
    expect(roundHalfEven(-0.125, 2)).toBe(-0.12);
    expect(roundHalfEven(-2.5, 0)).toBe(-2);
    expect(Object.is(roundHalfEven(-0.001, 2), -0)).toBe(true); // Python: round(-0.001, 2) == -0.0
  });

  it('leaves already-rounded scores and non-finite values alone', () => {
    expect(roundHalfEven(64.99999999999999, 2)).toBe(65);
    expect(roundHalfEven(30.000000000000004, 2)).toBe(30);
    expect(roundHalfEven(50.83333333333333, 2)).toBe(50.83);
    expect(roundHalfEven(Infinity, 2)).toBe(Infinity);
    expect(roundHalfEven(1e22, 2)).toBe(1e22);
  });
});

describe('formatFixed behaves like Python f"{x:.nf}"', () => {
  it('formats with the same rounding as round()', () => {
    expect(formatFixed(0.125, 2)).toBe('0.12');
    expect(formatFixed(0.375, 2)).toBe('0.38');
    expect(formatFixed(2.675, 2)).toBe('2.67');
    expect(formatFixed(1.005, 2)).toBe('1.00');
    expect(formatFixed(0.5, 2)).toBe('0.50');
    expect(formatFixed(1 / 3, 2)).toBe('0.33');
    expect(formatFixed(2 / 3, 2)).toBe('0.67');
    expect(formatFixed(0, 2)).toBe('0.00');
    expect(formatFixed(-0.001, 2)).toBe('-0.00');
    expect(formatFixed(1234.5, 0)).toBe('1234');
  });
});

describe('formatTruncated behaves like Python int(x)', () => {
  it('truncates toward zero', () => {
    expect(formatTruncated(250)).toBe('250');
    expect(formatTruncated(99.99)).toBe('99');
    expect(formatTruncated(-1.5)).toBe('-1');
    expect(formatTruncated(1e21)).toBe('1000000000000000000000');
  });
});
