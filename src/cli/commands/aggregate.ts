// `repro-check aggregate`: its implementation is shared with `band` (src/cli/commands/band.ts).
export { aggregateCommand as command } from './band.ts';
