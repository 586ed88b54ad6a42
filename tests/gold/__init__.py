"""The hand-checked gold set, installed as the data package policykg.gold: the default of
`policykg eval` (found through importlib.resources). The tests read it from here too."""
