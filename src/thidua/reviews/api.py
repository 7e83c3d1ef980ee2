"""API of reviews: viewsets registered on the v1 router by ``register``."""

from __future__ import annotations

from rest_framework.routers import SimpleRouter


def register(router: SimpleRouter) -> None:
    """Add this app's viewsets to the API v1 router."""
