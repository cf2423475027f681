"""How many threads PyTorch runs the small models of every document on.

The techniques tagger's LSTM and the task adapters run many small operations one after
another. With PyTorch's default, one thread per core, every step waits on all the
threads: on a machine whose cores are busy with other work (a server, a batch of workers,
a shared laptop) a step waits for a thread the system set aside. The tagger's LSTM over a
300-piece segment took 1.7 s on two threads against 0.013 s on one, with 30 times the CPU
time, on two cores busy with other jobs (``bench/torch_threads.py`` measures whole
articles). :func:`one_torch_thread` runs such a block on ``$UNSPIN_TORCH_THREADS``
threads (default 1; 0 leaves PyTorch's setting alone) and gives the process its setting
back after it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from unspin.errors import ConfigError

__all__ = ["ENV", "one_torch_thread", "small_model_threads"]

#: The environment variable that sets the threads of the small models (0: PyTorch's own).
ENV = "UNSPIN_TORCH_THREADS"


def small_model_threads() -> int:
    """``$UNSPIN_TORCH_THREADS`` as a count (default 1; 0: PyTorch's own setting)."""
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return 1
    if not raw.isdigit():
        raise ConfigError(
            f"${ENV} must be a whole number of threads, not {raw[:40]!r}",
            hint="1 (the default) or more; 0 leaves PyTorch's own setting",
        )
    return int(raw)


@contextmanager
def one_torch_thread() -> Iterator[None]:
    """Run the block with PyTorch on :func:`small_model_threads` intra-op threads, then
    restore the process's setting."""
    import torch

    wanted = small_model_threads()
    before = torch.get_num_threads()
    if wanted == 0 or wanted == before:
        yield
        return
    torch.set_num_threads(wanted)
    try:
        yield
    finally:
        torch.set_num_threads(before)
