"""The public follow-up question leaves no identifying detail behind: the answer is one of
four choices (typed text is refused), and the token of the link, which is the reporter's,
is never logged, not even when the follow-up is gone."""

from __future__ import annotations

import logging

import pytest
from django.db import models

from tests.quality.pii_scan import PROBE_TEXT, log_text
from tests.quality.staff_text import Base, client_for, everywhere_else, page_leaks

pytestmark = [pytest.mark.django_db(transaction=False), pytest.mark.usefixtures("_pdfs_as_text")]


def test_follow_up_answers_are_choices_only(base: Base, captured_logs: pytest.LogCaptureFixture) -> None:
    """The public follow-up form takes one of four answers; typed text is refused."""
    from ilmio.knowledge import services as loop
    from ilmio.knowledge.models import FollowUp

    text_columns = {f.name for f in FollowUp._meta.concrete_fields if isinstance(f, models.CharField | models.TextField)}
    assert text_columns == {"token", "answer"}, "a new free-text column on FollowUp needs a probe"
    assert set(FollowUp._meta.get_field("answer").choices or []) == set(FollowUp.Answer.choices)

    token = base.follow_up.token
    public = client_for()
    refused = public.post(f"/knowledge/follow-up/{token}/", {"answer": PROBE_TEXT})
    assert refused.status_code == 200
    base.follow_up.refresh_from_db()
    assert base.follow_up.answer == "" and base.follow_up.answered_at is None
    with pytest.raises(loop.LoopError):
        loop.answer_follow_up(token, PROBE_TEXT)
    assert public.post(f"/knowledge/follow-up/{token}/", {"answer": "partly"}).status_code == 200
    base.follow_up.refresh_from_db()
    assert base.follow_up.answer == "partly"
    problems = page_leaks(base) + everywhere_else(captured_logs.records)
    assert not problems, "\n".join(dict.fromkeys(problems))


def assert_token_not_logged(token: str, records: list[logging.LogRecord]) -> None:
    lines = [log_text([r]) for r in records]
    found = [f"{r.name} {r.levelname}: {r.getMessage()}" for r, line in zip(records, lines, strict=True) if token in line]
    assert not found, f"the follow-up token is in {len(found)} log record(s): {found}"


def test_follow_up_tokens_are_not_logged(base: Base, captured_logs: pytest.LogCaptureFixture) -> None:
    token = base.follow_up.token
    public = client_for()
    assert public.get(f"/knowledge/follow-up/{token}/").status_code == 200
    assert public.post(f"/knowledge/follow-up/{token}/", {"answer": "yes"}).status_code == 200
    assert_token_not_logged(token, captured_logs.records)


def test_a_withdrawn_follow_up_token_is_not_logged(base: Base, captured_logs: pytest.LogCaptureFixture) -> None:
    """A link from an e-mail whose follow-up is gone (consent withdrawn, report erased)
    answers 404; the token it carries is still the reporter's and stays out of the logs."""
    token = base.follow_up.token
    base.follow_up.delete()
    assert client_for().get(f"/knowledge/follow-up/{token}/").status_code == 404
    assert_token_not_logged(token, captured_logs.records)
