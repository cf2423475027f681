"""Measures of one dimension in one unit, so that frames compare "150 cm" with "1.5 m".

A quantity's ``unit`` is already normalised by :mod:`.quantities` ("centimetres" ->
"cm", "kilos" -> "kg"); :func:`in_base_unit` gives the dimension of a length, mass,
volume or area unit and the value in that dimension's base unit (metres, kilograms,
litres, square metres).
Other units (currencies, percentages, counted nouns, temperatures) have no base here.
"""

from __future__ import annotations

__all__ = ["in_base_unit"]

#: unit -> (dimension, how many base units one of it is)
_FACTORS: dict[str, tuple[str, float]] = {
    # length, in metres
    "km": ("length", 1000.0), "m": ("length", 1.0), "cm": ("length", 0.01),
    "mm": ("length", 0.001), "mi": ("length", 1609.344), "ft": ("length", 0.3048),
    "in": ("length", 0.0254), "yd": ("length", 0.9144), "nmi": ("length", 1852.0),
    # mass, in kilograms
    "kg": ("mass", 1.0), "g": ("mass", 0.001), "mg": ("mass", 1e-6), "t": ("mass", 1000.0),
    "Mt": ("mass", 1e9), "lb": ("mass", 0.45359237), "oz": ("mass", 0.028349523125),
    # volume, in litres
    "L": ("volume", 1.0), "ml": ("volume", 0.001), "gal": ("volume", 3.785411784),
    # area, in square metres
    "m2": ("area", 1.0), "km2": ("area", 1e6), "ha": ("area", 1e4), "acre": ("area", 4046.8564224),
    "mi2": ("area", 2589988.110336), "ft2": ("area", 0.09290304), "yd2": ("area", 0.83612736),
}  # fmt: skip


def in_base_unit(unit: str | None, value: float) -> tuple[str, float] | None:
    """``(dimension, value in the base unit)`` of a length, mass or volume ("cm", 150.0 ->
    ("length", 1.5)); ``None`` for any other unit."""
    found = _FACTORS.get(unit or "")
    if found is None:
        return None
    dimension, factor = found
    return dimension, value * factor
