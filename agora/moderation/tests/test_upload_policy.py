"""The upload policy: sensible defaults, edited by administrators in the admin, applied to
the very next upload (no restart), and the daily volume per person."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from agora.core.errors import ActionError
from agora.media.actions import update_upload_policy
from agora.media.models import UploadPolicy
from agora.media.units import MB, size
from agora.people.actions import create_user, do_set_avatar
from agora.posts.models import Post
from agora.testing.media import files_in, noisy_png, pdf_bytes, png, upload

pytestmark = pytest.mark.django_db

CHANGE = reverse("admin:media_uploadpolicy_change", args=[1])


@pytest.fixture
def admin_client(cast) -> Client:
    admin = create_user("root@example.com", display_name="Root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(admin)
    return client


def form_of(policy: UploadPolicy, **changes: Any) -> dict[str, Any]:
    """What the admin form posts back for ``policy``, with ``changes``."""
    data = {
        field: getattr(policy, field)
        for field in (
            "image_types", "video_types", "document_types", "image_max_bytes", "video_max_bytes",
            "document_max_bytes", "image_max_pixels", "video_max_seconds", "video_max_width",
            "video_max_height", "daily_bytes_per_person", "files_per_post",
        )
    }  # fmt: skip
    data.update(changes)
    return data


def post_file(client: Client, name: str, data: bytes, body: str = "A file"):
    return client.post(
        reverse("posts:create"),
        {"body": body, "files": [upload(name, data)]},
        HTTP_HX_REQUEST="true",
    )


def test_the_defaults_suit_a_company():
    policy = UploadPolicy.current()
    assert (policy.image_max_bytes, policy.video_max_bytes, policy.document_max_bytes) == (
        16 * MB,
        500 * MB,
        50 * MB,
    )
    assert policy.image_max_pixels == 40_000_000
    assert policy.video_max_seconds == 20 * 60
    assert "image/heic" in policy.image_types
    assert "video/quicktime" in policy.video_types
    assert "text/csv" in policy.document_types


def test_the_admin_page_offers_types_as_checkboxes_and_says_sizes_in_mb(admin_client):
    page = admin_client.get(CHANGE).content.decode()
    assert 'type="checkbox" name="document_types" value="text/csv"' in page
    assert 'name="video_types" value="video/quicktime"' in page
    assert "Now 16 MB" in page
    assert "Now 500 MB" in page
    assert "Now 2 GB" in page
    assert "20 minutes" in page
    # There is one policy: its list goes straight to it.
    response = admin_client.get(reverse("admin:media_uploadpolicy_changelist"))
    assert response.status_code == 302
    assert response["Location"] == CHANGE


def test_an_edit_in_the_admin_applies_to_the_next_upload(admin_client, client_for, media_root):
    engineer = client_for("engineer")
    assert post_file(engineer, "table.csv", b"a,b\n1,2\n", "First table").status_code == 200

    policy = UploadPolicy.current()
    documents = [t for t in policy.document_types if t != "text/csv"]
    response = admin_client.post(CHANGE, form_of(policy, document_types=documents))
    assert response.status_code == 302, response.content.decode()[:2000]

    refused = post_file(engineer, "table.csv", b"a,b\n1,2\n", "Second table")
    assert refused.status_code == 400
    assert "table.csv: CSV documents are not allowed here" in refused.content.decode()
    assert not Post.objects.filter(body="Second table").exists()

    # Put it back, and lower the image cap under a big photo instead.
    big = noisy_png()
    response = admin_client.post(
        CHANGE, form_of(UploadPolicy.current(), document_types=policy.document_types,
                        image_max_bytes=1 * MB)
    )  # fmt: skip
    assert response.status_code == 302
    assert post_file(engineer, "table.csv", b"a,b\n1,2\n", "Third table").status_code == 200
    refused = post_file(engineer, "scan.png", big)
    assert refused.status_code == 400
    assert "images larger than 1 MB are not allowed here" in refused.content.decode()


def test_the_admin_refuses_a_type_agora_does_not_handle(admin_client):
    policy = UploadPolicy.current()
    response = admin_client.post(CHANGE, form_of(policy, image_types=["image/svg+xml"]))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert "image/svg+xml" not in UploadPolicy.current().image_types


def test_uploads_beyond_the_daily_volume_are_refused_naming_what_is_left(
    cast, client_for, media_root
):
    update_upload_policy(daily_bytes_per_person=MB)
    client = client_for("salesperson")
    pdf = pdf_bytes()
    assert post_file(client, "plan.pdf", pdf).status_code == 200
    stored = len(files_in(media_root))

    big = noisy_png(700)  # about 1.4 MB: more than is left
    refused = post_file(client, "chart.png", big, "Too much today")
    assert refused.status_code == 400
    text = refused.content.decode()
    left = MB - len(pdf)
    assert f"You may upload 1 MB a day and {size(left)} is left for today" in text
    assert size(left).endswith(" KB")
    assert not Post.objects.filter(body="Too much today").exists()
    assert len(files_in(media_root)) == stored

    # Others have their own allowance; raising the cap lets the file through at once.
    assert post_file(client_for("moderator"), "small.png", png()).status_code == 200
    update_upload_policy(daily_bytes_per_person=10 * MB)
    assert post_file(client, "chart.png", big, "Fine now").status_code == 200


def test_profile_photos_follow_the_policys_image_rules(cast, client_for, media_root):
    update_upload_policy(image_max_pixels=100)
    with pytest.raises(ActionError, match="megapixels"):
        do_set_avatar(cast.engineer, upload("me.png", png(40, 30)))
