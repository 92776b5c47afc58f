"""Comments on answers (an answer is a post, so its comments are on it): distinct from the
question's comments, visible with the question."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agora.core.errors import ActionError
from agora.posts import actions as posts
from agora.posts.models import Comment

pytestmark = pytest.mark.django_db


def test_it_comments_on_an_answer_without_a_reload(cast, client_for, ask, answer):
    question = ask("open")
    reply = answer(cast.moderator, question)
    response = client_for("salesperson").post(
        reverse("qa:answer_comments", args=[reply.pk]),
        {"body": "Which vault path, @maya-moderator?"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    comment = Comment.objects.get()
    assert comment.post_id == reply.pk
    html = response.content.decode()
    assert f'id="comment-{comment.pk}"' in html
    assert "Reply</summary>" not in html  # comments on answers are one flat list
    reply.post.refresh_from_db()
    question.post.refresh_from_db()
    assert reply.comment_count == 1
    assert question.post.comment_count == 0  # the question's own comments are separate


def test_the_page_shows_answer_comments_under_their_answer_only(cast, client_for, ask, answer):
    question = ask("open")
    first = answer(cast.moderator, question, "First")
    second = answer(cast.salesperson, question, "Second")
    posts.check_add_comment(cast.outsider, first.pk, "On the first")
    posts.check_add_comment(cast.outsider, question.pk, "On the question")
    html = client_for("engineer").get(question.get_absolute_url()).content.decode()
    first_at = html.index(f'id="answer-{first.pk}"')
    second_at = html.index(f'id="answer-{second.pk}"')
    on_first = html.index("On the first")
    assert first_at < on_first < second_at or second_at < first_at < on_first
    assert html.index("On the question") < html.index('id="answers"')
    assert html.count("On the first") == 1


def test_it_comments_as_a_plain_form(cast, client_for, ask, answer):
    question = ask("open")
    reply = answer(cast.moderator, question)
    response = client_for("outsider").post(
        reverse("qa:answer_comments", args=[reply.pk]), {"body": "Thanks!"}
    )
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/questions/{question.pk}/#comment-{comment.pk}"
    assert (
        client_for("outsider").get(reverse("qa:answer_comments", args=[reply.pk])).status_code
        == 302
    )


def test_deleting_a_comment_on_an_answer_moves_the_answers_counter(cast, client_for, ask, answer):
    question = ask("open")
    reply = answer(cast.moderator, question)
    comment = posts.check_add_comment(cast.outsider, reply.pk, "Oops")
    response = client_for("outsider").post(reverse("posts:delete_comment", args=[comment.pk]))
    assert response.status_code == 302
    reply.post.refresh_from_db()
    assert reply.comment_count == 0
    assert "Oops" not in client_for("outsider").get(question.get_absolute_url()).content.decode()


def test_it_refuses_replies_on_answers_and_a_parent_from_elsewhere(cast, ask, answer):
    other = ask("open", title="A second question about staging")
    reply = answer(cast.moderator, other)
    first = posts.check_add_comment(cast.outsider, reply.pk, "Hi")
    with pytest.raises(ActionError, match="cannot be replies"):
        posts.check_add_comment(cast.outsider, reply.pk, "Hi", parent_id=first.pk)
    # A reply names a comment of the same post: the answer's comment is not the question's.
    with pytest.raises(ActionError, match="gone"):
        posts.check_add_comment(cast.outsider, other.pk, "Hi", parent_id=first.pk)
    assert list(reply.post.comments.values_list("body", flat=True)) == ["Hi"]


def test_an_empty_comment_is_refused_with_a_reason(cast, client_for, ask, answer):
    question = ask("open")
    reply = answer(cast.moderator, question)
    response = client_for("outsider").post(
        reverse("qa:answer_comments", args=[reply.pk]), {"body": " "}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "Write something before you comment." in response.content.decode()
    assert not Comment.objects.exists()


def test_a_comment_on_the_question_updates_the_count_on_its_page(cast, client_for, ask):
    question = ask("open")
    client = client_for("salesperson")
    page = client.get(question.get_absolute_url()).content.decode()
    count = f'<span id="comment-count-{question.pk}"'
    assert f"{count}>Comment</span> on the question</summary>" in page
    url = reverse("posts:comments", args=[question.pk])
    response = client.post(url, {"body": "Which runbook?"}, HTTP_HX_REQUEST="true")
    assert f'{count} hx-swap-oob="true">1 comment</span>' in response.content.decode()
    page = client.get(question.get_absolute_url()).content.decode()
    assert f"{count}>1 comment</span> on the question</summary>" in page
