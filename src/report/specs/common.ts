import type { TopLevelSpec } from 'vega-lite';

export type { TopLevelSpec };

/** The Vega-Lite schema every spec declares (compiling never fetches it). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Plot width and height (px, before the PNG's scale factor) shared by the charts. */
export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 280;

/** Shared look: white background (the PNGs are not transparent), readable titles. */
export const CHART_CONFIG = {
  background: 'white',
  title: { fontSize: 14, anchor: 'start' as const, offset: 10 },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
};

/**
 * A default window for rolling statistics over `span` slots: a twentieth of the run, at least 10
 * slots, never longer than the run.
 */
export function defaultWindowSlots(span: number): number {
  return Math.max(1, Math.min(span, Math.max(10, Math.round(span / 20))));
}
