import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { ChartLibrary } from './html.ts';

// scripts/build.mjs defines this as uPlot's minified IIFE build and stylesheet, so the bundle needs
// no node_modules on the runner; run from source (the tests) it is undefined and the files are read.
declare const __REPRO_CHART_LIBRARY__: ChartLibrary | undefined;

/** The files scripts/build.mjs inlines; one list, so the build and the source read the same ones. */
export const CHART_LIBRARY_FILES = { js: 'uplot/dist/uPlot.iife.min.js', css: 'uplot/dist/uPlot.min.css' } as const;

/** uPlot's code and stylesheet, for renderHtml. Throws only when run from source without node_modules. */
export async function loadChartLibrary(): Promise<ChartLibrary> {
  if (typeof __REPRO_CHART_LIBRARY__ !== 'undefined') return __REPRO_CHART_LIBRARY__;
  const require = createRequire(import.meta.url);
  const [js, css] = await Promise.all([
    readFile(require.resolve(CHART_LIBRARY_FILES.js), 'utf8'),
    readFile(require.resolve(CHART_LIBRARY_FILES.css), 'utf8'),
  ]);
  return { js, css };
}
