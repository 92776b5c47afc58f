"""A secret space with something of every kind in it, and the five people who look at it:
the world of the per-URL visibility test (``agora/core/tests/test_visibility_by_url.py``).

Built on the cast with real actions. *Project Falcon* is secret; the engineer owns it.

- **member**: Mika, a plain member, who posts only there (a question, a comment, a
  thumbs-up), so her profile has a badge and posts that only Falcon's readers may see;
- **space moderator**: Sid, a moderator of Falcon and nothing else (not a site
  moderator), who answered Mika's question and earned credit in ``#wingspan``;
- **site moderator**: the cast's moderator, Maya, who moderates the whole site but is not
  a member of Falcon: site moderation never widens what someone can see;
- **outsider**: the cast's outsider, Olly, who belongs to no space. He was on Falcon's
  team for a while (his accepted answer, badges and notifications stay behind) and left.
- **anonymous**: nobody signed in.

A second space, *Falcon Partners*, is private, with the same people in the same roles and
a post with an image, for the pages where private and secret differ. ``#wingspan`` is used
only in Falcon, and Maya has it as a skill (so suggestions that follow skills would find
Falcon's questions, were the rule not applied).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from agora.core import eventlog
from agora.notifications.models import Notification, NotificationKind
from agora.people import actions as people
from agora.people.models import User
from agora.posts import actions as posts
from agora.posts.models import Comment, Post, Tag
from agora.qa import actions as qa
from agora.spaces import actions as spaces
from agora.spaces.models import JoinRequest, Kind, Role, Space, Visibility
from agora.testing.personas import PASSWORD, Cast, image_upload

VIEWERS = ("anonymous", "outsider", "member", "space_moderator", "site_moderator")
SECRET_TAG = "wingspan"


@dataclass(frozen=True)
class Targets:
    """What a URL pattern may name, all about one space (or, for ``missing``, ids and
    slugs that no row has, to compare a hidden answer with a missing one)."""

    space: str  # slug
    space_id: int  # for pages that take ids (the administration)
    post: int
    question: int
    answer: int  # an answer by the space moderator to the member's question
    comment: int  # the member's comment on the post
    attachment: int  # the post's image
    member: int  # the member's user id
    request: int  # a pending join request
    tag: str  # a tag used only in this space
    tag_id: int
    person: str  # the handle of the member, who posts only there
    expert: str  # the handle of the space moderator, whose credit is only there
    notification: int  # the member's: the space moderator answered their question
    former: int  # the outsider's, from his time in the space (his answer accepted)

    def texts(self) -> tuple[str, ...]:
        """The slugs, tag and handles a request may carry (echoed back by some pages)."""
        return (self.space, self.tag, self.person, self.expert)


@dataclass
class SecretWorld:
    cast: Cast
    viewers: dict[str, User | None]
    falcon: Space
    partners: Space
    secret: Targets
    private: Targets
    open: Targets
    missing: Targets
    # What only the two spaces' readers may ever see, on any page.
    secrets: tuple[str, ...]


def _person(email: str, name: str) -> User:
    return people.create_user(email, display_name=name, password=PASSWORD)


def make_secret_world(cast: Cast) -> SecretWorld:
    engineer, outsider, site_moderator = cast.engineer, cast.outsider, cast.moderator
    member = _person("mika@example.com", "Mika Member")
    space_moderator = _person("sid@example.com", "Sid Steward")
    requester = _person("rita@example.com", "Rita Requester")
    people.do_update_profile(site_moderator, skills=["Wingspan", "People"])
    people.do_set_avatar(member, image_upload("mika.png").file)

    falcon = spaces.do_create_space(
        engineer,
        name="Project Falcon",
        description="Where the Falcon launch is planned",
        kind=Kind.PRODUCT,
        visibility=Visibility.PRIVATE,
    )
    # Rita asked to join while Falcon was still listed; then its owner made it secret, so
    # her request waits in a secret space (the only way one can).
    spaces.do_join(requester, falcon, message="May I help with the launch?")
    for person, role in ((member, Role.MEMBER), (space_moderator, Role.MODERATOR)):
        spaces.do_add_member(falcon, person, role=role)
    spaces.do_add_member(falcon, outsider)
    spaces.do_update_space(
        falcon,
        name=falcon.name,
        description=falcon.description,
        kind=falcon.kind,
        visibility=Visibility.SECRET,
    )

    post = posts.check_create_post(
        engineer,
        space=falcon,
        body=f"Falcon launch moves to the first week of March #{SECRET_TAG}",
        uploads=[image_upload("falcon.png")],
    )
    question = qa.check_ask(
        member,
        space=falcon,
        title="Which rocket vendor signs the Falcon contract?",
        body="Legal needs a name by Friday.",
        tags=SECRET_TAG,
    )
    olly_answer = qa.check_answer(outsider, question.pk, "Orbital Works, says procurement.")
    qa.check_accept(member, olly_answer.pk)
    answer = qa.check_answer(space_moderator, question.pk, "Orbital Works signs on Thursday.")
    posts.do_add_reaction(member, answer.post, "thumbs_up")
    comment = posts.check_add_comment(member, post.pk, "Marketing needs the date by Monday.")
    # Open, and neither the member's nor the space moderator's: suggested to them both.
    qa.check_ask(
        engineer,
        space=falcon,
        title="Who signs off the Falcon budget?",
        body="Finance asks.",
        tags=SECRET_TAG,
    )
    eventlog.run_consumers()  # the notifications so far: the outsider's while a member
    spaces.do_leave(outsider, falcon)

    partners = spaces.do_create_space(
        engineer,
        name="Falcon Partners",
        description="Suppliers we talk to about the launch",
        kind=Kind.TEAM,
        visibility=Visibility.PRIVATE,
    )
    for person, role in ((member, Role.MEMBER), (space_moderator, Role.MODERATOR)):
        spaces.do_add_member(partners, person, role=role)
    partner_post = posts.check_create_post(
        engineer,
        space=partners,
        body="The supplier sent the draft terms",
        uploads=[image_upload("terms.png")],
    )

    missing_id = 1000 + max(
        model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        for model in (Post, Comment, User, JoinRequest, Tag, Space, Notification)
    )
    missing = Targets(
        space="no-such-space",
        space_id=missing_id,
        post=missing_id,
        question=missing_id,
        answer=missing_id,
        comment=missing_id,
        attachment=missing_id,
        member=missing_id,
        request=missing_id,
        tag="nosuchtag",
        tag_id=missing_id,
        person="no-such-person",
        expert="no-such-person",
        notification=missing_id,
        former=missing_id,
    )
    eventlog.run_consumers()  # the notifications the world's events call for
    secret = Targets(
        space=falcon.slug,
        space_id=falcon.pk,
        post=post.pk,
        question=question.pk,
        answer=answer.pk,
        comment=comment.pk,
        attachment=_file(post),
        member=member.pk,
        request=JoinRequest.objects.get(space=falcon, user=requester).pk,
        tag=SECRET_TAG,
        tag_id=Tag.objects.get(name=SECRET_TAG).pk,
        person=member.handle,
        expert=space_moderator.handle,
        notification=Notification.objects.get(
            user=member, kind=NotificationKind.NEW_ANSWER, answer=answer.post
        ).pk,
        former=Notification.objects.get(
            user=outsider, kind=NotificationKind.ANSWER_ACCEPTED, answer=olly_answer.post
        ).pk,
    )
    falcon.refresh_from_db()
    return SecretWorld(
        cast=cast,
        viewers={
            "anonymous": None,
            "outsider": outsider,
            "member": member,
            "space_moderator": space_moderator,
            "site_moderator": site_moderator,
        },
        falcon=falcon,
        partners=partners,
        secret=secret,
        # The private and open spaces have a post with an image; their other ids are
        # missing ones (no row on those pages is about them).
        private=dataclasses.replace(
            missing,
            space=partners.slug,
            space_id=partners.pk,
            post=partner_post.pk,
            attachment=_file(partner_post),
        ),
        open=dataclasses.replace(
            missing,
            space=cast.open_space.slug,
            space_id=cast.open_space.pk,
            post=cast.open_post.pk,
            attachment=_file(cast.open_post),
        ),
        missing=missing,
        secrets=(
            # Falcon Partners is listed (its name and description are not secret), its
            # post is not.
            "The supplier sent the draft terms",
            falcon.name,
            falcon.description,
            "Falcon launch moves",
            question.title,
            "Orbital Works",
            "Marketing needs the date",
            "Who signs off the Falcon budget?",
            f"#{SECRET_TAG}",
        ),
    )


def _file(post: Post) -> int:
    attachment = post.files.first()
    assert attachment is not None
    return attachment.pk
