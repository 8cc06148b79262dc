"""A real OpenID Connect provider for the single sign-on tests: a small Django project
with django-oauth-toolkit, run as its own process on loopback (``serve.start``). It plays
the county's identity provider (Entra ID, Keycloak): its own users, log-in page and signing
key, and a ``groups`` claim holding each user's Django groups."""
