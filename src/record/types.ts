import type { EncodedNumber } from '../numbers.ts';

/**
 * Run record and baseline, schema v1 (DESIGN.md). These are the in-file (JSON)
 * shapes; numbers in series are EncodedNumber so that NaN/±Infinity/-0 survive.
 */
export const RUN_RECORD_KIND = 'repro-check/run-record';
/** The file a run record is written to in a run's output folder (and in its artifact): what aggregate looks for. */
export const RUN_RECORD_FILE = 'run-record.json';
export const BASELINE_KIND = 'repro-check/baseline';
export const RUN_RECORD_SCHEMA_VERSION = 1;
export const BASELINE_SCHEMA_VERSION = 1;

export interface Provenance {
  commit: string;
  ref: string | null;
  shallow: boolean;
  /** True only for a local --allow-dirty run: such a record never gates (check refuses it as a baseline). */
  dirty: boolean;
  /** With dirty: the uncommitted paths and the SHA-256 of their changes against `commit`. */
  dirtyPaths?: string[];
  diffSha256?: string;
  /** The shell command that trained, when `command:` was used. */
  command?: string;
  /** The trainer module and backend, when `trainer:` was used. */
  trainer?: { module: string; backend: string; steps: number };
  seed: number;
  /** SHA-256 of the settings that shape the numbers (command, seed, trainer, env switches). */
  settingsHash: string;
  createdAt: string;
}

export interface EnvironmentFingerprint {
  os: { platform: string; release: string; arch: string };
  /** flags: instruction-set extensions that select kernels (avx2, avx512f, amx_tile, …); absent in older records. */
  cpu: { model: string; cores: number; flags?: string[] };
  node: string;
  /** The probed interpreter's Python version (older records: `python3 --version` on PATH). */
  python: string | null;
  /**
   * The fields below are optional: records written before the Python probe lack them, and are
   * read as they are. Which interpreter was probed and why (src/env/python-probe.ts).
   */
  interpreter?: {
    command: string;
    chosenBy: 'command' | 'python setting' | 'PATH';
    executable: string | null;
    problem: string | null;
  };
  /** Framework facts from the probe: `torch.version`, `torch.backends.cudnn.benchmark`, `numpy.blas`, … */
  frameworks?: Record<string, string>;
  /** Installed distributions, name -> version (importlib.metadata). */
  packages?: Record<string, string>;
  /** Environment variables that change numerics, as the command sees them. */
  numericsEnv?: Record<string, string>;
  gpu: {
    driver: string | null;
    cuda: string | null;
    devices: Array<{ index: number; name: string; uuid: string; memoryMiB: number | null }>;
  } | null;
  /** Lock files and fingerprint-paths, path -> sha256 (hex). Directories hash their sorted file list and contents. */
  files: Record<string, string>;
  /** Free-form facts later features add (tfjs backend, versions, device). */
  extra: Record<string, string>;
}

export interface SeriesJson {
  steps: number[];
  values: EncodedNumber[];
}

export interface TensorHash {
  name: string;
  dtype: string;
  shape: number[];
  sha256: string;
}

export interface CheckpointEntry {
  path: string;
  step: number;
  tensors: TensorHash[];
}

/**
 * The averaged checkpoint of a check with `checkpoints: {average-last: K}`: which files went
 * in (oldest first), its per-tensor SHA-256, and what `eval-command` printed for it and for the
 * final checkpoint (empty without an eval command).
 */
export interface MergedCheckpointJson {
  path: string;
  from: string[];
  method: 'sma';
  tensors: TensorHash[];
  metrics: Record<string, EncodedNumber>;
  finalMetrics: Record<string, EncodedNumber>;
}

export interface RunRecordJson {
  kind: typeof RUN_RECORD_KIND;
  schemaVersion: typeof RUN_RECORD_SCHEMA_VERSION;
  provenance: Provenance;
  environment: EnvironmentFingerprint;
  metrics: {
    series: Record<string, SeriesJson>;
    finals: Record<string, EncodedNumber>;
    notes: string[];
  };
  checkpoints?: CheckpointEntry[];
  merged?: MergedCheckpointJson;
  /** isolation: how the training was kept from the job's processes (absent in records before it was recorded). */
  runner?: { label: string | null; gpuUuids: string[]; isolation?: 'pid-namespace' | 'none' };
}

export interface BaselineJson {
  kind: typeof BASELINE_KIND;
  schemaVersion: typeof BASELINE_SCHEMA_VERSION;
  createdAt: string;
  /**
   * The run(s) the baseline was made from; the first is what a plain (rtol/atol) compare uses.
   * Empty only in a baseline built by `repro-check band` from metric files, which has a band.
   */
  runs: RunRecordJson[];
  /** The noise bands of a statistical baseline (`baseline update --seeds M`, `repro-check band`). */
  band?: { seed?: BandJson; sameSeed?: BandJson };
  level?: 'numerical' | 'statistical' | 'scientific' | 'functional';
}

/** Per-metric statistics over a set of runs (src/stats/band.ts), with the runs' metrics themselves. */
export interface BandJson {
  /**
   * The member runs' metrics, kept whole: the σ gate needs each run's window means, which the
   * per-step statistics alone cannot give.
   */
  members: Array<{ source: string; seed: number | null; metrics: RunRecordJson['metrics'] }>;
  /** Per metric: steps (null for a final value) and per point mean, std (n − 1), count, min, max. */
  metrics: Record<
    string,
    {
      steps: number[] | null;
      mean: EncodedNumber[];
      std: EncodedNumber[];
      count: number[];
      min: EncodedNumber[];
      max: EncodedNumber[];
    }
  >;
}
