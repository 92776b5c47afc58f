"""The people directory, following, profile photos and editing one's profile (a person's
page, which draws their credibility and posts, is ``reputation.views.profile``)."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import (
    require_GET,
    require_http_methods,
    require_POST,
    require_safe,
)

from agora.core.errors import ActionError
from agora.core.htmx import bad_request, is_htmx, render_page
from agora.media.serving import serve_stored
from agora.people import actions, queries
from agora.people.access import signed_in
from agora.people.forms import ProfileForm
from agora.people.models import User


@require_GET
def directory(request: HttpRequest) -> HttpResponse:
    filters = {
        "q": request.GET.get("q", "").strip()[:100],
        "department": request.GET.get("department", "")[:100],
        "location": request.GET.get("location", "")[:100],
        "skill": request.GET.get("skill", "")[:60],
    }
    people = queries.directory(**filters)
    page = Paginator(people, 30).get_page(request.GET.get("page"))
    context = {"page": page, "filters": filters, **queries.filter_options()}
    return render_page(request, "people/directory.html", "people/_directory_results.html", context)


@require_POST
def follow(request: HttpRequest, handle: str) -> HttpResponse:
    me = signed_in(request)
    try:
        person = actions.check_follow(me, handle)
    except ActionError as exc:
        return bad_request(request, exc.message, status=exc.status)
    if request.POST.get("on") == "1":
        actions.do_follow(me, person)
    else:
        actions.do_unfollow(me, person)
    if is_htmx(request):
        person.refresh_from_db(fields=["follower_count"])
        context = {"person": person, "following": queries.is_following(me, person)}
        # The button, and out of band the profile's follower count, which it just changed.
        return render(request, "people/_followed.html", context)
    return HttpResponseRedirect(person.get_absolute_url())


@require_safe
def avatar(request: HttpRequest, handle: str) -> HttpResponse | StreamingHttpResponse:
    person = get_object_or_404(User, handle=handle)
    if not person.avatar:
        raise Http404("No photo")
    is_png = person.avatar.endswith(".png")
    content_type = "image/png" if is_png else "image/jpeg"
    name = f"{handle}-photo.{'png' if is_png else 'jpg'}"
    return serve_stored(request, person.avatar, content_type, name, inline=True)


@require_http_methods(["GET", "POST"])
def edit_profile(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = ProfileForm.for_user(user, request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                if data["avatar"]:
                    actions.do_set_avatar(user, data["avatar"])
                actions.do_update_profile(
                    user,
                    skills=form.skill_names(),
                    display_name=data["display_name"],
                    job_title=data["job_title"],
                    department=data["department"],
                    location=data["location"],
                    bio=data["bio"],
                )
            except ActionError as exc:
                form.add_error(exc.field, exc.message)
            else:
                messages.success(request, "Your profile is saved.")
                return HttpResponseRedirect(user.get_absolute_url())
        status = 400
    return render(request, "people/edit.html", {"form": form}, status=status)


@require_GET
def suggest(request: HttpRequest) -> HttpResponse:
    people = queries.suggestions(request.GET.get("person", "") or request.GET.get("q", ""))
    return render(request, "people/_suggestions.html", {"people": people})


# What may follow "@" in a mention being typed: a handle's or a name's first letters (no
# spaces; the menu closes at one). Longer than any handle (40) or name word worth
# completing is refused, so the query's cost is bounded.
MENTION_PREFIX = re.compile(r"[\w.'-]{1,64}")


@require_GET
def mentions(request: HttpRequest) -> HttpResponse:
    """The composer's @mention menu: a listbox of at most eight active people whose handle,
    or a word of whose name, starts with ``q`` (agora.js shows it through
    ``<text-expander>``; choosing one writes ``@handle``)."""
    prefix = request.GET.get("q", "")
    if not MENTION_PREFIX.fullmatch(prefix):
        return bad_request(
            request, "Type the first letters of a name or handle (at most 64, no spaces)."
        )
    people = queries.mention_candidates(prefix)
    return render(request, "people/_mention_options.html", {"people": people})
