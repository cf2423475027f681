"""Outlet ratings: published ratings of news domains, matched in documents.

* :mod:`.ratings`: :class:`OutletRatings` reads the ``domain-ratings`` data set from a
  configured folder (not shipped: see the module for the licences) and looks domains up,
  handling mirrors (``www.``, ``m.``, ``amp.``), subdomains, path sections and aliases.
* :mod:`.analyzer`: the ``outlets`` analyzer (import it to register it): the document's
  own domain (from its URL) in the summary, and one ``outlet`` finding per cited URL,
  domain or outlet name that has ratings.

Every rating carries its source and year; unspin never combines them into one score.
"""

from __future__ import annotations

from unspin.outlets.ratings import (
    DomainMatch,
    OutletRatings,
    Rating,
    candidate_domains,
    host_of,
    normalise_host,
)

__all__ = [
    "DomainMatch",
    "OutletRatings",
    "Rating",
    "candidate_domains",
    "host_of",
    "normalise_host",
]
