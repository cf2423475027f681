"""Which sentences make checkable claims: check-worthiness, claim types, quantities and
dates (the ``claims`` analyzer, :mod:`unspin.claims.analyzer`; the trained head in
``artifacts/``, rebuilt by ``training/checkworthiness/train.py``)."""
