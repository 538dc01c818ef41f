import type { ResumeRequest } from '../proc/resume-protocol.ts';
import { DETERMINISM_ENV } from '../proc/child-env.ts';

/**
 * What the parent hands the trainer worker (one JSON argument) and what the worker leaves
 * behind in `trainer-result.json`. One definition for both sides of the process boundary.
 */
export const BUILTIN_TRAINERS = ['builtin:smoke'] as const;
export const TRAINER_RESULT_FILE = 'trainer-result.json';
export const METRICS_FILE = 'metrics.jsonl';

export type TrainerOptionValue = string | number | boolean;

export interface TrainerJob {
  /** An absolute module path, or one of BUILTIN_TRAINERS. */
  module: string;
  backend: string;
  seed: number;
  steps: number;
  checkpointEvery: number;
  strictDeterminism: boolean;
  outDir: string;
  /** Directories whose node_modules may hold a native backend, in the order to try them. */
  backendSearchDirs: string[];
  options: Record<string, TrainerOptionValue>;
  /** A leg of a resume audit (read from the REPRO_* variables by the parent), or null for an ordinary run. */
  resume: ResumeRequest | null;
}

export interface BackendInfo {
  /** `tensorflow-gpu`, `tensorflow`, `wasm` or `cpu`: the backend actually used. */
  name: string;
  version: string;
  device: string;
  /** The TensorFlow C library's version as the native binding reports it (native backends). */
  libtensorflow?: string;
  /** What the GPU package's libtensorflow needs (tensorflow-gpu): CUDA and cuDNN versions. */
  builtFor?: string;
  /** wasm: whether the SIMD binary ran (results are the same either way; tested). */
  simd?: boolean;
}

export interface TrainingTime {
  wallSeconds: number;
  cpuSeconds: number;
}

export type TrainerResult =
  | {
      ok: true;
      backend: BackendInfo;
      /** How long train() ran: wall-clock and CPU seconds of the worker (the bench reads these). */
      training: TrainingTime;
      /** Paths relative to outDir. */
      checkpoints: Array<{ path: string; step: number }>;
      warnings: string[];
    }
  | { ok: false; message: string; hint?: string; stack?: string };

/**
 * The environment switches strict determinism sets before the backend loads; without strict
 * determinism the trainer gets none of them from repro-check (only the seed variables).
 */
export const STRICT_DETERMINISM_ENV: Readonly<Record<string, string>> = {
  ...DETERMINISM_ENV,
  // oneDNN's CPU kernels reorder float sums with the thread count.
  TF_ENABLE_ONEDNN_OPTS: '0',
  TF_NUM_INTRAOP_THREADS: '1',
  TF_NUM_INTEROP_THREADS: '1',
  OMP_NUM_THREADS: '1',
};
