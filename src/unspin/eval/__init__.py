"""Evaluation against annotated corpora (the PTC propaganda corpus: :mod:`unspin.eval.ptc`)."""
