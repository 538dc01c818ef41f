import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { InputFileError } from '../../src/errors.ts';
import { readComparable } from '../../src/record/baseline-store.ts';
import { sniffFormat } from '../../src/metrics/sniff.ts';

const metrics = path.resolve('test/fixtures/metrics');
const head = async (file: string) => new Uint8Array(await readFile(file)).subarray(0, 4096);
const bytes = (...values: Array<number | string>) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...Buffer.from(v, 'latin1')] : [v])));

describe('sniffing a metric file by its first bytes', () => {
  const written: Array<[string, string]> = [
    ['tensorboard/pytorch/events.out.tfevents.1700000000.fixture-host.4242.0', 'tensorboard'],
    ['field-cases/07-tensorboard/baseline.events.out.tfevents', 'tensorboard'],
    ['refused/history.pt', 'torch-zip'],
    ['refused/history-legacy.pth', 'torch-pickle'],
    ['refused/losses.npy', 'numpy'],
    ['refused/losses.npz', 'zip'],
    ['refused/metrics.jsonl.gz', 'gzip'],
    ['../safetensors/bf16.safetensors', 'safetensors'],
    ['pytorch-train.jsonl', 'text'],
    ['lightning-metrics.csv', 'text'],
    ['trainer_state.json', 'text'],
  ];
  for (const [fixture, format] of written) {
    it(`${fixture} (written by its tool) is ${format}`, async () => {
      assert.equal(sniffFormat(await head(path.join(metrics, fixture))), format);
    });
  }

  it('tells Parquet and HDF5 by their published signatures (no writer for them here)', () => {
    assert.equal(sniffFormat(bytes('PAR1', 0x15, 0x04)), 'parquet');
    assert.equal(sniffFormat(bytes(0x89, 'HDF\r\n', 0x1a, '\n', 0, 0)), 'hdf5');
  });

  it('calls NUL bytes or invalid UTF-8 binary, but not a multi-byte character cut at the end of the sample', () => {
    assert.equal(sniffFormat(bytes('step,loss\n1,', 0, '\n')), 'binary');
    assert.equal(sniffFormat(bytes('step,loss\n1,', 0xff, 0xfe, '\n')), 'binary');
    const cut = new TextEncoder().encode('step,lössé').subarray(0, 15);
    assert.equal(sniffFormat(cut), 'text');
    assert.equal(sniffFormat(new Uint8Array(0)), 'text');
  });

  it('names UTF-16 text by its byte-order mark, so that the advice is to re-save it as UTF-8', () => {
    assert.equal(sniffFormat(new Uint8Array(Buffer.from('\ufeffstep,loss\r\n1,2.31\r\n', 'utf16le'))), 'utf16');
  });

  it('does not take text for a TFRecord header by chance', () => {
    assert.equal(sniffFormat(new TextEncoder().encode('{"step": 1, "loss": 2.31}\n')), 'text');
  });
});

describe('formats that are not read are refused by name, with what to do', () => {
  const refused: Array<[string, RegExp, RegExp]> = [
    [
      'refused/history.pt',
      /is a PyTorch file written by torch\.save \(a zip archive holding a pickle\)/,
      /does not unpickle/,
    ],
    ['refused/history-legacy.pth', /is a PyTorch file written by torch\.save \(a pickle/, /JSONL .* TensorBoard/],
    ['refused/losses.npy', /is a NumPy \.npy array/, /np\.savetxt/],
    ['refused/metrics.jsonl.gz', /is a gzip-compressed file/, /gunzip/],
    ['../safetensors/bf16.safetensors', /is a safetensors checkpoint/, /`checkpoints`/],
  ];
  for (const [fixture, message, hint] of refused) {
    it(fixture, () => {
      const file = path.join(metrics, fixture);
      assert.throws(
        () => readComparable(file),
        (error) => {
          assert.ok(error instanceof InputFileError);
          assert.equal(error.file, file);
          assert.match(error.message, message);
          assert.doesNotMatch(error.message, /field|column|header/);
          assert.match(error.hint ?? '', hint);
          return true;
        },
      );
    });
  }

  it('a folder of no known layout names the layouts it looked for', () => {
    assert.throws(
      () => readComparable(path.join(metrics, 'refused')),
      /holding no TensorBoard event file .*, no MLflow run .* and no DVCLive output \(plots\/metrics\/\*\.tsv\)/,
    );
  });
});
