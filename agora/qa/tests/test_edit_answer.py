"""Editing an answer: only its author, with the earlier body kept, from the outside in."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.urls import reverse

from agora.posts.models import PostRevision
from agora.qa.models import Answer

pytestmark = pytest.mark.django_db


def test_the_author_edits_an_answer_and_the_earlier_body_is_kept(cast, client_for, ask, answer):
    question = ask("open")
    mine = answer(cast.salesperson, question, "Use the **vault** CLI.")
    client = client_for("salesperson")
    page = client.get(question.post.get_absolute_url()).content.decode()
    edit_url = reverse("qa:edit_answer", args=[mine.pk])
    assert f'href="{edit_url}"' in page

    form = client.get(edit_url)
    assert form.status_code == 200
    assert "Use the **vault** CLI." in form.content.decode()

    response = client.post(edit_url, {"body": "Use the vault CLI, then restart the `api` pods."})
    assert response.status_code == 302
    assert response["Location"] == mine.get_absolute_url()
    mine.post.refresh_from_db()
    assert mine.body == "Use the vault CLI, then restart the `api` pods."
    assert "<code>api</code>" in mine.body_html
    assert mine.edited_at is not None
    revision = PostRevision.objects.get(post=mine.post)
    assert (revision.body, revision.edited_by) == ("Use the **vault** CLI.", cast.salesperson)

    shown = client.get(question.post.get_absolute_url()).content.decode()
    assert "restart the <code>api</code> pods" in shown
    assert ">edited</a>" in shown  # linked to the answer's history


def test_saving_an_unchanged_answer_keeps_no_revision(cast, client_for, ask, answer):
    mine = answer(cast.salesperson, ask("open"), "Same words.")
    response = client_for("salesperson").post(
        reverse("qa:edit_answer", args=[mine.pk]), {"body": "Same words."}
    )
    assert response.status_code == 302
    assert not PostRevision.objects.exists()
    mine.post.refresh_from_db()
    assert mine.edited_at is None


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("   ", "Write your answer before you send it."),
        ("x" * (settings.AGORA_POST_MAX_CHARS + 1), "the limit is"),
    ],
)
def test_a_bad_edit_is_refused_and_changes_nothing(cast, client_for, ask, answer, body, message):
    mine = answer(cast.salesperson, ask("open"), "The original.")
    response = client_for("salesperson").post(
        reverse("qa:edit_answer", args=[mine.pk]), {"body": body}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    mine.post.refresh_from_db()
    assert mine.body == "The original."
    assert not PostRevision.objects.exists()


@pytest.mark.parametrize("persona", ["engineer", "moderator"])
def test_nobody_else_edits_an_answer(cast, client_for, ask, answer, persona):
    # The asker and a moderator can read it (and delete it), but the words stay the author's.
    question = ask("open")
    theirs = answer(cast.salesperson, question, "The original.")
    client = client_for(persona)
    url = reverse("qa:edit_answer", args=[theirs.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"body": "Rewritten."}).status_code == 403
    page = client.get(question.post.get_absolute_url()).content.decode()
    assert f'href="{url}"' not in page
    assert Answer.objects.get(pk=theirs.pk).body == "The original."


def test_an_answer_in_a_secret_space_is_not_found_for_outsiders(cast, client_for, ask, answer):
    secret = answer(cast.moderator, ask("secret"), "Members only.")
    url = reverse("qa:edit_answer", args=[secret.pk])
    for persona in ("outsider", "salesperson"):
        client = client_for(persona)
        assert client.get(url).status_code == 404
        assert client.post(url, {"body": "Leaked?"}).status_code == 404
    assert Answer.objects.get(pk=secret.pk).body == "Members only."


def test_a_deleted_answer_cannot_be_edited(cast, client_for, ask, answer):
    mine = answer(cast.salesperson, ask("open"), "Soon gone.")
    client = client_for("salesperson")
    client.post(reverse("qa:delete_answer", args=[mine.pk]))
    response = client.post(reverse("qa:edit_answer", args=[mine.pk]), {"body": "Back?"})
    assert response.status_code == 404
