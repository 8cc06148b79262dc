import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ilmio.settings")
application = get_wsgi_application()


def _warm_up() -> None:
    """A web worker's first readers should not pay for what every worker needs once: the
    statistics libraries (seconds to import) and the compiled page templates. Only web
    processes import this module; commands stay quick to start."""
    import scipy.optimize  # noqa: F401 - suppression engine
    import scipy.stats  # noqa: F401 - emerging-signal test
    from django.template.loader import get_template
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 - imports every view module once
    for name in ("base.html", "core/home.html", "situation/situation.html", "situation/brief.html"):
        get_template(name)


_warm_up()
