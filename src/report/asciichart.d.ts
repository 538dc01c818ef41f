// asciichart ships no types; these cover what src/report/terminal.ts uses (asciichart README, "Options").
declare module 'asciichart' {
  export interface PlotConfig {
    height?: number;
    /** ANSI colour sequences, one per series (the exported constants). */
    colors?: string[];
    /** Formats a y-axis label; every label should have the same width. */
    format?: (value: number, index: number) => string;
    min?: number;
    max?: number;
  }
  export function plot(series: number[] | number[][], config?: PlotConfig): string;
  export const red: string;
  export const blue: string;
  export const darkgray: string;
  export const reset: string;
  const asciichart: { plot: typeof plot; red: string; blue: string; darkgray: string; reset: string };
  export default asciichart;
}
