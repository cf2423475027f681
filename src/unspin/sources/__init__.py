"""Who a text cites and how: quotes, attributions, speakers and the source profile.

The ``sources`` analyzer lives in :mod:`unspin.sources.analyzer`; quotation marks in
:mod:`~unspin.sources.quotes`, speaker mentions in :mod:`~unspin.sources.speakers`, the
reporting-verb lexicon in :mod:`~unspin.sources.lexicon`.
"""
