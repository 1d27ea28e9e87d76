import { parse, View } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from '../specs/common.js';

/**
 * Renders a Vega-Lite spec to an SVG document headless: vega-lite compiles it to Vega, vega's
 * `View` runs it with no renderer and writes SVG. Throws on an invalid spec. Needs no browser and
 * no canvas (text is measured by vega's estimate), so it runs in Node, Deno and notebooks alike.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vgSpec = compile(spec).spec;
  const view = new View(parse(vgSpec), { renderer: 'none', logLevel: 0 });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
