// The TagfitError a call throws, for tests that then check its code and message (fails when nothing is thrown).
import { expect } from 'vitest';
import { TagfitError } from '../../src/core/errors';
import type { ErrorCode } from '../../src/shared/model';

export function thrownTagfitError(fn: () => unknown, code?: ErrorCode): TagfitError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TagfitError);
    if (code) expect((e as TagfitError).code).toBe(code);
    return e as TagfitError;
  }
  throw new Error('expected a TagfitError');
}
