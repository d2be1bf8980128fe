"""The networks shipped in ``data/``: their files checked, loaded, and measured on shifted digits."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import NamedTuple

import numpy as np

from core import data
from core.lesson import translation
from core.models.convnet.network import ConvNet

DATA_DIR = Path(__file__).resolve().parents[3] / "data"


class Shipped(NamedTuple):
    """A trained network shipped in data/ (see data/README.md), and what it measured."""

    file: str
    sha256: str               # of the file's bytes
    test_accuracy: float      # on the 10 000 test digits
    shift_accuracy: float     # on the test digits moved by SHIFT pixels, worst of the 8 directions
    worst_shift: tuple        # that direction (dx, dy)


SHIFT = 4


# Written by `python -m core.models.convnet.train`, checked by its --check and by the unit tests.
SHIPPED: dict[str, Shipped] = {
    "lesson": Shipped("convnet_lesson.npz", "7254950840c4ea5366fddce66d81e1c6962b4ed8d5d963b7a40b1e309ce4467d",
                      0.9936, 0.2053, (4, 4)),
    "global_pooling": Shipped("convnet_global_pooling.npz",
                              "5cde26cf69331e42057b42383cbb908f29cc7501ec245c5356324331bae11eb1",
                              0.9906, 0.9493, (-4, 4)),
}


class ShippedNetworkError(RuntimeError):
    """A shipped network's file is missing or is not the one measured (its SHA-256 differs)."""


def file_sha256(path: Path | str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_shipped(name: str, folder: Path | str = DATA_DIR) -> ConvNet:
    """The shipped network ``name`` ("lesson" or "global_pooling"), its file's checksum verified."""
    shipped = SHIPPED[name]
    path = Path(folder) / shipped.file
    if not path.is_file():
        raise ShippedNetworkError(f"{path} is missing: restore it with git, or retrain it with "
                                  f"python -m core.models.convnet.train --which {name}")
    if file_sha256(path) != shipped.sha256:
        raise ShippedNetworkError(f"{path} is not the network measured in core/models/convnet/shipped.py (SHA-256 differs)")
    return ConvNet.load(path)


CURVES_FILE = "convnet_curves.json"


def curves_of(network: ConvNet) -> dict[str, list[float]]:
    """Accuracy on the 10 000 test digits moved by 0..PAGE_SHIFT pixels, in each direction: {direction: list}."""
    mnist = data.shared_mnist()
    found = translation.shift_curves(network.predict, mnist.x_test, mnist.y_test, translation.PAGE_SHIFT)
    return {direction: [float(value) for value in values] for direction, values in found.items()}


def write_curves(folder: Path | str = DATA_DIR) -> Path:
    """Measure every shipped network against the shift and write the curves beside them (the page's answer)."""
    measured = {name: {"sha256": file_sha256(Path(folder) / SHIPPED[name].file),
                       "curves": curves_of(load_shipped(name, folder))} for name in SHIPPED}
    path = Path(folder) / CURVES_FILE
    path.write_text(json.dumps(measured, indent=1, sort_keys=True) + "\n")
    return path


def shipped_curves(name: str, folder: Path | str = DATA_DIR) -> dict[str, list[float]]:
    """The curves measured on network ``name`` (see :func:`write_curves`), checked against its file's checksum."""
    path = Path(folder) / CURVES_FILE
    try:
        measured = json.loads(path.read_text())[name]
    except (OSError, ValueError, KeyError) as error:
        raise ShippedNetworkError(f"{path} cannot be read ({type(error).__name__}): python -m "
                                  "core.models.convnet.train --curves measures them again") from error
    if measured.get("sha256") != SHIPPED[name].sha256:
        raise ShippedNetworkError(f"{path} was measured on another {SHIPPED[name].file}: python -m "
                                  "core.models.convnet.train --curves measures them again")
    return measured["curves"]


def shift_directions(shift: int = SHIFT) -> list[tuple[int, int]]:
    """The 8 shifts (dx, dy) of ``shift`` pixels: left, right, up, down and the four diagonals."""
    return [(dx, dy) for dy in (-shift, 0, shift) for dx in (-shift, 0, shift) if dx or dy]


def shift_accuracies(network: ConvNet, images: np.ndarray, labels: np.ndarray,
                     shift: int = SHIFT) -> dict[tuple[int, int], float]:
    """Accuracy on ``images`` (n, 28, 28) uint8 moved by ``shift`` pixels in each of the 8 directions.

    The images are shifted by :func:`core.translation.shift_images` (zero-filled,
    the ink pushed out is lost). Returns {(dx, dy): accuracy}.
    """
    pairs = shift_directions(shift)
    accuracies = translation.accuracy_for_shifts(network.predict, images, labels, pairs)
    return {pair: float(accuracy) for pair, accuracy in zip(pairs, accuracies)}
