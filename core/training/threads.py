"""One thread per computation: the class's parallelism is several students' work side by side.

A classroom server runs every student's work in one process (see :mod:`core.training.hub`: one
training chunk per core at a time). A library that also splits its own work across the
cores then fights the other students' work for them. Measured on 2 cores, a
``LogisticRegression`` fit on 20 000 digits took 12.3 s of CPU (6.2 s wall) with its default
threads and 3.5 s (3.6 s wall) with one: OpenMP (scikit-learn's loss) and the BLAS that scipy
ships were never limited by a ``threadpool_limits(user_api="blas")`` made before they were
loaded, and libgomp only reads its thread count once, from the environment, when it loads.
"""

from __future__ import annotations

import os

# read by libgomp / OpenBLAS / MKL when they load; a value already set by whoever runs the server wins
VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def one_thread_each() -> None:
    """Before the numerical libraries are imported: each of them computes on one thread."""
    for name in VARIABLES:
        os.environ.setdefault(name, "1")


def limit_loaded_libraries() -> list[dict]:
    """After the imports: every thread pool already loaded limited to one thread; their descriptions."""
    from threadpoolctl import threadpool_info, threadpool_limits

    threadpool_limits(limits=1)
    return threadpool_info()
