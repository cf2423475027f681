"""Persuasion techniques (SemEval-2020 Task 11): the ``techniques`` analyzer
(:mod:`unspin.techniques.analyzer`), its tagger and heads (:mod:`~unspin.techniques.tagger`,
``artifacts/``, rebuilt by ``training/techniques/train.py``), the PTC corpus and its
scorers (:mod:`~unspin.techniques.ptc`) and the analyzer wrapped as a system to score
(:mod:`~unspin.techniques.evaluate`)."""
