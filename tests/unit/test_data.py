import hashlib
import shutil

import numpy as np
import pytest

from core import data

# The checksums published in DEVELOPERS.md / data/README.md, written out again on purpose.
PUBLISHED = {
    "x_train": "741c988805d008ac6e4c904b69001ba184c24b2c540a4ef403f4c71b676cf757",
    "y_train": "1feba77c54802fa5339a11837ea4b2866434b83314ec45192930f1df69120c13",
    "x_test": "6d87418db22cc8025d05968bec9bd5c3932904b23485740db143a061a2c9d161",
    "y_test": "ddeff807876a9661a1110d45c266c86239a3a1b7d37da0c3716a7a683c852ff5",
}


def test_shipped_file_is_official_mnist(mnist):
    for name, checksum in PUBLISHED.items():
        array = getattr(mnist, name)
        assert hashlib.sha256(array.tobytes()).hexdigest() == checksum
        assert array.dtype == np.uint8
    assert mnist.x_train.shape == (60000, 28, 28) and mnist.x_test.shape == (10000, 28, 28)
    assert sorted(np.unique(mnist.y_train)) == list(range(10))
    # the well-known first labels of MNIST
    assert mnist.y_train[:5].tolist() == [5, 0, 4, 1, 9]
    assert mnist.y_test[:5].tolist() == [7, 2, 1, 0, 4]


def test_arrays_are_read_only(mnist):
    for name in PUBLISHED:
        with pytest.raises(ValueError):
            getattr(mnist, name)[0] = 0


def test_missing_file_names_the_file_and_the_fix(tmp_path):
    missing = tmp_path / "nowhere.npz"
    with pytest.raises(data.MnistDataError) as caught:
        data.load_mnist(missing)
    message = str(caught.value)
    assert str(missing) in message and "missing" in message and "git checkout" in message


def test_truncated_file_is_reported(tmp_path):
    broken = tmp_path / "mnist.npz"
    broken.write_bytes(data.DATA_PATH.read_bytes()[:100_000])
    with pytest.raises(data.MnistDataError, match="cannot be read"):
        data.load_mnist(broken)


def test_garbage_file_is_reported(tmp_path):
    broken = tmp_path / "mnist.npz"
    broken.write_text("not a zip file")
    with pytest.raises(data.MnistDataError, match="cannot be read"):
        data.load_mnist(broken)


def _write(path, **overrides):
    with np.load(data.DATA_PATH) as archive:
        arrays = {name: archive[name] for name in archive.files}
    arrays.update(overrides)
    arrays = {k: v for k, v in arrays.items() if v is not None}
    np.savez(path, **arrays)


def test_altered_pixel_fails_the_checksum(tmp_path, mnist):
    altered = mnist.x_test.copy()
    altered[0, 14, 14] ^= 1
    _write(tmp_path / "m.npz", x_test=altered)
    with pytest.raises(data.MnistDataError, match="checksum of 'x_test'"):
        data.load_mnist(tmp_path / "m.npz")


def test_wrong_dtype_shape_or_missing_array(tmp_path, mnist):
    _write(tmp_path / "dtype.npz", y_test=mnist.y_test.astype(np.int64))
    with pytest.raises(data.MnistDataError, match="dtype"):
        data.load_mnist(tmp_path / "dtype.npz")
    _write(tmp_path / "shape.npz", y_test=mnist.y_test[:10])
    with pytest.raises(data.MnistDataError, match="shape"):
        data.load_mnist(tmp_path / "shape.npz")
    _write(tmp_path / "gone.npz", y_train=None)
    with pytest.raises(data.MnistDataError, match="'y_train' is missing"):
        data.load_mnist(tmp_path / "gone.npz")


def test_environment_variable_points_elsewhere(tmp_path, monkeypatch):
    copy = tmp_path / "copy.npz"
    shutil.copy(data.DATA_PATH, copy)
    monkeypatch.setenv(data.PATH_VARIABLE, str(copy))
    assert data.data_path() == copy
    monkeypatch.setenv(data.PATH_VARIABLE, str(tmp_path / "absent.npz"))
    with pytest.raises(data.MnistDataError, match="absent.npz"):
        data.load_mnist()


def test_to_float_and_flatten(mnist):
    rows = data.as_rows(mnist.x_test[:50])
    assert rows.shape == (50, 784) and rows.dtype == np.float32
    assert rows.min() == 0.0 and rows.max() == 1.0
    np.testing.assert_allclose(rows[0].reshape(28, 28) * 255, mnist.x_test[0])
    assert not rows.flags.writeable
    assert data.to_float(np.array([0, 51, 255], dtype=np.uint8)).tolist() == pytest.approx([0, 0.2, 1])


def test_one_hot():
    encoded = data.one_hot(np.array([3, 0, 9]))
    assert encoded.shape == (3, 10) and encoded.dtype == np.float32
    assert encoded.sum(axis=1).tolist() == [1, 1, 1]
    assert encoded[0, 3] == encoded[1, 0] == encoded[2, 9] == 1
    with pytest.raises(ValueError):
        data.one_hot(np.array([10]))


def test_stratified_subset_keeps_proportions_and_is_reproducible(mnist):
    labels = mnist.y_train
    subset = data.stratified_subset(labels, 1000, seed=3)
    assert subset.size == 1000 and np.unique(subset).size == 1000
    expected = np.bincount(labels) * 1000 / labels.size
    assert np.all(np.abs(np.bincount(labels[subset]) - expected) < 1)
    np.testing.assert_array_equal(subset, data.stratified_subset(labels, 1000, seed=3))
    assert not np.array_equal(subset, data.stratified_subset(labels, 1000, seed=4))
    assert data.stratified_subset(labels, labels.size).size == labels.size
    with pytest.raises(ValueError):
        data.stratified_subset(labels, 0)
    with pytest.raises(ValueError):
        data.stratified_subset(labels, labels.size + 1)


def test_random_indices():
    drawn = data.random_indices(60000, 100, seed=1)
    assert np.unique(drawn).size == 100 and drawn.max() < 60000
    np.testing.assert_array_equal(drawn, data.random_indices(60000, 100, seed=1))
    with pytest.raises(ValueError):
        data.random_indices(10, 11, seed=0)


def test_each_problem_has_a_code_and_details_for_the_page(tmp_path, mnist):
    """A page says what is wrong in its language from the code and details; the English stays for the log."""
    import pickle

    from core.texts import t
    from core.texts.families import FAMILIES

    broken = tmp_path / "garbage.npz"
    broken.write_bytes(b"PK\x03\x04 a zip file cut short")
    _write(tmp_path / "shape.npz", y_test=mnist.y_test[:10])
    _write(tmp_path / "gone.npz", y_train=None)
    cases = [(tmp_path / "nowhere.npz", "missing_file", {}), (broken, "unreadable", {}),
             (tmp_path / "shape.npz", "wrong_shape", {"name": "y_test", "expected": (10000,)}),
             (tmp_path / "gone.npz", "missing_array", {"name": "y_train"})]
    for path, code, details in cases:
        with pytest.raises(data.MnistDataError) as caught:
            data.load_mnist(path)
        error = caught.value
        assert (error.code, error.details) == (code, details) and code in FAMILIES["data_problem_"]
        assert t("data_problem_" + code, "fr", **details)  # every detail the French message needs
        copy = pickle.loads(pickle.dumps(error))         # as a worker process sends it back
        assert (copy.code, copy.details, copy.technical, str(copy)) == (code, details, error.technical, str(error))
    assert caught.value.technical is None
    with pytest.raises(data.MnistDataError) as caught:
        data.load_mnist(broken)
    assert caught.value.technical.startswith("BadZipFile") and caught.value.technical not in t(
        "data_problem_unreadable", "fr")
