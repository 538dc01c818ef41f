"""Float64 numpy reference for `repro-check merge` (not our code): reads safetensors files with
json + numpy.frombuffer (test/safetensors/numpy_reader.py), averages every float tensor as
acc = 0; acc += w_i * x_i (oldest first) in float64, rounds to the tensor's dtype, and prints
{name: hex of the little-endian result bytes}.

  python3 numpy_merge.py METHOD DECAY FILE...

numpy rounds float64 to float32/float16 to nearest even; it has no bfloat16, so BF16 is rounded
here exactly: the two bfloat16 neighbours of each value are compared with it as fractions.
"""
import json
import os
import sys
from fractions import Fraction

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "safetensors"))
from numpy_reader import NUMPY_DTYPES, decode  # noqa: E402


def weights(method, count, decay):
    if method == "sma":
        return [1 / count] * count
    if method == "ema":
        return [decay ** (count - 1) if i == 0 else (1 - decay) * decay ** (count - 1 - i) for i in range(count)]
    return [(i + 1) / (count * (count + 1) / 2) for i in range(count)]


def tensors_of(path):
    data = open(path, "rb").read()
    n = int.from_bytes(data[:8], "little")
    header = json.loads(data[8 : 8 + n])
    header.pop("__metadata__", None)
    body = data[8 + n :]
    return {name: (info["dtype"], info["shape"], body[info["data_offsets"][0] : info["data_offsets"][1]]) for name, info in header.items()}


def bf16_bits(value):
    if np.isnan(value):
        return 0x7FC0
    single = np.array([value], dtype=np.float32)
    bits = int(single.view(np.uint32)[0])
    if np.isinf(single[0]):
        return bits >> 16
    down = bits & 0xFFFF0000
    up = down + 0x10000
    as_float = lambda b: Fraction(float(np.array([b], dtype=np.uint32).view(np.float32)[0]))
    exact = Fraction(float(value))
    below, above = abs(exact - as_float(down)), abs(as_float(up) - exact)
    if below < above or (below == above and (down >> 16) % 2 == 0):
        return down >> 16
    return (up >> 16) & 0xFFFF


def main(method, decay, files):
    inputs = [tensors_of(f) for f in files]
    w = weights(method, len(files), float(decay))
    out = {}
    for name, (dtype, shape, _) in inputs[0].items():
        if dtype not in ("F64", "F32", "F16", "BF16"):
            continue
        acc = np.zeros(int(np.prod(shape, dtype=np.int64)), dtype=np.float64)
        for weight, tensors in zip(w, inputs):
            acc += weight * decode(dtype, tensors[name][2], shape).ravel()
        if dtype == "BF16":
            result = np.array([bf16_bits(v) for v in acc], dtype="<u2").tobytes()
        else:
            result = acc.astype(np.dtype(NUMPY_DTYPES[dtype]).newbyteorder("<")).tobytes()
        out[name] = result.hex()
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
