"""Who a text cites and how: quotes, attributions, speakers and the source profile.

The ``sources`` analyzer lives in :mod:`unspin.sources.analyzer`, which runs the steps:
quotation marks (:mod:`~unspin.sources.quotes`); reporting events from the parse
(:mod:`~unspin.sources.parse_events`) or from patterns
(:mod:`~unspin.sources.pattern_events`); speaker mentions (:mod:`~unspin.sources.speakers`,
:mod:`~unspin.sources.mentions`, :mod:`~unspin.sources.plain_mentions`) and their
resolution (:mod:`~unspin.sources.resolver`, :mod:`~unspin.sources.resolve`); quotations
tied to speakers (:mod:`~unspin.sources.linking`); the findings
(:mod:`~unspin.sources.findings`) and the source profile (:mod:`~unspin.sources.profile`),
over the per-run state in :mod:`~unspin.sources.state`. The speaker vocabulary is in
:mod:`~unspin.sources.lexicon`, on the shared word lists of :mod:`unspin.lexicon`.
"""
