export const MAX_MESSAGE: number;
export const DEEP_MARKER: string;
export function expandDeep(json: string): string;
export function messageProblem(message: unknown): string | null;
export function normalizeMessage(message: string): string;
export function topFrame(err: unknown): string;
