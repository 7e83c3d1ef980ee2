"""The desk: the app that composes the others (DESIGN.md's import rules).

The home page (``views.home``, under the ``core:`` URL names), the shared layout's tags
(``thidua_layout``: the signed-in person's roles; ``awards_nav``: the home page's
commendation card) and the demo (``demo_setup``, the demo sign-ins of ``demo_users``).
It imports any app; no app imports it.
"""
