"""Finding people and keeping one's own profile: the directory, profiles, follows, editing.

Asserted as a person would notice it: who is listed, what a profile shows, what the
follow button says, what the edit form answers, and what the photo URL serves.
"""

from __future__ import annotations

import html
import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from PIL import ExifTags, Image

from agora.people import actions
from agora.people.models import Department, Follow, User

pytestmark = pytest.mark.django_db


def text(response: HttpResponse) -> str:
    """The page as a person reads it (entities such as &#x27; decoded)."""
    return html.unescape(response.content.decode())


def listed(client, **filters: str) -> list[str]:
    """The names on the directory's result cards, as htmx asks for them."""
    response = client.get(reverse("people:directory"), filters, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    return re.findall(r'<span class="person-name">([^<]+)</span>', text(response))


def follow(client, person: User, *, on: bool = True, **kwargs):
    return client.post(
        reverse("people:follow", args=[person.handle]), {"on": "1" if on else "0"}, **kwargs
    )


def follower_count(person: User) -> int:
    person.refresh_from_db(fields=["follower_count"])
    return person.follower_count


def jpeg_with_gps(width: int = 64, height: int = 48) -> bytes:
    image = Image.new("RGB", (width, height), "orange")
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SpyCam"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (38.0, 42.0, 49.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    data = out.getvalue()
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo), "fixture has GPS"
    return data


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (24, 24), colour) for colour in ("red", "green", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()


def stored_avatars(media_root: Path) -> list[Path]:
    folder = media_root / "avatars"
    return sorted(folder.iterdir()) if folder.exists() else []


PROFILE = {
    "display_name": "Ada Lovelace",
    "job_title": "Staff engineer",
    "location": "Porto",
    "bio": "Analytical engines, mostly.",
    "skills": "Kubernetes, python , Python,, PYTHON ,  Go",
}


@pytest.fixture
def people(cast) -> dict[str, User]:
    """Three more employees beside the cast (who all work in Lisbon), one of them gone."""
    engineering = Department.objects.get_or_create(
        slug="engineering", defaults={"name": "Engineering"}
    )[0]
    sales = Department.objects.get_or_create(slug="sales", defaults={"name": "Sales"})[0]
    return {
        "priya": actions.create_user(
            "priya@example.com",
            display_name="Priya Platform",
            department=engineering,
            job_title="Platform lead",
            location="Porto",
            bio="I keep the clusters up.",
            skills=["Kubernetes", "Python"],
        ),
        "lars": actions.create_user(
            "lars@example.com",
            display_name="Lars Lund",
            department=sales,
            job_title="Account executive",
            location="Porto",
            skills=["Pricing"],
        ),
        "gone": actions.create_user(
            "gone@example.com",
            display_name="Priya Former",
            department=engineering,
            job_title="Platform engineer",
            location="Porto",
            skills=["Kubernetes"],
            is_active=False,
        ),
    }


# The directory


def test_it_lists_every_active_person(cast, client_for, people) -> None:
    names = listed(client_for("engineer"))
    assert names == [
        "Ada Engineer",
        "Lars Lund",
        "Maya Moderator",
        "Olly Outsider",
        "Priya Platform",
        "Sam Sales",
    ]


def test_it_filters_the_directory_by_department(cast, client_for, people) -> None:
    client = client_for("outsider")
    assert listed(client, department="engineering") == ["Ada Engineer", "Priya Platform"]
    assert listed(client, department="sales") == ["Lars Lund", "Sam Sales"]
    assert listed(client, department="no-such-department") == []


def test_it_filters_the_directory_by_location(cast, client_for, people) -> None:
    client = client_for("outsider")
    assert listed(client, location="Porto") == ["Lars Lund", "Priya Platform"]
    assert len(listed(client, location="Lisbon")) == 4


def test_it_filters_the_directory_by_skill(cast, client_for, people) -> None:
    client = client_for("outsider")
    assert listed(client, skill="kubernetes") == ["Priya Platform"]
    assert listed(client, skill="agora") == [
        "Ada Engineer",
        "Maya Moderator",
        "Olly Outsider",
        "Sam Sales",
    ]


def test_it_combines_the_directory_filters(cast, client_for, people) -> None:
    client = client_for("outsider")
    assert listed(client, department="engineering", location="Lisbon") == ["Ada Engineer"]
    assert listed(client, department="sales", skill="agora") == ["Sam Sales"]
    assert listed(client, location="Porto", skill="pricing") == ["Lars Lund"]
    assert listed(client, q="platform", location="Porto") == ["Priya Platform"]
    assert listed(client, department="engineering", skill="pricing") == []


def test_it_searches_the_directory_by_name_title_and_handle(cast, client_for, people) -> None:
    client = client_for("outsider")
    assert listed(client, q="lars") == ["Lars Lund"]
    assert listed(client, q="account exec") == ["Lars Lund"]
    assert listed(client, q="sam-sales") == ["Sam Sales"]
    response = client.get(reverse("people:directory"), {"q": "nobody by that name"})
    assert "Nobody matches these filters" in response.content.decode()


def test_it_does_not_list_deactivated_people(cast, client_for, people) -> None:
    client = client_for("outsider")
    assert listed(client, q="former") == []
    assert "Priya Former" not in listed(client, department="engineering", skill="kubernetes")
    assert "Priya Former" not in text(client.get(reverse("people:directory")))


def test_it_offers_only_the_filters_active_people_have(cast, client_for, people) -> None:
    actions.create_user(
        "fay@example.com",
        display_name="Fay Former",
        location="Faro",
        skills=["Terraform"],
        is_active=False,
    )
    page = text(client_for("outsider").get(reverse("people:directory"), {"department": "sales"}))
    assert '<option value="sales" selected>Sales</option>' in page
    assert '<option value="Porto" >Porto</option>' in page
    assert '<option value="kubernetes" >Kubernetes</option>' in page
    # Only a deactivated person is in Faro or knows Terraform: choosing either would find nobody.
    assert "Faro" not in page
    assert "Terraform" not in page


# Profiles


def test_it_shows_a_persons_details_and_skills(cast, client_for, people) -> None:
    response = client_for("engineer").get(people["priya"].get_absolute_url())
    assert response.status_code == 200
    page = text(response)
    for detail in (
        "Priya Platform",
        "Platform lead",
        "Engineering",
        "Porto",
        "I keep the clusters up.",
    ):
        assert detail in page
    assert "@priya-platform" in page
    assert f"{reverse('people:directory')}?skill=kubernetes" in page
    assert f"{reverse('people:directory')}?skill=python" in page
    assert "0 followers" in page
    assert "</svg> Follow</button>" in page


def test_it_shows_how_many_follow_a_person_and_whether_i_do(cast, client_for, people) -> None:
    priya = people["priya"]
    follow(client_for("salesperson"), priya)
    follow(client_for("moderator"), priya)

    mine = text(client_for("engineer").get(priya.get_absolute_url()))
    theirs = text(client_for("salesperson").get(priya.get_absolute_url()))

    assert "2 followers" in mine
    assert "</svg> Follow</button>" in mine
    assert "</svg> Following</button>" in theirs
    assert 'aria-pressed="true"' in theirs


def test_it_keeps_the_dates_of_an_account_and_a_follow_made_in_the_past(cast, client_for):
    # An import, or the demo's months of history, writes them as they happened.
    then = timezone.now() - timedelta(days=200)
    rosa = actions.create_user("rosa@example.com", display_name="Rosa Old", date_joined=then)
    assert actions.do_follow(rosa, cast.engineer, at=then + timedelta(days=3))
    follow_row = Follow.objects.get(follower=rosa)
    assert follow_row.created_at == then + timedelta(days=3)
    page = text(client_for("engineer").get(rosa.get_absolute_url()))
    assert f"joined {then:%B %Y}" in page


def test_it_shows_my_own_profile_with_an_edit_link_instead_of_follow(cast, client_for) -> None:
    page = text(client_for("engineer").get(cast.engineer.get_absolute_url()))
    assert "Edit profile" in page
    assert "Follow</button>" not in page


def test_it_answers_404_for_unknown_and_deactivated_people(cast, client_for, people) -> None:
    client = client_for("engineer")
    assert client.get(reverse("reputation:profile", args=["no-such-person"])).status_code == 404
    assert client.get(people["gone"].get_absolute_url()).status_code == 404


# Following


def test_it_follows_with_a_plain_post_and_redirects_to_the_profile(cast, client_for) -> None:
    response = follow(client_for("outsider"), cast.engineer)
    assert response.status_code == 302
    assert response["Location"] == cast.engineer.get_absolute_url()
    assert Follow.objects.filter(follower=cast.outsider, followee=cast.engineer).exists()
    assert follower_count(cast.engineer) == 1


def test_it_answers_htmx_with_the_follow_button(cast, client_for) -> None:
    olly = client_for("outsider")

    followed = follow(olly, cast.engineer, HTTP_HX_REQUEST="true")

    assert followed.status_code == 200
    fragment = followed.content.decode()
    assert "<html" not in fragment
    assert "</svg> Following</button>" in fragment
    assert 'name="on" value="0"' in fragment

    unfollowed = follow(olly, cast.engineer, on=False, HTTP_HX_REQUEST="true")
    assert "</svg> Follow</button>" in unfollowed.content.decode()
    assert 'name="on" value="1"' in unfollowed.content.decode()


def test_it_sends_the_new_follower_count_out_of_band_with_the_button(cast, client_for) -> None:
    olly, sam = client_for("outsider"), client_for("salesperson")
    count = f'<span id="follower-count-{cast.engineer.pk}"'
    profile = sam.get(cast.engineer.get_absolute_url()).content.decode()
    assert f"{count}>0 followers</span>" in profile  # the element the fragment replaces

    follow(sam, cast.engineer, HTTP_HX_REQUEST="true")
    followed = follow(olly, cast.engineer, HTTP_HX_REQUEST="true").content.decode()
    assert f'{count} hx-swap-oob="true">2 followers</span>' in followed

    unfollowed = follow(olly, cast.engineer, on=False, HTTP_HX_REQUEST="true").content.decode()
    assert f'{count} hx-swap-oob="true">1 follower</span>' in unfollowed
    assert "</svg> Follow</button>" in unfollowed


def test_it_counts_followers_as_follow_rows_even_after_double_clicks(cast, client_for) -> None:
    olly, sam = client_for("outsider"), client_for("salesperson")
    engineer = cast.engineer

    def rows() -> int:
        return Follow.objects.filter(followee=engineer).count()

    follow(olly, engineer)
    follow(olly, engineer)
    follow(sam, engineer, HTTP_HX_REQUEST="true")
    assert follower_count(engineer) == rows() == 2

    follow(olly, engineer, on=False)
    follow(olly, engineer, on=False)
    assert follower_count(engineer) == rows() == 1

    follow(sam, engineer, on=False)
    follow(sam, engineer, on=False)
    assert follower_count(engineer) == rows() == 0


def test_it_refuses_to_follow_oneself_with_a_clear_message(cast, client_for) -> None:
    response = follow(client_for("engineer"), cast.engineer)
    assert response.status_code == 400
    assert "You cannot follow yourself." in text(response)
    assert not Follow.objects.exists()
    assert follower_count(cast.engineer) == 0


def test_it_answers_404_when_following_someone_who_does_not_exist(cast, client_for, people) -> None:
    client = client_for("engineer")
    missing = client.post(reverse("people:follow", args=["no-such-person"]), {"on": "1"})
    assert missing.status_code == 404
    assert "There is no such person." in text(missing)
    assert follow(client, people["gone"]).status_code == 404
    assert not Follow.objects.exists()


def test_it_only_follows_by_post(cast, client_for) -> None:
    response = client_for("outsider").get(reverse("people:follow", args=[cast.engineer.handle]))
    assert response.status_code == 405
    assert not Follow.objects.exists()


# Editing one's profile


def test_it_saves_the_profile_fields_and_skills(cast, client_for) -> None:
    engineering = Department.objects.get(slug="engineering")
    ada = client_for("engineer")

    response = ada.post(
        reverse("people:edit"), {**PROFILE, "department": engineering.pk}, follow=True
    )

    assert response.redirect_chain[-1][0] == cast.engineer.get_absolute_url()
    page = text(response)
    assert "Your profile is saved." in page
    assert "Ada Lovelace" in page
    assert "Analytical engines, mostly." in page
    user = User.objects.get(pk=cast.engineer.pk)
    assert (user.display_name, user.job_title, user.location, user.department) == (
        "Ada Lovelace",
        "Staff engineer",
        "Porto",
        engineering,
    )
    assert sorted(s.slug for s in user.skills.all()) == ["go", "kubernetes", "python"]
    # The form shows the saved skills, each once.
    form = text(ada.get(reverse("people:edit")))
    assert re.search(r'name="skills" value="([^"]*)"', form).group(1).lower().count("python") == 1  # type: ignore[union-attr]


def test_it_clears_skills_when_none_are_given(cast, client_for) -> None:
    client_for("engineer").post(reverse("people:edit"), {**PROFILE, "skills": " , "})
    assert not User.objects.get(pk=cast.engineer.pk).skills.exists()
    assert "Ada Engineer" not in listed(client_for("outsider"), skill="agora")


def test_it_answers_an_invalid_profile_with_400_and_saves_nothing(cast, client_for) -> None:
    response = client_for("engineer").post(reverse("people:edit"), {**PROFILE, "display_name": ""})
    assert response.status_code == 400
    assert "This field is required." in text(response)
    user = User.objects.get(pk=cast.engineer.pk)
    assert (user.job_title, user.location) == ("Engineering person", "Lisbon")


def test_it_stores_an_avatar_without_its_gps_data(cast, client_for, media_root) -> None:
    ada = client_for("engineer")
    upload = SimpleUploadedFile("me.jpg", jpeg_with_gps(), content_type="image/jpeg")

    response = ada.post(reverse("people:edit"), {**PROFILE, "avatar": upload})

    assert response.status_code == 302
    [stored] = stored_avatars(media_root)
    data = stored.read_bytes()
    assert b"SpyCam" not in data
    image = Image.open(io.BytesIO(data))
    assert image.format == "JPEG"
    assert not image.getexif()
    assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)

    photo_url = reverse("people:avatar", args=[cast.engineer.handle])
    assert (
        photo_url in client_for("outsider").get(cast.engineer.get_absolute_url()).content.decode()
    )
    photo = client_for("outsider").get(photo_url)
    assert photo.status_code == 200
    assert photo["Content-Type"] == "image/jpeg"
    assert photo["X-Content-Type-Options"] == "nosniff"
    assert b"".join(photo.streaming_content) == data


def test_it_serves_an_animated_avatar_as_the_format_it_is_stored_in(
    cast, client_for, media_root
) -> None:
    upload = SimpleUploadedFile("me.gif", animated_gif(), content_type="image/gif")
    client_for("engineer").post(reverse("people:edit"), {**PROFILE, "avatar": upload})

    photo = client_for("outsider").get(reverse("people:avatar", args=[cast.engineer.handle]))

    served = Image.open(io.BytesIO(b"".join(photo.streaming_content)))
    assert photo["Content-Type"] == f"image/{served.format.lower()}"  # type: ignore[union-attr]


def test_it_keeps_only_the_newest_avatar(cast, client_for, media_root) -> None:
    ada = client_for("engineer")
    for colour in ("red", "blue"):
        out = io.BytesIO()
        Image.new("RGB", (30, 30), colour).save(out, "PNG")
        upload = SimpleUploadedFile("me.png", out.getvalue(), content_type="image/png")
        assert ada.post(reverse("people:edit"), {**PROFILE, "avatar": upload}).status_code == 302
    [stored] = stored_avatars(media_root)
    assert User.objects.get(pk=cast.engineer.pk).avatar == f"avatars/{stored.name}"


def test_it_refuses_a_non_image_avatar_and_saves_nothing(cast, client_for, media_root) -> None:
    upload = SimpleUploadedFile(
        "me.png", b"%PDF-1.7 not a picture at all", content_type="image/png"
    )

    response = client_for("engineer").post(reverse("people:edit"), {**PROFILE, "avatar": upload})

    assert response.status_code == 400
    page = text(response)
    assert "This file is not an image Agora can read (AVIF, GIF, HEIC, JPEG, PNG, WebP)." in page
    # What was typed is still in the form, for another try.
    assert 'value="Ada Lovelace"' in page
    user = User.objects.get(pk=cast.engineer.pk)
    assert (user.display_name, user.job_title, user.location) == (
        "Ada Engineer",
        "Engineering person",
        "Lisbon",
    )
    assert sorted(s.slug for s in user.skills.all()) == ["agora", "engineering"]
    assert user.avatar == ""
    assert stored_avatars(media_root) == []
    assert (
        client_for("outsider").get(reverse("people:avatar", args=[user.handle])).status_code == 404
    )


# Suggestions for pickers


def test_it_suggests_matching_active_people(cast, client_for, people) -> None:
    client = client_for("engineer")
    url = reverse("people:suggest")

    by_name = client.get(url, {"person": "pri"}).content.decode()
    assert '<option value="@priya-platform">Priya Platform — Platform lead</option>' in by_name
    assert "Priya Former" not in by_name
    assert "@lars-lund" in client.get(url, {"q": "@lars"}).content.decode()
    assert "@olly-outsider" in client.get(url, {"person": "olly@"}).content.decode()
    assert client.get(url, {"person": "zzz"}).content.decode().strip() == ""
    assert client.get(url, {"person": "  "}).content.decode().strip() == ""


# Handles


def test_it_gives_people_with_the_same_name_different_handles(cast, client_for) -> None:
    first = actions.create_user(
        "jo.smith@example.com", display_name="Jo Smith", job_title="Designer"
    )
    second = actions.create_user(
        "jo.smith2@example.com", display_name="Jo Smith", job_title="Lawyer"
    )

    assert first.handle != second.handle
    client = client_for("outsider")
    assert "Designer" in text(client.get(first.get_absolute_url()))
    assert "Lawyer" in text(client.get(second.get_absolute_url()))


@pytest.mark.parametrize("name", ["Invite", "Me", "Suggest"])
def test_it_never_gives_a_handle_that_is_one_of_the_apps_own_pages(cast, client_for, name) -> None:
    person = actions.create_user(
        f"{name.lower()}@example.com", display_name=name, job_title="Reserved"
    )
    assert person.handle not in {"invite", "me", "suggest"}
    assert person.handle.startswith(name.lower())
    response = client_for("outsider").get(person.get_absolute_url())
    assert response.status_code == 200
    assert "Reserved" in text(response)


def test_it_makes_a_handle_from_the_email_when_the_name_has_no_letters(cast) -> None:
    person = actions.create_user("kim.lee@example.com", display_name="★★★")
    assert person.handle == "kimlee"
