"""Documents (PDF, office files, text, CSV) attached to posts, comments and questions, and
always served as downloads under their own names."""

from __future__ import annotations

import pytest
from django.urls import reverse

from agora.media.models import Attachment
from agora.posts.models import Comment, Post
from agora.qa.models import Question
from agora.testing.media import SCRIPT, docx_bytes, files_in, pdf_bytes, png, upload

pytestmark = pytest.mark.django_db

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOCUMENTS = {
    "pdf": ("q3-plan.pdf", pdf_bytes(), "application/pdf", "PDF"),
    "csv": ("pipeline.csv", b"deal,stage,value\nAcme,won,1200\n", "text/csv", "CSV"),
    "text": ("notes.txt", "Résumé of the meeting\n".encode(), "text/plain", "text"),
    "word": ("plan.docx", docx_bytes(), DOCX, "Word"),
}


def content(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(
    ("name", "data", "content_type", "label"), DOCUMENTS.values(), ids=DOCUMENTS
)
def test_it_accepts_a_document_and_serves_it_as_a_download(
    cast, client_for, name, data, content_type, label
):
    response = client_for("engineer").post(
        reverse("posts:create"),
        {"body": "", "space": cast.open_space.slug, "files": [upload(name, data, "text/html")]},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200, response.content.decode()
    document = Attachment.objects.get(kind="document")
    assert (document.content_type, document.type_label) == (content_type, label)
    assert (document.original_name, document.byte_size) == (name, len(data))

    served = client_for("salesperson").get(reverse("posts:attachment", args=[document.pk]))
    assert served.status_code == 200
    assert served["Content-Type"] == content_type
    assert served["Content-Disposition"] == f'attachment; filename="{name}"'
    assert served["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in served["Content-Security-Policy"]
    assert content(served) == data


def test_a_text_file_named_like_a_web_page_downloads_as_text(cast, client_for):
    client = client_for("engineer")
    client.post(
        reverse("posts:create"),
        {"body": "Notes", "files": [upload("notes.html", b"Plain notes, no markup\n")]},
        HTTP_HX_REQUEST="true",
    )
    document = Attachment.objects.get(kind="document")
    served = client.get(reverse("posts:attachment", args=[document.pk]))
    assert served["Content-Type"] == "text/plain"
    assert served["Content-Disposition"] == 'attachment; filename="notes.html.txt"'


def test_a_document_has_no_preview_poster_or_captions(cast, client_for):
    client = client_for("engineer")
    client.post(
        reverse("posts:create"),
        {"body": "Plan", "files": [upload("plan.pdf", pdf_bytes())]},
        HTTP_HX_REQUEST="true",
    )
    document = Attachment.objects.get(kind="document")
    for name in (
        "posts:attachment_preview",
        "posts:attachment_poster",
        "posts:attachment_captions",
    ):
        assert client.get(reverse(name, args=[document.pk])).status_code == 404


def test_a_post_carries_several_kinds_of_file_in_order(cast, client_for):
    response = client_for("engineer").post(
        reverse("posts:create"),
        {
            "body": "Photo and plan",
            "files": [upload("photo.png", png()), upload("plan.pdf", pdf_bytes())],
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    post = Post.objects.get(body="Photo and plan")
    assert [(a.kind, a.position) for a in post.files.all()] == [
        ("image", 0),
        ("document", 1),
    ]


def test_it_refuses_more_files_than_the_policy_allows(cast, client_for, media_root):
    files = [upload(f"p{i}.png", png()) for i in range(11)]
    response = client_for("engineer").post(
        reverse("posts:create"), {"body": "Many", "files": files}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400
    assert "A post may have at most 10 files; this one has 11." in response.content.decode()
    assert len(files_in(media_root)) == 6


def test_a_comment_carries_files_that_belong_to_its_post(cast, client_for):
    client = client_for("salesperson")
    response = client.post(
        reverse("posts:comments", args=[cast.private_post.pk]),
        {
            "body": "Here is the signed order",
            "files": [upload("order.pdf", pdf_bytes()), upload("desk.png", png())],
            "alt_text_1": "The order on my desk",
        },
    )
    assert response.status_code == 302
    comment = Comment.objects.get(body="Here is the signed order")
    files = list(comment.files.select_related("link"))
    assert [(a.kind, a.link.post_id, a.alt_text) for a in files] == [
        ("document", cast.private_post.pk, ""),
        ("image", cast.private_post.pk, "The order on my desk"),
    ]
    # The post's own files stay its own.
    assert cast.private_post.files.count() == 1
    for outsider in ("outsider",):
        for a in files:
            url = reverse("posts:attachment", args=[a.pk])
            assert client_for(outsider).get(url).status_code == 404
    # Deleting the comment hides its files.
    client.post(reverse("posts:delete_comment", args=[comment.pk]))
    assert (
        client_for("engineer").get(reverse("posts:attachment", args=[files[0].pk])).status_code
        == 404
    )


def test_a_comment_may_be_only_a_file(cast, client_for):
    response = client_for("engineer").post(
        reverse("posts:comments", args=[cast.open_post.pk]),
        {"body": "", "files": [upload("plan.pdf", pdf_bytes())]},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert Comment.objects.get(post=cast.open_post).files.count() == 1


def test_a_refused_comment_file_is_said_and_keeps_nothing(cast, client_for, media_root):
    response = client_for("engineer").post(
        reverse("posts:comments", args=[cast.open_post.pk]),
        {"body": "See page", "files": [upload("page.pdf", b"<html>" + SCRIPT)]},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 400
    assert "page.pdf is an HTML page" in response["HX-Trigger"]
    assert not Comment.objects.exists()
    assert len(files_in(media_root)) == 6


def test_a_question_takes_files_like_a_post(cast, client_for):
    response = client_for("engineer").post(
        reverse("qa:ask"),
        {
            "title": "Which of these plans should we pick?",
            "body": "Both attached.",
            "tags": "planning",
            "files": [upload("a.pdf", pdf_bytes()), upload("b.docx", docx_bytes())],
        },
    )
    assert response.status_code == 302, response.content.decode()
    question = Question.objects.get()
    assert [a.kind for a in question.post.files.all()] == ["document", "document"]


def test_a_refused_question_file_keeps_what_was_typed(cast, client_for, media_root):
    response = client_for("engineer").post(
        reverse("qa:ask"),
        {
            "title": "Is this page safe to open?",
            "body": "Found it in my inbox",
            "files": [upload("invoice.pdf", b"<html>" + SCRIPT)],
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "invoice.pdf is an HTML page" in text
    assert "Found it in my inbox" in text
    assert not Question.objects.exists()
    assert len(files_in(media_root)) == 6
