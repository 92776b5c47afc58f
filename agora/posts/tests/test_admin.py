"""Posts in the administration: read only, and deleting one there is the site's own soft
delete, with everything that follows from it (counts, credit, a question's answers)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agora.people.models import User
from agora.posts import actions
from agora.posts.models import Post, PostRevision, Tag
from agora.qa import actions as qa
from agora.qa.models import Answer, Question
from agora.reputation import queries as reputation_queries
from agora.reputation.models import CreditTotal, Reputation

pytestmark = pytest.mark.django_db


def _credit(user: User, space_id: int) -> int:
    row = CreditTotal.objects.filter(user=user, space_key=space_id).first()
    return row.points if row else 0


def test_it_shows_a_post_read_only_and_refuses_an_edit(cast, admin_client):
    post = cast.open_post
    url = reverse("admin:posts_post_change", args=[post.pk])
    page = admin_client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "View post" in html
    assert 'name="_save"' not in html
    assert "News from the open space" in html

    refused = admin_client.post(url, {"body": "Edited in the admin", "kind": post.kind})
    assert refused.status_code == 403
    post.refresh_from_db()
    assert post.body.startswith("News from the open space")
    assert "Edited in the admin" not in post.body_html
    assert post.edited_at is None
    assert not PostRevision.objects.filter(post=post).exists()


def test_it_offers_no_way_to_write_a_post_or_edit_a_tag(cast, admin_client):
    assert admin_client.get(reverse("admin:posts_post_add")).status_code == 403
    tag = Tag.objects.get(name="opennews")
    refused = admin_client.post(
        reverse("admin:posts_tag_change", args=[tag.pk]), {"name": "renamed"}
    )
    assert refused.status_code == 403
    assert admin_client.post(reverse("admin:posts_tag_delete", args=[tag.pk])).status_code == 403
    assert Tag.objects.filter(pk=tag.pk, name="opennews").exists()


def test_deleting_a_post_hides_it_and_takes_back_its_credit(cast, admin_client, admin_user):
    post = cast.open_post
    actions.do_add_reaction(cast.salesperson, post, "thumbs_up")
    assert _credit(cast.engineer, cast.open_space.pk) > 0
    url = reverse("admin:posts_post_delete", args=[post.pk])

    confirm = admin_client.get(url).content.decode()
    assert "hidden everywhere" in confirm
    assert "Reaction" not in confirm  # nothing cascades: the reactions stay with the row

    response = admin_client.post(url, {"post": "yes"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.deleted_at is not None
    assert post.deleted_by == admin_user
    assert not Post.objects.visible_to(cast.salesperson).filter(pk=post.pk).exists()
    assert _credit(cast.engineer, cast.open_space.pk) == 0
    board = reputation_queries.leaderboard(cast.salesperson, period="all")
    assert cast.engineer.pk not in {row.person.pk for row in board}
    cast.open_space.refresh_from_db()
    assert cast.open_space.post_count == 0
    # Deleted once: the row is the record now, not something to delete again.
    assert admin_client.post(url, {"post": "yes"}).status_code == 403


def test_deleting_an_accepted_answer_from_the_list_withdraws_what_it_earned(cast, admin_client):
    question = qa.check_ask(
        cast.engineer, space=cast.open_space, title="Where is the price book?", body=""
    )
    answer = qa.check_answer(cast.salesperson, question.pk, "In the sales drive.")
    qa.check_accept(cast.engineer, answer.pk)
    assert Reputation.objects.get(user=cast.salesperson).total > 0

    changelist = reverse("admin:posts_post_changelist")
    chosen = {"action": "delete_selected", "_selected_action": [answer.pk]}
    assert "hidden everywhere" in admin_client.post(changelist, chosen).content.decode()
    response = admin_client.post(changelist, {**chosen, "post": "yes"})
    assert response.status_code == 302

    assert Post.objects.get(pk=answer.pk).deleted_at is not None
    assert Answer.objects.filter(pk=answer.pk).exists()  # kept for the record
    question = Question.objects.get(pk=question.pk)
    assert (question.answer_count, question.accepted_answer_id) == (0, None)
    assert Reputation.objects.get(user=cast.salesperson).total == 0
    page = admin_client.get(question.get_absolute_url()).content.decode()
    assert "In the sales drive." not in page
