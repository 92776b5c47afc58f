"""A post's own page, editing, history and deletion (of posts, questions and answers)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agora.core.errors import ActionError
from agora.core.htmx import bad_request, is_htmx, redirect_back, toast
from agora.posts import actions, queries
from agora.posts.access import access_post, can_edit_post
from agora.posts.forms import CommentForm, EditPostForm
from agora.posts.models import PostKind
from agora.spaces.viewer import viewer_for


@require_GET
def detail(request: HttpRequest, post_id: int) -> HttpResponse:
    viewer = viewer_for(request)
    post = access_post(viewer.user, post_id)
    if post.kind != PostKind.POST:
        # Questions and answers are read on the question's page (``qa:question``).
        return HttpResponseRedirect(post.get_absolute_url())
    card = queries.card_for(viewer, post)
    card.can_pin = queries.can_pin_post(viewer, post)
    context = {
        "card": card,
        "thread": queries.comment_thread(viewer, post),
        "comment_form": CommentForm(),
        "viewer": viewer,
        "expanded": True,
    }
    return render(request, "posts/detail.html", context)


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, post_id: int) -> HttpResponse:
    viewer = viewer_for(request)
    post = access_post(viewer.user, post_id)
    if not can_edit_post(viewer.user, post):
        return bad_request(request, "Only the author can edit a post.", status=403)
    form = EditPostForm(request.POST or None, initial={"body": post.body, "title": post.title})
    status = 200
    if request.method == "POST" and form.is_valid():
        is_question = post.kind == PostKind.QUESTION
        try:
            actions.check_edit_post(
                viewer.user,
                post.pk,
                form.cleaned_data["body"],
                title=form.cleaned_data["title"] if is_question else None,
            )
        except ActionError as exc:
            form.add_error(exc.field if exc.field in form.fields else "body", exc.message)
            status = exc.status
        else:
            return HttpResponseRedirect(post.get_absolute_url())
    return render(
        request, "posts/edit.html", {"form": form, "post": post, "viewer": viewer}, status=status
    )


@require_GET
def history(request: HttpRequest, post_id: int) -> HttpResponse:
    viewer = viewer_for(request)
    post = access_post(viewer.user, post_id)
    revisions = post.revisions.select_related("edited_by").order_by("-created_at", "-id")
    return render(
        request, "posts/history.html", {"post": post, "revisions": revisions, "viewer": viewer}
    )


@require_POST
def delete(request: HttpRequest, post_id: int) -> HttpResponse:
    viewer = viewer_for(request)
    try:
        post = actions.check_delete_post(viewer.user, post_id)
    except ActionError as exc:
        return bad_request(request, exc.message, status=exc.status)
    if is_htmx(request):
        return toast(HttpResponse(""), "Post deleted.")
    target = post.space.get_absolute_url() if post.space else reverse("home")
    return HttpResponseRedirect(target)


@require_POST
def pin(request: HttpRequest, post_id: int) -> HttpResponse:
    """Pin a post to the top of its space (``on=1``) or unpin it (``on=0``)."""
    viewer = viewer_for(request)
    pinned = request.POST.get("on", "1") == "1"
    try:
        post = actions.check_pin(viewer.user, post_id, pinned=pinned)
    except ActionError as exc:
        return bad_request(request, exc.message, status=exc.status)
    message = "Pinned to the top of the space." if pinned else "Unpinned."
    if is_htmx(request):
        return toast(HttpResponse(""), message)
    messages.success(request, message)
    return redirect_back(request, post.get_absolute_url())
