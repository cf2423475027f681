"""Typed analyzer options: one frozen dataclass per analyzer, with defaults and docs.

An analyzer declares ``Options = MyOptions``, a frozen dataclass whose fields are made
with :func:`option` (a default and a one-line doc). :func:`build_options` turns the
``[analyzers.NAME]`` table of a config into an instance, failing with a one-line
:class:`~unspin.errors.ConfigError` that names the option and the allowed values;
:func:`options_toml` writes the table back as commented TOML (``unspin config``).
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, get_args, get_origin

from unspin.errors import ConfigError

__all__ = ["NoOptions", "build_options", "option", "option_docs", "options_toml"]

OptionsT = TypeVar("OptionsT")


def option(default: Any, doc: str) -> Any:
    """A dataclass field with a default and the one-line doc ``unspin config`` prints."""
    return dataclasses.field(default=default, metadata={"doc": doc})


@dataclass(frozen=True)
class NoOptions:
    """An analyzer without options."""


def option_docs(cls: type[Any]) -> dict[str, str]:
    """Each option's doc, by name."""
    return {f.name: str(f.metadata.get("doc", "")) for f in dataclasses.fields(cls)}


def _kind(tp: Any) -> tuple[str, tuple[Any, ...]]:
    """('bool' | 'int' | 'float' | 'str' | 'literal', choices) of a field type."""
    origin = get_origin(tp)
    if origin is Literal:
        return "literal", get_args(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return _kind(args[0])
        if {_kind(a)[0] for a in args} == {"str", "strings"}:
            return "paths", ()
    if origin in (list, tuple) and all(a in (str, Ellipsis) for a in get_args(tp)):
        return "strings", ()
    for name, py in (("bool", bool), ("int", int), ("float", float), ("str", str)):
        if tp is py:
            return name, ()
    return "any", ()


def _describe(kind: str, choices: tuple[Any, ...]) -> str:
    if kind == "literal":
        return "one of " + ", ".join(json.dumps(c) for c in choices)
    return {
        "bool": "true or false",
        "int": "an integer",
        "float": "a number",
        "str": "a string",
        "strings": "a list of strings",
        "paths": "a path or a list of paths",
    }.get(kind, "a value")


def _check(kind: str, choices: tuple[Any, ...], value: Any) -> Any:
    """The value converted to the option's type, or raise ValueError."""
    if kind == "bool":
        if isinstance(value, bool):
            return value
    elif kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif kind == "float":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
    elif kind == "str":
        if isinstance(value, str):
            return value
    elif kind in ("strings", "paths"):
        if isinstance(value, str) and kind == "paths":
            return value
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return tuple(value)
    elif kind == "literal":
        if value in choices and not isinstance(value, bool):
            return value
    else:
        return value
    raise ValueError(value)


def build_options(cls: type[OptionsT], values: Mapping[str, Any], analyzer: str) -> OptionsT:
    """An instance of ``cls`` from a config table; unknown or ill-typed keys raise
    :class:`ConfigError` naming the option and what it allows."""
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(values) - set(fields))
    if unknown:
        known = ", ".join(sorted(fields)) or "none"
        raise ConfigError(
            f"unknown option(s) {', '.join(unknown)} for analyzer {analyzer!r}",
            hint=f"known options: {known}",
        )
    out: dict[str, Any] = {}
    for name, value in values.items():
        kind, choices = _kind(hints[name])
        try:
            out[name] = _check(kind, choices, value)
        except ValueError:
            raise ConfigError(
                f"option {name!r} of analyzer {analyzer!r} must be {_describe(kind, choices)}"
                f", not {value!r}",
                hint=f"set [analyzers.{analyzer}] {name} = {_toml(fields[name].default)}",
            ) from None
    instance = cls(**out)
    check = getattr(instance, "check", None)
    if callable(check):
        problem = check()
        if problem:
            raise ConfigError(f"analyzer {analyzer!r}: {problem}")
    return instance


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def options_toml(cls: type[Any], analyzer: str) -> str:
    """The ``[analyzers.NAME]`` table with every option at its default, each after its doc."""
    lines = [f"[analyzers.{analyzer}]"]
    for f in dataclasses.fields(cls):
        doc = str(f.metadata.get("doc", ""))
        lines.extend(f"# {line}" if line else "#" for line in doc.splitlines())
        lines.append(f"{f.name} = {_toml(f.default)}")
    return "\n".join(lines) + "\n"
