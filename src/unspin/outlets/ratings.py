"""Published outlet ratings, read from the ``domain-ratings`` data set, looked up by domain.

The data set (``../shared/data/domain-ratings`` in development; see its README) holds three
independent rating sets. unspin does not ship them: the Media Bias/Fact Check labels of
Baly et al. state no licence, the Lin et al. 2023 aggregate has no licence file, and the
Lasser compilation is CC-BY-SA 4.0, which an Apache-2.0 package cannot relicense. They are
read at run time from a configured folder (``[analyzers.outlets] path``), laid out as
published:

* ``lin2023/domain_pc1.csv``: ``domain,pc1``: the first principal component of several
  rating sets (Lin, Lasser, Lewandowsky et al., PNAS Nexus 2023); 0 = lowest quality,
  1 = highest. It is *their* published aggregate, shown as such; unspin never combines
  ratings into a score of its own.
* ``baly-mbfc/{emnlp18,acl2020}/corpus.tsv``: Media Bias/Fact Check factuality (high /
  mixed / low) and bias labels, as collected by Baly et al. (EMNLP 2018, ACL 2020), with
  the MBFC page each came from (whose slug gives the outlet's name).
* ``lasser-misinformation-domains/{domain_list_clean,disinformation_domains_clean}.csv``:
  labels of ten public lists (MBFC, BuzzFeed, PolitiFact, Zimdars, ...), each with the
  list's name and the year of its last update, mapped to accuracy / transparency scores and
  a reliable / unreliable type by Lasser & Rupp.

Every :class:`Rating` names its source, the data set it came from and a year. Domains are
matched after normalisation (:func:`normalise_host`: lower case, ``www.``/``m.``/``amp.``/
``mobile.`` dropped) and then by parent domain (``edition.cnn.com`` -> ``cnn.com``,
``uk.reuters.com`` -> ``reuters.com``), never up to a public suffix (``co.uk``) and never
from a blog on a shared host (``someone.blogspot.com`` is not ``blogspot.com``).
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from unspin.cache import Once, per_path
from unspin.errors import ConfigError

__all__ = [
    "DomainMatch",
    "OutletRatings",
    "Rating",
    "candidate_domains",
    "host_of",
    "normalise_host",
]

log = logging.getLogger(__name__)

#: Prefixes of mobile, AMP and "www" mirrors of the same site.
MIRROR_PREFIXES = ("www.", "www1.", "www2.", "m.", "mobile.", "amp.", "beta.")

#: Second-level public suffixes: a domain is never reduced to one of these.
PUBLIC_SUFFIXES = frozenset(
    f"{sld}.{tld}"
    for tld in ("uk", "au", "nz", "za", "in", "jp", "br", "ar", "mx", "tr", "kr", "il", "sg")
    for sld in ("co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "gob")
)

#: Hosts whose subdomains are separate publications (blogs, newsletters, pages).
SHARED_HOSTS = frozenset(
    {
        "blogspot.com",
        "wordpress.com",
        "substack.com",
        "medium.com",
        "tumblr.com",
        "github.io",
        "wixsite.com",
        "weebly.com",
        "livejournal.com",
        "typepad.com",
        "altervista.org",
        "over-blog.com",
        "squarespace.com",
        "ghost.io",
    }
)

#: Other names of the same outlets: domain -> the domain the ratings are filed under.
DOMAIN_ALIASES: Mapping[str, str] = {
    "bbc.co.uk": "bbc.com",
    "nyti.ms": "nytimes.com",
    "wapo.st": "washingtonpost.com",
    "reut.rs": "reuters.com",
    "ap.org": "apnews.com",
    "guardian.co.uk": "theguardian.com",
    "cnn.it": "cnn.com",
    "fxn.ws": "foxnews.com",
    "on.wsj.com": "wsj.com",
    "huffingtonpost.com": "huffpost.com",
}


#: Common names of outlets whose rating sets name them only by domain: name -> domain.
NAME_ALIASES: Mapping[str, str] = {
    "BBC": "bbc.com",
    "BBC News": "bbc.com",
    "New York Times": "nytimes.com",
    "Washington Post": "washingtonpost.com",
    "Wall Street Journal": "wsj.com",
    "Associated Press": "apnews.com",
    "The Guardian": "theguardian.com",
    "NPR": "npr.org",
    "Fox News": "foxnews.com",
    "Financial Times": "ft.com",
    "Al Jazeera": "aljazeera.com",
    "Le Monde": "lemonde.fr",
    "Der Spiegel": "spiegel.de",
}


def normalise_host(host: str) -> str:
    """A host as the data sets write domains: lower case, no port, no trailing dot, no
    ``www.``/``m.``/``amp.``/``mobile.`` mirror prefix."""
    host = host.strip().lower().rstrip(".")
    host = host.split("@")[-1].split(":")[0]
    changed = True
    while changed:
        changed = False
        for prefix in MIRROR_PREFIXES:
            if host.startswith(prefix) and host.count(".") >= 2:
                host = host[len(prefix) :]
                changed = True
    return host


def host_of(url_or_domain: str) -> tuple[str, str]:
    """The normalised host and the path (no trailing slash) of a URL or bare domain."""
    text = url_or_domain.strip()
    if "://" not in text:
        text = "http://" + text
    try:
        parts = urlsplit(text)
    except ValueError:
        return "", ""
    return normalise_host(parts.hostname or ""), parts.path.rstrip("/")


def candidate_domains(host: str) -> Iterator[str]:
    """``host`` then its parent domains, most specific first, stopping before a public
    suffix and at a shared host (a blog's own subdomain is its own outlet)."""
    host = normalise_host(host)
    labels = host.split(".")
    for i in range(len(labels) - 1):
        domain = ".".join(labels[i:])
        if domain in PUBLIC_SUFFIXES or (i > 0 and domain in SHARED_HOSTS):
            return
        yield domain


@dataclass(frozen=True)
class Rating:
    """One published rating of one outlet: who rated it, when, and what they said.

    ``values`` holds the rating as published (labels and numbers with their own scales,
    see ``scale``); nothing is rescaled or combined across sources.
    """

    source: str
    dataset: str
    year: str | None
    values: Mapping[str, Any] = field(default_factory=dict, hash=False)
    scale: str = ""
    reference: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "dataset": self.dataset,
            "year": self.year,
            **dict(self.values),
            "scale": self.scale,
            "reference": self.reference,
        }

    @property
    def line(self) -> str:
        """The rating in one line: ``Media Bias/Fact Check (2018): factuality high, ...``."""
        values = ", ".join(f"{k} {v}" for k, v in self.values.items())
        year = f" ({self.year})" if self.year else ""
        return f"{self.source}{year}: {values}"


@dataclass(frozen=True)
class DomainMatch:
    """The ratings found for a host, the domain they are filed under and how it matched
    (``exact``, ``parent`` domain, ``alias``, or outlet ``name``)."""

    domain: str
    how: str
    ratings: tuple[Rating, ...]
    name: str | None = None


_LIN = "Lin et al. 2023 aggregate (PNAS Nexus)"
_LIN_SCALE = (
    "pc1: 0 = lowest quality, 1 = highest (first principal component of several rating sets)"
)
_MBFC = "Media Bias/Fact Check"
_LASSER_SOURCES = {
    "media_bias_fact_check": "Media Bias/Fact Check",
    "buzzfeed": "BuzzFeed News",
    "politifact": "PolitiFact",
    "zimdars": "Zimdars (OpenSources)",
    "girnberg": "Grinberg et al.",
    "columbia_journalism_review": "Columbia Journalism Review",
    "fake_news_watch": "Fake News Watch",
    "butac": "Butac",
    "bufale": "Bufale",
    "bufalopedia": "Bufalopedia",
}
_SLUG_STOP = frozenset({"the", "of", "and", "for", "in", "on", "a", "de", "la", "le"})


def _name_from_slug(ref: str) -> str | None:
    """An outlet's name from its MBFC page slug (``.../the-village-voice/`` -> ``The Village
    Voice``); None when the slug is not a plain name."""
    slug = ref.rstrip("/").rsplit("/", 1)[-1]
    if not slug or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        return None
    words = slug.split("-")
    if words[-1].isdigit():  # "cnn-2" style duplicates of a slug
        words = words[:-1]
    name = " ".join(w if (i and w in _SLUG_STOP) else w.capitalize() for i, w in enumerate(words))
    return name or None


def _year(value: str | None) -> str | None:
    m = re.match(r"\s*(\d{4})", value or "")
    return m.group(1) if m else None


def _rows(path: Path, delimiter: str = ",") -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f, delimiter=delimiter)


class OutletRatings:
    """The ratings of every domain in a ``domain-ratings`` folder (read once per folder
    with :meth:`load`). Missing subfolders are skipped with a log message."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self._by_domain: dict[str, list[Rating]] = {}
        self._by_path: dict[str, list[Rating]] = {}
        self.names: dict[str, str] = {}  # outlet name -> domain
        self.sources: list[str] = []
        if not self.folder.is_dir():
            raise ConfigError(
                f"outlet ratings folder {str(self.folder)!r} not found",
                hint="set [analyzers.outlets] path to the domain-ratings data set folder",
            )
        for reader in (self._read_lin, self._read_baly, self._read_lasser):
            try:
                reader()
            except FileNotFoundError as exc:
                log.info("outlet ratings: %s missing, skipped", exc.filename)
            except (OSError, csv.Error, KeyError, ValueError) as exc:
                raise ConfigError(f"cannot read outlet ratings in {self.folder}: {exc}") from exc
        for name, domain in NAME_ALIASES.items():
            if domain in self._by_domain:
                self.names.setdefault(name, domain)
        if not self._by_domain:
            raise ConfigError(
                f"no outlet ratings found in {self.folder}",
                hint="expected lin2023/, baly-mbfc/ or lasser-misinformation-domains/ inside",
            )

    # -- loading -----------------------------------------------------------------------

    def _add(self, domain: str, rating: Rating, path: str = "") -> None:
        host = normalise_host(domain)
        if not host:
            return
        if path:
            self._by_path.setdefault(f"{host}{path}", []).append(rating)
        else:
            self._by_domain.setdefault(host, []).append(rating)

    def _read_lin(self) -> None:
        for row in _rows(self.folder / "lin2023" / "domain_pc1.csv"):
            pc1 = round(float(row["pc1"]), 3)
            self._add(row["domain"], Rating(_LIN, "lin2023", "2023", {"quality": pc1}, _LIN_SCALE))
        self.sources.append("lin2023")

    def _read_baly(self) -> None:
        found = False
        for sub, year, paper in (
            ("emnlp18", "2018", "EMNLP 2018"),
            ("acl2020", "2020", "ACL 2020"),
        ):
            path = self.folder / "baly-mbfc" / sub / "corpus.tsv"
            if not path.is_file():
                continue
            found = True
            for row in _rows(path, "\t"):
                host, url_path = host_of(row["source_url"])
                values = {"factuality": row["fact"], "bias": row["bias"]}
                rating = Rating(
                    _MBFC,
                    f"baly-mbfc/{sub} (Baly et al., {paper})",
                    year,
                    values,
                    "factuality: high | mixed | low; bias: left ... right, as labelled by MBFC",
                    row.get("ref") or None,
                )
                self._add(host, rating, url_path)
                name = _name_from_slug(row.get("ref", ""))
                if name and not url_path:
                    self.names.setdefault(name, host)
        if not found:
            raise FileNotFoundError(2, "missing", str(self.folder / "baly-mbfc"))
        self.sources.append("baly-mbfc")

    def _read_lasser(self) -> None:
        folder = self.folder / "lasser-misinformation-domains"
        for row in _rows(folder / "domain_list_clean.csv"):
            source = _LASSER_SOURCES.get(row["source"], row["source"])
            values = {
                "label": row["label"],
                "accuracy": int(float(row["accuracy"])),
                "transparency": int(float(row["transparency"])),
                "type": row["type"],
            }
            self._add(
                row["url"],
                Rating(
                    source,
                    "lasser-misinformation-domains (Lasser & Rupp compilation)",
                    _year(row["last_update"]),
                    values,
                    "the list's own label; accuracy 1-5 and transparency 1-3 as mapped by the "
                    "compilation; type reliable | unreliable",
                ),
            )
        path = folder / "disinformation_domains_clean.csv"
        if path.is_file():
            for row in _rows(path):
                source = _LASSER_SOURCES.get(row["source"], row["source"])
                self._add(
                    row["url"],
                    Rating(
                        source,
                        "lasser-misinformation-domains (Lasser & Rupp compilation)",
                        _year(row["last_update"]),
                        {
                            "label": row["label"],
                            "harm_score": row["harm_score"],
                            "type": row["type"],
                        },
                        "the list's own label; harm_score as in the compilation",
                    ),
                )
        self.sources.append("lasser-misinformation-domains")

    # -- lookup ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_domain)

    def lookup(self, url_or_host: str) -> DomainMatch | None:
        """The ratings for a URL or host: the page's path first (outlets that are a
        section of a site), then the host, an alias, and its parent domains."""
        host, path = host_of(url_or_host)
        if not host:
            return None
        for domain in candidate_domains(host):
            parts = [p for p in path.split("/") if p]
            for n in range(len(parts), 0, -1):
                key = f"{domain}/{'/'.join(parts[:n])}"
                if key in self._by_path:
                    return DomainMatch(key, "path", tuple(self._by_path[key]))
            ratings = self._by_domain.get(domain)
            if ratings:
                how = "exact" if domain == host else "parent"
                return DomainMatch(domain, how, tuple(ratings))
            alias = DOMAIN_ALIASES.get(domain)
            if alias and alias != domain and alias in self._by_domain:
                return DomainMatch(alias, "alias", tuple(self._by_domain[alias]))
        return None

    def lookup_name(self, name: str) -> DomainMatch | None:
        """The ratings of an outlet named ``name`` (as the data set names it)."""
        domain = self.names.get(name)
        if domain is None:
            return None
        found = self.lookup(domain)
        if found is None:
            return None
        return DomainMatch(found.domain, "name", found.ratings, name)

    def domains(self) -> Iterable[str]:
        return self._by_domain.keys()


_RATINGS: Once[str, OutletRatings] = Once()


def load(folder: Path | str) -> OutletRatings:
    """The ratings of a folder, read once per process."""
    return per_path(_RATINGS, folder, OutletRatings)
