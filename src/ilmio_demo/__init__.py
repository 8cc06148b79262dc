"""Demo and synthetic data for Ilmiö, kept apart from the product.

What lives here: the demo world (:mod:`ilmio_demo.world`), the builders of the committed
corpora and lexicon files (:mod:`ilmio_demo.corpora`) and the synthetic register-extract
generator (:mod:`ilmio_demo.register_extract`). The product (``ilmio``) never imports this
package — an import-linter contract checks it — and the Django app is installed only when
demo mode, debug or testing is on (see ``ilmio.settings``), so a production deployment
cannot build a demo into its database.
"""

from __future__ import annotations

import os


class DemoModeRequired(RuntimeError):
    """Raised when demo data would be written outside demo, debug or test mode."""


def demo_mode_on() -> bool:
    """True in demo, debug or test mode (``settings.DEMO_MODE`` once Django is set up)."""
    from django.conf import settings

    if settings.configured:
        return bool(getattr(settings, "DEMO_MODE", False))
    return any(os.environ.get(name, "").lower() in ("1", "true", "yes", "on")
               for name in ("ILMIO_DEMO", "ILMIO_DEBUG", "ILMIO_TESTING"))


def require_demo_mode() -> None:
    """Refuse to write synthetic data into a database that is not a demo's."""
    if not demo_mode_on():
        raise DemoModeRequired(
            "demo data is only built in demo mode: run 'ilmio demo' (or set ILMIO_DEMO=1 on a "
            "machine whose database holds nothing real)")
