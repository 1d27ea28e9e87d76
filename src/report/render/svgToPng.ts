import { Resvg } from '@resvg/resvg-js';

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Pixels per SVG unit. Default 2 (sharp on high-density screens). */
  readonly scale?: number;
}

/**
 * Rasterises an SVG document to PNG bytes with resvg. Text is drawn with the system's fonts;
 * `sans-serif` (vega's default font) maps to DejaVu Sans when installed (Debian's
 * fonts-dejavu-core), else to resvg's own choice among the system fonts.
 */
export function svgToPng(svg: string, opts: PngOptions = {}): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: opts.scale ?? 2 },
    background: 'white',
    font: { loadSystemFonts: true, sansSerifFamily: 'DejaVu Sans', defaultFontFamily: 'DejaVu Sans' },
    logLevel: 'off',
  });
  return resvg.render().asPng();
}
