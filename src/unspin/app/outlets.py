"""Outlet profiles over a store (``unspin corpus outlets``, the web's ``/outlets``):
:func:`outlet_profiles` reads the store and the published ratings configured for the
``outlets`` analyzer; the computation is :mod:`unspin.outlets.profile`.

Profiles are kept for the process (the last :data:`KEPT`, per store, outlet, ratings
folder and resampling) and reused while the store is unchanged
(:func:`unspin.outlets.counts.store_state`: documents, findings and narratives counted), so
a server's pages do not recount a large corpus at every request."""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from unspin.app.pipelines import ConfigSource
from unspin.app.readers import reading
from unspin.config import load_config
from unspin.outlets.counts import store_state
from unspin.outlets.profile import RESAMPLES, SEED, OutletProfiles, UnknownOutletError
from unspin.outlets.profile import outlet_profiles as profiles_of
from unspin.outlets.ratings import OutletRatings, load

__all__ = ["KEPT", "outlet_profiles", "ratings_folder"]

#: Profile results kept for the process.
KEPT = 32
_KEPT: OrderedDict[tuple[Any, ...], OutletProfiles] = OrderedDict()
_LOCK = threading.Lock()


def ratings_folder(config: ConfigSource = None, ratings: str | Path | None = None) -> str:
    """The ``domain-ratings`` folder: ``ratings`` if given, else the configured
    ``[analyzers.outlets] path`` (empty: none)."""
    if ratings:
        return str(ratings)
    return str(load_config(config).options_for("outlets").get("path") or "")


def outlet_profiles(
    db: str | Path | None,
    name: str | None = None,
    *,
    config: ConfigSource = None,
    ratings: str | Path | None = None,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> OutletProfiles:
    """The profiles of every outlet of the store at ``db`` (largest first), or of the
    outlet ``name`` alone (``UnknownOutletError`` when no document has it), each with the
    published ratings of the folder ``ratings`` (default: the one configured for the
    ``outlets`` analyzer; none configured, none shown)."""
    folder = ratings_folder(config, ratings)
    loaded: OutletRatings | None = load(folder) if folder else None
    with reading(db) as store:
        key = (store.url, name, folder, resamples, seed, store_state(store.sql))
        with _LOCK:
            found = _KEPT.get(key)
            if found is not None:
                _KEPT.move_to_end(key)
                return found
        unknown: UnknownOutletError | None = None
        try:
            profiles = profiles_of(store.sql, name, ratings=loaded, resamples=resamples, seed=seed)
        except UnknownOutletError as exc:  # the store is fine: keep it open for the next read
            unknown = exc
    if unknown is not None:
        raise unknown
    with _LOCK:
        _KEPT[key] = profiles
        while len(_KEPT) > KEPT:
            _KEPT.popitem(last=False)
    return profiles
