"""Comments and replies on a post."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from agora.core.errors import ActionError
from agora.core.htmx import bad_request, is_htmx, refuse, toast
from agora.posts import actions, queries
from agora.posts.access import access_comment, access_post
from agora.posts.forms import CommentForm
from agora.spaces.viewer import viewer_for


@require_http_methods(["GET", "POST"])
def comments(request: HttpRequest, post_id: int) -> HttpResponse:
    """GET: the thread and a comment box (opened under a feed card). POST: add a comment."""
    viewer = viewer_for(request)
    post = access_post(viewer.user, post_id)
    if request.method == "GET":
        if not is_htmx(request):
            return HttpResponseRedirect(post.get_absolute_url() + "#comments")
        context = {
            "post": post,
            "thread": queries.comment_thread(viewer, post),
            "comment_form": CommentForm(),
        }
        return render(request, "posts/_comments.html", context)
    form = CommentForm(request.POST, request.FILES)
    try:
        if not form.is_valid():
            message = str(next(iter(form.non_field_errors()), ""))
            raise ActionError(
                message or "This comment could not be read; reload the page and try again."
            )
        comment = actions.check_add_comment(
            viewer.user,
            post.pk,
            form.cleaned_data["body"],
            parent_id=form.cleaned_data["parent"],
            uploads=form.uploads(),
            captions=form.captions_file(),
        )
    except ActionError as exc:
        return refuse(request, exc)
    if is_htmx(request):
        comment = access_comment(viewer.user, comment.pk)
        view = queries.comment_view(viewer, comment)
        # The new count goes with the comment, out of band, to the card or page it shows on.
        post.refresh_from_db(fields=["comment_count"])
        context = {"view": view, "post": post, "fresh": True}
        return render(request, "posts/_comment_added.html", context)
    return HttpResponseRedirect(comment.get_absolute_url())


@require_GET
def comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    """One comment as the viewer sees it, with its post's comment count out of band (a
    live page adds it when someone else writes it); other requests go to it on its page.
    404 for people who may not read its post, like a missing one."""
    viewer = viewer_for(request)
    found = access_comment(viewer.user, comment_id)
    if not is_htmx(request):
        return HttpResponseRedirect(found.get_absolute_url())
    context = {"view": queries.comment_view(viewer, found), "post": found.post, "fresh": True}
    return render(request, "posts/_comment_added.html", context)


@require_POST
def delete_comment(request: HttpRequest, comment_id: int) -> HttpResponse:
    viewer = viewer_for(request)
    try:
        comment = actions.check_delete_comment(viewer.user, comment_id)
    except ActionError as exc:
        return bad_request(request, exc.message, status=exc.status)
    if is_htmx(request):
        return toast(HttpResponse(""), "Comment deleted.")
    return HttpResponseRedirect(comment.post.get_absolute_url() + "#comments")
