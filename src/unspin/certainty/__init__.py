"""How certain a text pretends to be: hedges, boosters and vague attributions
(the ``certainty`` analyzer, :mod:`unspin.certainty.analyzer`)."""
