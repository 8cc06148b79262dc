"""Start the test identity provider as its own process (gunicorn on a free loopback port)
and stop it; ``Provider`` gives the endpoints Ilmiö's settings point at."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID, CLIENT_SECRET = "ilmio-test-client", "ilmio-test-client-secret-0123456789"  # noqa: S105 - test only


@dataclass
class Provider:
    url: str
    process: subprocess.Popen[bytes]

    def settings(self) -> dict[str, Any]:
        """Ilmiö's settings for this provider (as ILMIO_OIDC_* would set them)."""
        return {
            "OIDC_RP_CLIENT_ID": CLIENT_ID, "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.url}/o/authorize/",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.url}/o/token/",
            "OIDC_OP_USER_ENDPOINT": f"{self.url}/o/userinfo/",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.url}/o/.well-known/jwks.json",
        }  # fmt: skip

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(folder: Path, redirect_uri: str, users: list[dict[str, Any]]) -> Provider:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()).decode()  # fmt: skip
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ILMIO_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "tests.oidc_provider.settings", "PROVIDER_SIGNING_KEY": pem,
                "PROVIDER_DATABASE": str(folder / "provider.sqlite3"), "PYTHONPATH": str(ROOT)})  # fmt: skip
    subprocess.run([sys.executable, "-m", "tests.oidc_provider.setup", CLIENT_ID, CLIENT_SECRET, redirect_uri,
                    json.dumps(users)], env=env, cwd=ROOT, check=True, capture_output=True)  # fmt: skip
    port = _free_port()
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen([str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4",
                                "--log-level", "warning", "tests.oidc_provider.wsgi:application"],
                               env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the test identity provider exited: {process.stderr.read().decode()[-2000:]}")  # type: ignore[union-attr]
        try:
            with urllib.request.urlopen(f"{url}/o/.well-known/openid-configuration", timeout=2) as answer:  # noqa: S310 - loopback
                if answer.status == 200:
                    return Provider(url, process)
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the test identity provider did not start in 30 s")
