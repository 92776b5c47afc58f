"""The home feed, a space's page (its feed), tag pages and writing a new post."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from agora.core.errors import ActionError
from agora.core.htmx import bad_request, error_into, is_htmx, render_page, safe_next
from agora.core.pagination import BadCursor
from agora.posts import actions, queries
from agora.posts.forms import PostForm
from agora.spaces.access import access_space
from agora.spaces.forms import JoinRequestForm
from agora.spaces.queries import has_pending_request, pending_requests
from agora.spaces.viewer import viewer_for


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    viewer = viewer_for(request)
    tab = request.GET.get("tab", "all")
    if tab not in queries.FEED_TABS:
        tab = "all"
    try:
        page = queries.home_feed(
            viewer,
            tab=tab,
            cursor=request.GET.get("before"),
            size=settings.AGORA_FEED_PAGE_SIZE,
        )
    except BadCursor as exc:
        return bad_request(request, str(exc))
    context = {
        "page": page,
        "tab": tab,
        "form": PostForm(),
        "more_url": f"{reverse('home')}?tab={tab}&before=",
        "viewer": viewer,
    }
    return render_page(request, "posts/home.html", "posts/_feed_page.html", context)


@require_GET
def space(request: HttpRequest, slug: str) -> HttpResponse:
    """A space's page: its header and pinned posts, then its feed (a secret space is 404
    to outsiders; a private one shows non-members how to ask to join)."""
    viewer = viewer_for(request)
    access = access_space(viewer.user, slug)
    context: dict[str, object] = {"access": access, "space": access.space, "viewer": viewer}
    if not access.can_read:
        context["has_requested"] = has_pending_request(access.space, viewer.user)
        context["join_form"] = JoinRequestForm()
        return render(request, "spaces/closed.html", context)
    try:
        pinned, page = queries.space_feed(
            viewer,
            access.space,
            cursor=request.GET.get("before"),
            size=settings.AGORA_FEED_PAGE_SIZE,
        )
    except BadCursor as exc:
        return bad_request(request, str(exc))
    context.update(
        pinned=pinned,
        page=page,
        form=PostForm(initial={"space": access.space.slug}),
        more_url=f"{reverse('posts:space', args=[access.space.slug])}?before=",
        current_space_id=access.space.pk,
    )
    if access.can_manage:
        context["pending_count"] = pending_requests(access.space).count()
    return render_page(request, "posts/space.html", "posts/_feed_page.html", context)


@require_GET
def tag(request: HttpRequest, name: str) -> HttpResponse:
    viewer = viewer_for(request)
    tag = queries.readable_tag(viewer.user, name.lower())
    if tag is None:  # used nowhere, or only where the viewer may not read
        raise Http404("No such tag")
    try:
        page = queries.tag_feed(
            viewer, tag, cursor=request.GET.get("before"), size=settings.AGORA_FEED_PAGE_SIZE
        )
    except BadCursor as exc:
        return bad_request(request, str(exc))
    context = {
        "page": page,
        "tag": tag,
        "viewer": viewer,
        "more_url": f"{reverse('posts:tag', args=[tag.name])}?before=",
    }
    return render_page(request, "posts/tag.html", "posts/_feed_page.html", context)


@require_POST
def create(request: HttpRequest) -> HttpResponse:
    """Write a post (company-wide, or in a space the author belongs to)."""
    viewer = viewer_for(request)
    form = PostForm(request.POST, request.FILES)
    space = None
    try:
        if not form.is_valid():
            raise ActionError(_first_error(form))
        slug = form.cleaned_data["space"]
        if slug:
            space = next((s for s in viewer.spaces if s.slug == slug), None)
            if space is None:  # not a member: 404 if secret, "join first" otherwise
                space = access_space(viewer.user, slug).space
        post = actions.check_create_post(
            viewer.user,
            space=space,
            body=form.cleaned_data["body"],
            uploads=form.uploads(),
            captions=form.captions_file(),
            roles=viewer.roles,
        )
    except ActionError as exc:
        if is_htmx(request):
            return error_into(request, exc, "#composer-error")
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return render(
            request, "posts/compose.html", {"form": form, "viewer": viewer}, status=exc.status
        )
    if is_htmx(request):
        card = queries.new_post_card(viewer, post.pk)
        return render(request, "posts/_post_card.html", {"card": card, "fresh": True})
    return HttpResponseRedirect(safe_next(request, post.get_absolute_url()))


@require_GET
def compose(request: HttpRequest) -> HttpResponse:
    """The composer on a page of its own (the "New post" button, and phones)."""
    viewer = viewer_for(request)
    form = PostForm(initial={"space": request.GET.get("space", "")})
    return render(request, "posts/compose.html", {"form": form, "viewer": viewer})


def _first_error(form: PostForm) -> str:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        return f"{label}: {errors[0]}" if label else str(errors[0])
    return "Check the form and try again."
