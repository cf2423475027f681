"""The small models' PyTorch threads (:mod:`unspin.threads`): one by default, as many as
``$UNSPIN_TORCH_THREADS`` says, PyTorch's own with 0, and the process's setting back after
the block; a bad value is a one-line configuration error naming the variable."""

from __future__ import annotations

import pytest
import torch

from unspin.errors import ConfigError
from unspin.threads import ENV, one_torch_thread, small_model_threads


@pytest.fixture
def two_threads() -> object:
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    yield
    torch.set_num_threads(before)


def test_one_thread_inside_the_block_and_the_setting_back_after(
    two_threads: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV, raising=False)
    with one_torch_thread():
        assert torch.get_num_threads() == 1
    assert torch.get_num_threads() == 2


def test_zero_leaves_pytorch_alone(two_threads: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "0")
    with one_torch_thread():
        assert torch.get_num_threads() == 2


def test_the_setting_comes_back_when_the_block_fails(
    two_threads: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, "1")
    with pytest.raises(RuntimeError), one_torch_thread():
        raise RuntimeError("inside")
    assert torch.get_num_threads() == 2


@pytest.mark.parametrize(("raw", "wanted"), [("", 1), (" 3 ", 3), ("0", 0)])
def test_the_variable_is_read_as_a_count(
    raw: str, wanted: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, raw)
    assert small_model_threads() == wanted


def test_a_bad_value_names_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "many")
    with pytest.raises(ConfigError, match=ENV):
        small_model_threads()
