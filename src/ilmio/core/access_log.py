"""gunicorn's access log without query strings or secret link tokens (``ilmio serve``)."""

from __future__ import annotations

from typing import Any

from gunicorn.glogging import Logger

from ilmio.core.logging import safe_path

ACCESS_LOG_FORMAT = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'


class AccessLogger(Logger):
    """Every atom that could carry the path is rebuilt from the safe path."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms = super().atoms(resp, req, environ, request_time)
        path = safe_path(environ.get("PATH_INFO", ""))
        atoms.update({"U": path, "q": "", "r": f"{atoms.get('m', '-')} {path} {atoms.get('H', '-')}",
                      "f": safe_path(str(atoms.get("f", "-")))})  # fmt: skip
        return atoms
