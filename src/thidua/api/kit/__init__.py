"""The API kit: what every app's ``api.py`` builds on, knowing no app.

``viewsets`` (the selector-backed viewset, path ids, checked input, file negotiation),
``pagination`` and ``errors`` (the error format, its handler and its schema entries). Apps
import the kit only; the API root (``thidua.api.urls``) imports the apps and collects
their routes, so no app imports the root.
"""
