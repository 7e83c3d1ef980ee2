"""The eligibility checks. Every module here registers its checks with
``thidua.awards.eligibility.registry.eligibility_check``; the registry imports them all,
so a new check is a new module here (with its test), and nothing else lists it."""
