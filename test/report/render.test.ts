import { describe, expect, it } from 'vitest';
import { renderSvg } from '../../src/report/render/renderSvg.js';
import { svgToPng } from '../../src/report/render/svgToPng.js';
import { pricesSpec } from '../../src/report/specs/pricesSpec.js';
import { winShareSpec } from '../../src/report/specs/winShareSpec.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the PNG's IHDR chunk (bytes 16–23, big-endian). */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
const svgSize = (svg: string) => {
  const m = /<svg[^>]*\bwidth="([\d.]+)"[^>]*\bheight="([\d.]+)"/.exec(svg);
  return { width: Number(m![1]), height: Number(m![2]) };
};

describe('renderSvg and svgToPng', () => {
  const rows = [0, 1, 2].flatMap((slot) => [
    { slot, rollup: 'A', ref_price: 100 + slot, pool_price: 100.5 + slot },
    { slot, rollup: 'B', ref_price: 100 + slot, pool_price: 99.5 + slot },
  ]);

  it('renders an SVG with the chart title, the axis titles and the legend', async () => {
    const svg = await renderSvg(pricesSpec(rows));
    expect(svg.startsWith('<svg')).toBe(true);
    for (const text of ['Pool prices against the reference price', 'price (Y per X)', '>slot<', 'pool A', 'pool B', 'reference'])
      expect(svg).toContain(text);
    const { width, height } = svgSize(svg);
    expect(width).toBeGreaterThan(640);
    expect(height).toBeGreaterThan(280);
  });

  it('rasterises to a PNG of the SVG size times the scale', async () => {
    const svg = await renderSvg(winShareSpec({ naive: { builders: 1, wins: 3, winShare: 0.75 }, bluff: { builders: 1, wins: 1, winShare: 0.25 } }));
    expect(svg).toContain('share of auctions won');
    const png = svgToPng(svg, { scale: 2 });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const s = svgSize(svg);
    expect(pngSize(png)).toEqual({ width: Math.round(2 * s.width), height: Math.round(2 * s.height) });
    expect(pngSize(svgToPng(svg, { scale: 1 })).width).toBe(Math.round(s.width));
  });

  it('rejects an invalid spec', async () => {
    await expect(renderSvg({ mark: 'no-such-mark' } as never)).rejects.toThrow();
  });
});
