from __future__ import annotations

import inspect

import unspin
from unspin import errors


def test_public_api_is_exactly_all() -> None:
    public = {name for name in dir(unspin) if not name.startswith("_")}
    modules = {n for n in public if inspect.ismodule(getattr(unspin, n))}
    assert public - modules == set(unspin.__all__) - {"__version__"}
    for name in unspin.__all__:
        assert hasattr(unspin, name), name


def test_every_error_is_exported_and_drawn_in_the_tree() -> None:
    tree = errors.__doc__ or ""
    for name in errors.__all__:
        cls = getattr(errors, name)
        assert issubclass(cls, unspin.UnspinError)
        assert name in unspin.__all__
        assert name in tree, f"{name} missing from the tree in errors.py"


def test_missing_extra_says_what_to_install() -> None:
    message = str(unspin.MissingExtraError("trafilatura", "html"))
    assert message.endswith("(pip install 'unspin[html]')")
