import type { EncodedNumber } from '../numbers.ts';

/**
 * Run record and baseline, schema v1 (DESIGN.md). These are the in-file (JSON)
 * shapes; numbers in series are EncodedNumber so that NaN/±Infinity/-0 survive.
 */
export const RUN_RECORD_KIND = 'repro-check/run-record';
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
  cpu: { model: string; cores: number };
  node: string;
  python: string | null;
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
  runs: RunRecordJson[];
  /** Per-step mean/std/count over seeds: filled by the determinism audit. */
  band?: Record<string, { steps: number[]; mean: EncodedNumber[]; std: EncodedNumber[]; count: number[] }>;
  level?: 'numerical' | 'statistical' | 'scientific' | 'functional';
}
