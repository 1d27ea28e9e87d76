import { expect } from 'vitest';
import { UserInputError } from '../../src/config/errors.js';

/** The UserInputError message `fn` throws (fails the test if it throws anything else, or nothing). */
export function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserInputError);
    return (e as Error).message;
  }
  throw new Error('expected a UserInputError');
}
