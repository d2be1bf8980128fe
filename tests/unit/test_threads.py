"""One thread per computation, whatever the numerical libraries would choose by themselves."""

import json
import os
import subprocess
import sys
from pathlib import Path

from core.training import threads

ROOT = Path(__file__).resolve().parents[2]

# What the server does: the environment first (app.py), the heavy imports, then the limits
# (ui.common.configure_server); then every thread pool loaded, as threadpoolctl sees it.
PROBE = """
import json, sys
sys.path.insert(0, {root!r})
from core.training import threads
threads.one_thread_each()
import numpy, scipy.linalg, sklearn.linear_model, sklearn.neural_network
info = threads.limit_loaded_libraries()
import os
print(json.dumps({{"pools": [(i["user_api"], i["internal_api"], i["num_threads"]) for i in info],
                   "omp": os.environ.get("OMP_NUM_THREADS")}}))
"""


def _probe(**environment) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in threads.VARIABLES}
    env.update(environment)
    result = subprocess.run([sys.executable, "-c", PROBE.format(root=str(ROOT))], env=env, capture_output=True,
                            text=True, timeout=120, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_thread_pool_of_the_server_computes_on_one_thread():
    found = _probe()
    apis = {api for api, _, _ in found["pools"]}
    assert "blas" in apis and "openmp" in apis  # numpy's / scipy's OpenBLAS, scikit-learn's OpenMP
    assert all(count == 1 for _, _, count in found["pools"]), found["pools"]


def test_a_thread_count_set_by_whoever_runs_the_server_is_kept():
    assert _probe(OMP_NUM_THREADS="2")["omp"] == "2"
