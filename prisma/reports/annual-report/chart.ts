// Charts for reports: a vega-lite spec rendered headless to SVG, then to PNG with resvg. Fonts are loaded from
// the DejaVu files in node_modules (not the machine's), so Latvian letters render the same everywhere; resvg
// without fonts would drop every text silently.

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";

const require = createRequire(import.meta.url);
/** The DejaVu TTF folder shipped by dejavu-fonts-ttf. */
export const DEJAVU_DIR = join(dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
export const DEJAVU = {
  normal: join(DEJAVU_DIR, "DejaVuSans.ttf"),
  bold: join(DEJAVU_DIR, "DejaVuSans-Bold.ttf"),
  italics: join(DEJAVU_DIR, "DejaVuSans-Oblique.ttf"),
  bolditalics: join(DEJAVU_DIR, "DejaVuSans-BoldOblique.ttf"),
};

export interface BarSeries {
  title: string;
  /** Category (x), series name (colour) and value. */
  rows: Array<{ category: string; series: string; value: number }>;
}

/** A grouped bar chart as SVG text. */
export async function barChartSvg(chart: BarSeries): Promise<string> {
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: chart.title,
    width: 480,
    height: 220,
    data: { values: chart.rows },
    mark: "bar",
    encoding: {
      x: { field: "category", type: "nominal", title: null, axis: { labelAngle: -30 } },
      xOffset: { field: "series" },
      y: { field: "value", type: "quantitative", title: null },
      color: { field: "series", type: "nominal", title: null },
    },
    config: { font: "DejaVu Sans", background: "white" },
  };
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** SVG to PNG at twice the drawn size, with the DejaVu fonts and no system fonts. */
export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: 2 },
    font: { fontFiles: [DEJAVU.normal, DEJAVU.bold], loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
