"""Asking a question: the form, where it may be asked (not where only a space's owners and
moderators start threads), tags, images and what is refused."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agora.media.models import Attachment
from agora.people import actions as people_actions
from agora.posts.models import Post, PostKind
from agora.qa.actions import check_ask
from agora.qa.models import Question
from agora.spaces import actions as space_actions
from agora.spaces.models import Posting
from agora.testing.database import changes, snapshot
from agora.testing.personas import image_upload, png_bytes

pytestmark = pytest.mark.django_db

ASK = reverse("qa:ask")


def _form(**fields: object) -> dict[str, object]:
    return {
        "title": "Can Atlas export audit logs to S3?",
        "body": "A customer asks for **daily** exports. @maya-moderator #audit",
        "tags": "atlas, compliance",
        "space": "",
        **fields,
    }


def test_it_shows_a_labelled_form_and_preselects_the_space_from_the_address(cast, client_for):
    response = client_for("salesperson").get(ASK, {"space": cast.open_space.slug})
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Your question", "Details", "Tags", "Ask in"):
        assert f">{label}</label>" in html
    assert 'type="file" name="files" multiple' in html
    assert f'<option value="{cast.open_space.slug}" selected>' in html
    # Only spaces the person belongs to are offered.
    assert cast.secret_space.slug not in html


def test_it_asks_in_a_space_with_tags_and_goes_to_the_question(cast, client_for):
    response = client_for("salesperson").post(ASK, _form(space=cast.open_space.slug))
    question = Question.objects.select_related("post").get()
    assert response.status_code == 302
    assert response["Location"] == question.get_absolute_url()
    post = question.post
    assert (post.kind, post.space, post.author) == (
        PostKind.QUESTION,
        cast.open_space,
        cast.salesperson,
    )
    assert question.title == "Can Atlas export audit logs to S3?"
    # The tag field and the body's #tags both count.
    assert set(post.tags.values_list("name", flat=True)) == {"atlas", "compliance", "audit"}
    page = client_for("salesperson").get(response["Location"]).content.decode()
    assert '<h1 id="question-title">Can Atlas export audit logs to S3?</h1>' in page
    assert "<strong>daily</strong>" in page
    assert "#compliance" in page


def test_it_asks_company_wide(cast, client_for):
    response = client_for("outsider").post(ASK, _form(tags="#Pricing q3"))
    assert response.status_code == 302
    post = Post.objects.get(kind=PostKind.QUESTION)
    assert post.space is None
    assert set(post.tags.values_list("name", flat=True)) == {"pricing", "q3", "audit"}


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "Why?"}, "Give your question a title of at least a few words."),
        ({"title": "x" * 256}, "Keep the title under 255 characters."),
        ({"tags": "good, 9lives"}, "“9lives” is not a tag"),
        ({"tags": "a b c d e f g h i"}, "Use at most 8 tags."),
        ({"body": "x" * 32_001}, "the limit is 32,000"),
    ],
    ids=["short title", "long title", "bad tag", "too many tags", "long body"],
)
def test_it_keeps_what_was_typed_and_says_what_is_wrong(cast, client_for, fields, message):
    typed = _form(space=cast.open_space.slug, **fields)
    response = client_for("engineer").post(ASK, typed)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    assert 'value="' + str(typed["tags"]) + '"' in html
    assert str(typed["body"])[:40] in html
    assert f'<option value="{cast.open_space.slug}" selected>' in html
    assert not Question.objects.exists()


def test_it_refuses_a_space_one_has_not_joined(cast, client_for):
    response = client_for("outsider").post(ASK, _form(space=cast.open_space.slug))
    assert response.status_code == 403
    assert "Join Open Space to ask in it." in response.content.decode()
    assert not Question.objects.exists()


@pytest.mark.parametrize("persona", ["salesperson", "outsider"])
def test_it_answers_404_for_a_secret_space_one_is_not_in(cast, client_for, persona):
    response = client_for(persona).post(ASK, _form(space=cast.secret_space.slug))
    assert response.status_code == 404
    assert cast.secret_space.name not in response.content.decode()
    assert not Question.objects.exists()


def test_it_attaches_images_like_the_post_composer(cast, client_for):
    photo = SimpleUploadedFile("error.png", png_bytes(), content_type="image/png")
    response = client_for("engineer").post(
        ASK, {**_form(), "images": [photo], "alt_text": "The error dialog"}
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get(link__post__kind=PostKind.QUESTION)
    assert attachment.alt_text == "The error dialog"
    page = client_for("salesperson").get(response["Location"]).content.decode()
    assert 'alt="The error dialog"' in page


def test_it_refuses_a_broken_image_naming_the_file(cast, client_for):
    broken = SimpleUploadedFile("notes.png", b"\x89PNG\r\n\x1a\n broken", content_type="image/png")
    response = client_for("engineer").post(ASK, {**_form(), "images": [broken]})
    assert response.status_code == 400
    assert "notes.png" in response.content.decode()
    assert not Question.objects.exists()
    assert not Attachment.objects.filter(link__post__kind=PostKind.QUESTION).exists()


def test_it_invites_nobody_and_still_asks_without_tags(cast, client_for):
    response = client_for("engineer").post(ASK, _form(tags="", body="No tags here"))
    assert response.status_code == 302
    assert not Question.objects.get().post.tags.exists()


def test_it_is_offered_from_the_home_composer_the_space_page_and_the_list(cast, client_for):
    client = client_for("engineer")
    assert f'href="{ASK}"' in client.get(reverse("home")).content.decode()
    space_page = client.get(cast.open_space.get_absolute_url()).content.decode()
    assert f'href="{ASK}?space={cast.open_space.slug}"' in space_page
    assert f'href="{ASK}"' in client.get(reverse("qa:list")).content.decode()


def test_the_action_takes_uploads_directly(cast):
    # The demo and the API call the action with uploaded files, as the view does.
    from agora.qa.actions import check_ask

    question = check_ask(
        cast.engineer,
        space=None,
        title="What does this chart show?",
        body="",
        uploads=[image_upload("chart.png", alt_text="A chart")],
    )
    attachment = question.post.files.get()
    assert (attachment.kind, attachment.alt_text) == ("image", "A chart")


# A space where only its owners and moderators start threads (an announcements space)

ASK_PERSONAS = ("owner", "space_moderator", "member", "outsider", "site_moderator")


@pytest.fixture
def people(cast):
    """The cast by the part they play, and a site moderator who belongs to the open and
    private spaces as an ordinary member."""
    site_moderator = people_actions.create_user(
        "sid@example.com", display_name="Sid Sitemod", is_moderator=True
    )
    space_actions.do_join(site_moderator, cast.open_space)
    space_actions.do_add_member(cast.private_space, site_moderator)
    return {
        "owner": cast.engineer,
        "space_moderator": cast.moderator,
        "member": cast.salesperson,
        "outsider": cast.outsider,
        "site_moderator": site_moderator,
    }


def _managers_only(cast, visibility: str):
    space = cast.space(visibility)
    space_actions.check_update_space(
        cast.engineer,
        space.slug,
        name=space.name,
        description=space.description,
        kind=space.kind,
        visibility=space.visibility,
        posting=Posting.MANAGERS,
    )
    space.refresh_from_db()
    return space


@pytest.mark.parametrize("visibility", ["open", "private"])
@pytest.mark.parametrize("persona", ASK_PERSONAS)
def test_it_lets_only_owners_and_moderators_ask_where_they_alone_start_posts(
    cast, people, client_for, persona, visibility
):
    space = _managers_only(cast, visibility)
    client = client_for(people[persona])
    everything = snapshot()

    response = client.post(ASK, _form(space=space.slug))

    if persona in ("owner", "space_moderator"):
        assert response.status_code == 302
        question = Question.objects.select_related("post").get()
        assert (question.post.space, question.post.author) == (space, people[persona])
        return
    assert response.status_code == 403
    page = html.unescape(response.content.decode())
    if persona == "outsider":
        assert f"Join {space.name} to ask in it." in page
    else:
        assert (
            f"Only the owners and moderators of {space.name} start questions there; "
            "you can answer, comment and react." in page
        )
    assert changes(everything, snapshot()) == []


@pytest.mark.parametrize("persona", ["member", "site_moderator"])
def test_it_keeps_answers_open_to_every_member_there(cast, people, client_for, persona):
    space = _managers_only(cast, "private")
    question = check_ask(
        cast.engineer, space=space, title="Who is in the office on Friday?", body=""
    )
    client = client_for(people[persona])

    response = client.post(reverse("qa:answer", args=[question.pk]), {"body": "I am."})

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer_count == 1
    assert Post.objects.filter(parent=question.post, author=people[persona]).exists()


def test_it_offers_the_ask_button_and_the_space_only_to_those_who_may_ask_there(cast, client_for):
    space = _managers_only(cast, "open")
    listing = f"{reverse('qa:list')}?space={space.slug}"
    sam, ada = client_for("salesperson"), client_for("engineer")

    assert f'href="{ASK}?space={space.slug}"' not in sam.get(listing).content.decode()
    assert f'href="{ASK}?space={space.slug}"' in ada.get(listing).content.decode()
    assert f'<option value="{space.slug}"' not in sam.get(ASK).content.decode()
    assert f'<option value="{space.slug}"' in ada.get(ASK).content.decode()
