"""MNIST on board: load the shipped copy once, verify it, and prepare it.

The arrays returned by :func:`load_mnist` are read-only uint8 arrays. They are
meant to be shared by every session of the server; helpers that need another
form (float32 in [0, 1], flattened rows, subsets) return new arrays and never
modify their input.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "mnist.npz"
# A deployment may keep the file elsewhere: MNIST_PATH=/srv/mnist.npz streamlit run app.py
PATH_VARIABLE = "MNIST_PATH"
N_CLASSES = 10
IMAGE_SIDE = 28
N_PIXELS = IMAGE_SIDE * IMAGE_SIDE

# name: (shape, SHA-256 of the array's bytes), see data/README.md
EXPECTED_ARRAYS: dict[str, tuple[tuple[int, ...], str]] = {
    "x_train": ((60000, 28, 28), "741c988805d008ac6e4c904b69001ba184c24b2c540a4ef403f4c71b676cf757"),
    "y_train": ((60000,), "1feba77c54802fa5339a11837ea4b2866434b83314ec45192930f1df69120c13"),
    "x_test": ((10000, 28, 28), "6d87418db22cc8025d05968bec9bd5c3932904b23485740db143a061a2c9d161"),
    "y_test": ((10000,), "ddeff807876a9661a1110d45c266c86239a3a1b7d37da0c3716a7a683c852ff5"),
}

RESTORE_HINT = (
    "Restore it from the project's repository (git checkout -- data/mnist.npz) "
    "or copy the official MNIST file described in data/README.md to that path."
)


# What can be wrong with the file, each a message of core.texts ("data_problem_" + code) that a
# page shows in its language, with the error's details (an array's name, its expected shape).
PROBLEMS = ("missing_file", "missing_array", "unreadable", "wrong_type", "wrong_shape", "wrong_checksum")


class MnistDataError(RuntimeError):
    """The MNIST file is missing, unreadable or not the expected data.

    ``code`` (one of PROBLEMS) and ``details`` say what, for a page to write it in its language;
    ``problem`` says it in English for the server's log, and ``technical`` is the underlying
    error, if any ("BadZipFile: File is not a zip file"), shown to whoever fixes the server.
    """

    def __init__(self, path: Path, problem: str, code: str, technical: str | None = None, **details):
        if code not in PROBLEMS:
            raise ValueError(f"unknown MNIST problem {code!r}")
        self.path = Path(path)
        self.problem, self.code, self.details, self.technical = problem, code, details, technical
        super().__init__(f"MNIST data file {self.path}: {problem}. {RESTORE_HINT}")

    def __reduce__(self):  # sent back whole from a worker process (core.training.workers)
        return _mnist_data_error, (self.path, self.problem, self.code, self.technical, self.details)


def _mnist_data_error(path, problem, code, technical, details) -> MnistDataError:
    return MnistDataError(path, problem, code, technical, **details)


@dataclass(frozen=True)
class Mnist:
    """The four MNIST arrays, read-only uint8 (images 28x28, labels 0-9)."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


def sha256_of(array: np.ndarray) -> str:
    return hashlib.sha256(np.ascontiguousarray(array).tobytes()).hexdigest()


def _read_only(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


def data_path() -> Path:
    """Where MNIST is read from: $MNIST_PATH if set, else the project's data/mnist.npz."""
    return Path(os.environ.get(PATH_VARIABLE) or DATA_PATH)


def load_mnist(path: Path | str | None = None, verify_checksums: bool = True) -> Mnist:
    """Load, check and return MNIST; raise :class:`MnistDataError` on any problem."""
    path = Path(path) if path is not None else data_path()
    if not path.is_file():
        raise MnistDataError(path, "the file is missing", "missing_file")
    arrays: dict[str, np.ndarray] = {}
    try:
        with np.load(path, allow_pickle=False) as archive:
            for name in EXPECTED_ARRAYS:
                if name not in archive.files:
                    raise MnistDataError(path, f"the array '{name}' is missing", "missing_array", name=name)
                arrays[name] = archive[name]
    except MnistDataError:
        raise
    except (OSError, ValueError, EOFError, zipfile.BadZipFile, KeyError) as error:
        technical = f"{type(error).__name__}: {error}"
        raise MnistDataError(path, f"the file cannot be read ({technical})", "unreadable", technical) from error
    for name, (shape, checksum) in EXPECTED_ARRAYS.items():
        array = arrays[name]
        if array.dtype != np.uint8:
            raise MnistDataError(path, f"'{name}' has dtype {array.dtype}, expected uint8", "wrong_type",
                                 f"dtype {array.dtype}", name=name)
        if array.shape != shape:
            raise MnistDataError(path, f"'{name}' has shape {array.shape}, expected {shape}", "wrong_shape",
                                 f"shape {array.shape}", name=name, expected=shape)
        if verify_checksums and sha256_of(array) != checksum:
            raise MnistDataError(path, f"the checksum of '{name}' does not match (the file is corrupt or not official "
                                 "MNIST)", "wrong_checksum", name=name)
    return Mnist(**{name: _read_only(array) for name, array in arrays.items()})


def to_float(images: np.ndarray) -> np.ndarray:
    """Scale uint8 grey levels 0-255 to float32 in [0, 1] (a new array)."""
    return np.asarray(images, dtype=np.float32) / np.float32(255.0)


def flatten(images: np.ndarray) -> np.ndarray:
    """Turn images (n, 28, 28) into rows (n, 784), the network's input layout."""
    images = np.asarray(images)
    return images.reshape(images.shape[0], -1)


def as_rows(images: np.ndarray) -> np.ndarray:
    """Images (n, 28, 28) uint8 -> read-only float32 rows (n, 784) in [0, 1]."""
    return _read_only(flatten(to_float(images)))


def one_hot(labels: np.ndarray, n_classes: int = N_CLASSES) -> np.ndarray:
    """Labels (n,) -> one-hot float32 matrix (n, n_classes)."""
    labels = np.asarray(labels)
    if labels.ndim != 1:
        raise ValueError("labels must be a 1-D array")
    if labels.size and (labels.min() < 0 or labels.max() >= n_classes):
        raise ValueError(f"labels must lie in 0..{n_classes - 1}")
    encoded = np.zeros((labels.size, n_classes), dtype=np.float32)
    encoded[np.arange(labels.size), labels.astype(np.intp)] = 1.0
    return encoded


def stratified_subset(labels: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    """Indices of ``n`` examples keeping the class proportions of ``labels``.

    Deterministic for a given seed; returns indices sorted in increasing order.
    ``n`` equal to the number of labels returns every index.
    """
    labels = np.asarray(labels)
    total = labels.size
    if not 1 <= n <= total:
        raise ValueError(f"subset size must be between 1 and {total}, got {n}")
    if n == total:
        return np.arange(total)
    rng = np.random.default_rng(seed)
    classes, counts = np.unique(labels, return_counts=True)
    exact = counts * n / total
    quota = np.floor(exact).astype(int)
    # hand the remaining places to the classes with the largest remainders
    remaining = n - quota.sum()
    order = np.argsort(-(exact - quota), kind="stable")
    quota[order[:remaining]] += 1
    chosen = [
        rng.choice(np.flatnonzero(labels == cls), size=k, replace=False)
        for cls, k in zip(classes, quota)
        if k > 0
    ]
    return np.sort(np.concatenate(chosen))


def random_indices(total: int, count: int, seed: int) -> np.ndarray:
    """``count`` distinct indices out of ``total``, reproducible for a seed."""
    if not 0 <= count <= total:
        raise ValueError(f"cannot draw {count} distinct indices out of {total}")
    return np.random.default_rng(seed).choice(total, size=count, replace=False)


# ------------------------------------------------------------------ rows shared by processes
# The float32 rows the models read (220 MB) are written once to a cache file and memory-mapped
# read-only by the page server and by every worker process: the operating system keeps one copy
# in its page cache for all of them, where each process used to make its own.
CACHE_VARIABLE = "MNIST_CACHE_DIR"
CACHE_DIR = Path(__file__).resolve().parent.parent / "var" / "cache"


@dataclass(frozen=True)
class TrainingRows:
    """MNIST as the models read it: float32 rows (n, 784) in [0, 1], read-only, and the labels."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray


_rows: TrainingRows | None = None
_dataset: Mnist | None = None
_rows_lock = threading.Lock()


def _cache_dirs() -> list[Path]:
    chosen = os.environ.get(CACHE_VARIABLE)
    return [Path(chosen)] if chosen else [CACHE_DIR, Path(tempfile.gettempdir()) / "ia-et-nous-cache"]


def _mapped_rows(name: str, images: np.ndarray, digest: str) -> np.ndarray:
    """``as_rows(images)`` memory-mapped from the cache (written first if missing), else in memory."""
    for folder in _cache_dirs():
        path = folder / f"mnist-{digest}-{name}-float32.npy"
        try:
            if not path.is_file():
                folder.mkdir(parents=True, exist_ok=True)
                # written aside, then renamed: a process reading it never sees half a file
                handle, partial = tempfile.mkstemp(dir=folder, suffix=".npy.partial")
                with os.fdopen(handle, "wb") as file:
                    np.save(file, flatten(to_float(images)))
                os.replace(partial, path)
            rows = np.load(path, mmap_mode="r")
            if rows.shape == (images.shape[0], N_PIXELS) and rows.dtype == np.float32:
                return rows
        except (OSError, ValueError):
            continue
    return as_rows(images)


def training_rows(path: Path | str | None = None) -> TrainingRows:
    """This process's shared rows, loaded (and checked) once; :class:`MnistDataError` if the file is bad."""
    global _rows, _dataset
    with _rows_lock:
        if _rows is None:
            dataset = _dataset = load_mnist(path)
            # load_mnist checked the arrays against these checksums
            digest = EXPECTED_ARRAYS["x_train"][1][:12] + EXPECTED_ARRAYS["x_test"][1][:12]
            _rows = TrainingRows(_mapped_rows("train", dataset.x_train, digest), dataset.y_train,
                                 _mapped_rows("test", dataset.x_test, digest), dataset.y_test)
        return _rows


def shared_mnist() -> Mnist:
    """This process's uint8 MNIST, loaded with :func:`training_rows` (the images that get shifted, drawn)."""
    training_rows()
    return _dataset


class _SharedRow:
    """In a pickle: "this process's shared rows ``name``" instead of their 190 MB."""

    def __init__(self, name: str):
        self.name = name


class SharedRowsPickling:
    """A trainer whose attributes holding the shared rows pickle as references to them.

    A run's trainer travels between the server and the worker processes after each chunk
    (core.training.hub.advance_trainer): its weights and its place in the data do, the data does not.
    """

    def __getstate__(self) -> dict:
        rows = _rows
        shared = {} if rows is None else {id(getattr(rows, name)): name for name in TrainingRows.__dataclass_fields__}
        return {key: _SharedRow(shared[id(value)]) if id(value) in shared else value
                for key, value in self.__dict__.items()}

    def __setstate__(self, state: dict) -> None:
        if any(isinstance(value, _SharedRow) for value in state.values()):
            rows = training_rows()
            state = {key: getattr(rows, value.name) if isinstance(value, _SharedRow) else value
                     for key, value in state.items()}
        self.__dict__.update(state)
