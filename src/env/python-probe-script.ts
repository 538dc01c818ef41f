/**
 * repro-check's environment probe (Python source), run with the interpreter the training command
 * runs (python-probe.ts) as `python -c PROBE`. Kept as text here so that the bundle carries it.
 */
export const PYTHON_PROBE = `
# repro-check's environment probe, run with the interpreter the training command runs
# (src/env/python-probe.ts). Prints one JSON object on its last line. Reads versions and
# numerics settings only: no model runs, no CUDA context is created and no GPU memory is allocated. A framework that is not
# installed is reported as "not installed"; one that fails to import, with its error.
import importlib.util
import json
import platform
import sys

out = {"python": platform.python_version(), "executable": sys.executable, "frameworks": {}, "packages": {}}
fw = out["frameworks"]


def installed(name):
    try:
        return importlib.util.find_spec(name) is not None
    except Exception:
        return False


try:
    import importlib.metadata as metadata

    for dist in metadata.distributions():
        name = dist.metadata["Name"]
        if name:
            out["packages"][name.lower().replace("_", "-")] = dist.version
except Exception as error:  # Python < 3.8 or a broken site-packages: versions stay unknown
    out["packagesError"] = repr(error)

if installed("torch"):
    try:
        import torch

        fw["torch.version"] = torch.__version__
        fw["torch.cuda"] = str(torch.version.cuda)
        fw["torch.cudnn"] = str(torch.backends.cudnn.version()) if torch.backends.cudnn.is_available() else "not available"
        # The NCCL torch was built with; torch.cuda.is_available() is not asked: it initialises CUDA,
        # and the audit runs this probe beside its first training (a GPU in exclusive-process mode
        # takes one process only). Nothing here touches a device.
        try:
            nccl = torch.cuda.nccl.version() if torch.version.cuda else None
            fw["torch.nccl"] = "not built with CUDA" if nccl is None else ".".join(str(p) for p in nccl) if isinstance(nccl, tuple) else str(nccl)
        except Exception as error:
            fw["torch.nccl"] = "unknown (%s)" % type(error).__name__
        fw["torch.backends.cudnn.enabled"] = str(torch.backends.cudnn.enabled)
        fw["torch.backends.cudnn.benchmark"] = str(torch.backends.cudnn.benchmark)
        fw["torch.backends.cudnn.deterministic"] = str(torch.backends.cudnn.deterministic)
        fw["torch.backends.cudnn.allow_tf32"] = str(torch.backends.cudnn.allow_tf32)
        fw["torch.backends.cuda.matmul.allow_tf32"] = str(torch.backends.cuda.matmul.allow_tf32)
        fw["torch.deterministic_algorithms"] = str(torch.are_deterministic_algorithms_enabled())
        fw["torch.num_threads"] = str(torch.get_num_threads())
        for line in torch.__config__.show().splitlines():
            for item in line.strip().rstrip(",").split(", "):
                for key in ("BLAS_INFO", "LAPACK_INFO"):
                    if item.startswith(key + "="):
                        fw["torch." + key.split("_")[0].lower()] = item.split("=", 1)[1]
    except Exception as error:
        fw["torch.error"] = "%s: %s" % (type(error).__name__, error)
else:
    fw["torch.version"] = "not installed"

if installed("numpy"):
    try:
        import numpy

        fw["numpy.version"] = numpy.__version__
        try:  # numpy >= 1.25
            blas = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]
            fw["numpy.blas"] = ("%s %s" % (blas.get("name", "?"), blas.get("version", ""))).strip()
        except TypeError:  # older numpy: the build-time info dicts
            config = numpy.__config__
            for key in ("openblas_info", "blas_mkl_info", "blis_info", "blas_opt_info"):
                info = getattr(config, key, None) or {}
                if info.get("libraries"):
                    fw["numpy.blas"] = "%s (%s)" % (key.replace("_info", ""), ",".join(info["libraries"]))
                    break
    except Exception as error:
        fw["numpy.error"] = "%s: %s" % (type(error).__name__, error)
else:
    fw["numpy.version"] = "not installed"

if installed("threadpoolctl"):
    try:
        from threadpoolctl import threadpool_info

        for pool in threadpool_info():
            fw["threadpool.%s" % pool.get("internal_api", pool.get("user_api"))] = "%s %s threads=%s" % (pool.get("version"), pool.get("architecture", ""), pool.get("num_threads"))
    except Exception as error:
        fw["threadpool.error"] = "%s: %s" % (type(error).__name__, error)

# Versions only: importing TensorFlow or JAX takes seconds and may claim GPU memory.
for name, dist in (("jax", "jax"), ("jaxlib", "jaxlib"), ("tensorflow", "tensorflow")):
    fw[name + ".version"] = out["packages"].get(dist, "not installed")

print(json.dumps(out, sort_keys=True))
`;
