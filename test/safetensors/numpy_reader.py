"""Independent checks for our safetensors code, with numpy (and torch for bfloat16).

  read FILE   parse FILE with json + numpy.frombuffer (not our code) and print
              {"metadata": ..., "header_length": N, "tensors": {name: {dtype, shape, offsets, values}}}
  raw         print tensors made by numpy/torch as {name: {dtype, shape, hex, values}} so that
              our decoder can be checked against their float conversion.
Output is JSON with Python's NaN/Infinity tokens.
"""
import json
import struct
import sys

import numpy as np

NUMPY_DTYPES = {
    "BOOL": np.bool_, "U8": np.uint8, "I8": np.int8, "I16": np.int16, "U16": np.uint16,
    "F16": np.float16, "I32": np.int32, "U32": np.uint32, "F32": np.float32,
    "F64": np.float64, "I64": np.int64, "U64": np.uint64,
}


def decode(dtype, raw, shape):
    if dtype == "BF16":
        # bfloat16 is the top half of a float32; numpy has no bfloat16 of its own.
        halves = np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16
        return halves.view("<f4").astype(np.float64).reshape(shape)
    return np.frombuffer(raw, dtype=np.dtype(NUMPY_DTYPES[dtype]).newbyteorder("<")).astype(np.float64).reshape(shape)


def read(path):
    data = open(path, "rb").read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + n].decode("utf-8"))
    body = data[8 + n :]
    metadata = header.pop("__metadata__", None)
    tensors = {}
    for name, info in header.items():
        start, end = info["data_offsets"]
        values = decode(info["dtype"], body[start:end], info["shape"])
        tensors[name] = {"dtype": info["dtype"], "shape": info["shape"], "offsets": [start, end], "values": values.ravel().tolist()}
    order = [name for name in header]
    return {"metadata": metadata, "header_length": n, "order": order, "tensors": tensors}


def raw():
    import torch

    rng = np.random.default_rng(7)
    floats = np.concatenate([rng.normal(0, 3, 40), [0.0, -0.0, 65504.0, 6e-8, 1e-5, np.inf, -np.inf, np.nan]])
    out = {}
    f16 = floats.astype(np.float16)
    out["f16"] = {"dtype": "F16", "hex": f16.astype("<f2").tobytes().hex(), "values": f16.astype(np.float64).tolist()}
    bf16 = torch.tensor(floats, dtype=torch.float32).to(torch.bfloat16)
    out["bf16"] = {"dtype": "BF16", "hex": bf16.view(torch.int16).numpy().astype("<i2").tobytes().hex(), "values": bf16.to(torch.float64).tolist()}
    i64 = np.array([0, -1, 2**53, -(2**40), 123456789], dtype="<i8")
    out["i64"] = {"dtype": "I64", "hex": i64.tobytes().hex(), "values": i64.astype(np.float64).tolist()}
    print(json.dumps(out))


if __name__ == "__main__":
    if sys.argv[1] == "read":
        print(json.dumps(read(sys.argv[2])))
    else:
        raw()
