"""Public comment views: post, edit or withdraw one's own comment, confirm reply notices, unsubscribe.

Views are thin: forms validate, ``services`` write, ``cookies`` remember who
wrote what, ``ratelimit`` counts every anonymous write. No form carries a
token: a POST from another site is refused by ``config.crossorigin`` (a
logged-in user's also needs Django's CSRF token). Every refusal is a
readable page in the site's style.
"""

import ipaddress

from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from blog.models import Post
from blog.rendering import render_comment
from comments import conf, cookies, csrf, notifications, ratelimit, selectors, services, unavailable
from comments.forms import CommentEditForm, CommentForm
from comments.models import Comment
from comments.unavailable import comment_form_kept, edit_form_kept, keeps_text_when_unavailable
from config.crossorigin import cross_origin_protected, has_session


def client_ip(request):
    """The client's address from the configured header (the last hop a trusted proxy added), or None."""
    value = request.META.get(conf.get("IP_HEADER"), "").split(",")[-1].strip()
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def published_post(post_id):
    return get_object_or_404(Post.objects.published().select_related("author"), pk=post_id)


def refuse(request, post, message, status=403, title="Comments are closed"):
    """Template ``comments/refused.html``; context ``post``, ``title``, ``message``."""
    context = {"post": post, "title": title, "message": message}
    return render(request, "comments/refused.html", context, status=status)


def too_many(request, wait, *, title, message, post=None, **context):
    """A 429 with ``Retry-After: wait``: template ``comments/rate_limited.html``.

    Context ``title``, ``message``, ``wait`` in words, ``post``, and the form to
    send again with its text (``form``, and ``comment`` for an edit).
    """
    minutes = -(-wait // 60)
    words = f"{wait} seconds" if wait < 90 else f"{minutes} minutes"
    context = {"title": title, "message": message, "wait": words, "post": post, **context}
    context.setdefault("edit_minutes", conf.get("EDIT_MINUTES"))
    response = render(request, "comments/rate_limited.html", context, status=429)
    response["Retry-After"] = str(wait)
    return response


def form_page(request, post, form, status=400):
    """Template ``comments/comment_form.html``; context ``post``, ``form``, ``reply_to``."""
    parent = form.cleaned_data.get("parent") if hasattr(form, "cleaned_data") else None
    context = {"post": post, "form": form, "reply_to": parent, "edit_minutes": conf.get("EDIT_MINUTES")}
    return render(request, "comments/comment_form.html", context, status=status)


@cross_origin_protected(csrf.comment_refused)
@require_http_methods(["GET", "POST"])
@keeps_text_when_unavailable(comment_form_kept)
def post_comment(request, post_id):
    """Store a comment sent from a post's form, then redirect to it (POST → redirect → GET).

    A GET goes to the post's form. Errors re-show the text: ``form_page`` (400);
    a closed post ``refuse`` (403); too many comments ``too_many`` (429).
    """
    post = published_post(post_id)
    if request.method == "GET":
        return redirect(f"{post.get_absolute_url()}#comment-form")
    if reason := services.post_closed_reason(post):
        return refuse(request, post, reason)
    # A signed-in author, editor or moderator comments as their account, whatever the form said.
    role = services.staff_role(request.user, post) if has_session(request) else ""
    sent = request.POST.copy()
    if role:
        for name, value in services.staff_identity(request.user).items():
            sent[name] = value
    form = CommentForm(sent, post=post, staff_role=role)
    if not form.is_valid():
        return form_page(request, post, form)
    data, ip_address = form.cleaned_data, client_ip(request)
    if wait := ratelimit.retry_after(action="post", email=data["email"], ip_address=ip_address):
        title, message = "Too many comments for now", "You have sent several comments in a short time."
        return too_many(
            request, wait, title=title, message=f"{message} This one was not posted.", post=post, form=form
        )
    try:
        comment = services.comment_submit(
            post=post,
            parent=data["parent"],
            author_name=data["name"],
            author_email=data["email"],
            author_url=data["website"],
            body=data["body"],
            notify_replies=data["notify"],
            user=request.user,
            ip_address=ip_address,
            user_agent=request.headers.get("User-Agent", ""),
            honeypot=data["homepage"],
            staff_role=role,
        )
    except services.CommentsClosed as closed:
        return refuse(request, post, str(closed))
    except ValidationError as error:
        form.add_error(None, error.messages)
        return form_page(request, post, form)
    response = redirect(written(comment))
    cookies.remember_own_comment(request, response, comment.pk)
    cookies.set_identity(
        request,
        response,
        remember=data["remember"],
        name=data["name"],
        email=data["email"],
        website=data["website"],
    )
    return response


# A logged-in user's comment refused by the CSRF check comes back with its text (CSRF_FAILURE_VIEW
# reads this, as CsrfViewMiddleware reads csrf_exempt).
post_comment.csrf_failure = csrf.comment_refused


@never_cache
@cross_origin_protected(csrf.comment_refused)
@require_http_methods(["POST"])
def preview_comment(request, post_id):
    """The comment being written, rendered as it would be shown, through the same pipeline; nothing is stored.

    Protected as the comment POST is. With ``Accept: application/json`` (the
    page's script): ``{"html"}`` or ``{"errors"}`` (400). Otherwise template
    ``comments/comment_preview.html``; context ``post``, ``form`` (its text
    kept), ``reply_to``, ``preview`` (the rendered body, None with errors).
    """
    post = published_post(post_id)
    form = CommentForm(request.POST, post=post)
    body_field = form.fields["body"]
    try:
        body = body_field.clean(
            body_field.widget.value_from_datadict(request.POST, {}, form.add_prefix("body"))
        )
    except ValidationError as error:
        body, errors = None, error.messages
    else:
        errors = []
    preview = SafeString(render_comment(body, conf.render_limits())) if body is not None else None
    if "application/json" in request.headers.get("Accept", ""):
        if errors:
            return JsonResponse({"errors": errors}, status=400)
        return JsonResponse({"html": preview})
    parent = _reply_parent(post, request.POST.get("parent"))
    initial = {name: request.POST.get(name, "") for name in unavailable.KEPT_FIELDS}
    context = {
        "post": post,
        "form": CommentForm(post=post, initial={**initial, "parent": parent.pk if parent else None}),
        "reply_to": parent,
        "preview": preview,
        "errors": errors,
        "edit_minutes": conf.get("EDIT_MINUTES"),
    }
    return render(request, "comments/comment_preview.html", context, status=400 if errors else 200)


preview_comment.csrf_failure = csrf.comment_refused


def _reply_parent(post, value):
    """The approved comment of ``post`` that ``value`` names, or None."""
    try:
        pk = int(value)
    except (TypeError, ValueError):
        return None
    return Comment.objects.approved().filter(post=post, pk=pk).first()


def written(comment):
    """Where a comment just written is seen: on its page of the thread, or, held, on its writer's own page.

    The post page is the same for everyone, so a held comment is not in it
    (the page's script adds it for the writer); ``comment_permalink`` shows it
    without a script.
    """
    if comment.is_public:
        return selectors.comment_url(comment)
    return f"{reverse('comments:comment', args=[comment.pk])}#comment-{comment.pk}"


@never_cache
@require_http_methods(["GET"])
def comment_permalink(request, pk):
    """A comment's permalink: a redirect to the page of its thread that shows it, at its anchor.

    Feeds, notices and the admin's "View on site" link here, so a link stays
    right as the thread grows into more pages. This browser's comment
    awaiting moderation is shown as its writer alone sees it: template
    ``comments/comment_held.html``; context ``post``, ``thread`` (the
    comment's ``<li>``). Any other comment leads to the post's thread.
    """
    comment = get_object_or_404(
        Comment.objects.select_related("post").filter(post__in=Post.objects.published()), pk=pk
    )
    if not comment.is_public:
        held = selectors.own_for(comment.post, request)["held"]
        if item := next((item for item in held if item["id"] == pk), None):
            return render(
                request, "comments/comment_held.html", {"post": comment.post, "thread": item["html"]}
            )
    return redirect(selectors.comment_url(comment))


@never_cache
@require_http_methods(["GET"])
def own_comments(request, post_id):
    """JSON of what only this browser sees on the post's page (``selectors.own_for``).

    The post page is the same for every reader, so caches can share it; its
    script (``static/js/comments.js``) asks for this when the browser has
    written or remembered something (the ``cp_own`` cookie says so).
    """
    return JsonResponse(selectors.own_for(published_post(post_id), request))


def own_comment(request, pk):
    """The comment ``pk`` if this browser wrote it and may still change it; else PermissionDenied."""
    comment = get_object_or_404(
        Comment.objects.select_related("post__author").filter(post__in=Post.objects.published()), pk=pk
    )
    if pk not in cookies.editable_comment_ids(request) or not services.can_edit(comment):
        raise PermissionDenied
    return comment


def changes_refused(request, comment, *, what, **context):
    """A 429 for an edit or withdrawal over ``COMMENTS_EDIT_RATE_LIMIT``, or None to go ahead."""
    wait = ratelimit.retry_after(action="edit", email=comment.author_email, ip_address=client_ip(request))
    if wait is None:
        return None
    message = f"This comment was changed several times in a short time, so it was not {what}."
    context.update(post=comment.post, comment=comment)
    return too_many(request, wait, title="Too many changes for now", message=message, **context)


# Never cached: the page is its writer's, known by a cookie every cache ignores.
@never_cache
@cross_origin_protected(csrf.edit_refused)
@require_http_methods(["GET", "POST"])
@keeps_text_when_unavailable(edit_form_kept)
def edit_comment(request, pk):
    """Edit one's own comment within the edit window.

    Template ``comments/comment_edit.html``; context ``comment``, ``post``, ``form``.
    """
    try:
        comment = own_comment(request, pk)
    except PermissionDenied:
        return not_yours(request, pk)
    form = CommentEditForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and (refused := changes_refused(request, comment, what="saved", form=form)):
        return refused
    if request.method == "POST" and form.is_valid():
        try:
            comment = services.comment_edit(comment=comment, body=form.cleaned_data["body"])
        except PermissionDenied:
            return not_yours(request, pk)
        return redirect(written(comment))
    context = {"comment": comment, "post": comment.post, "form": form}
    return render(request, "comments/comment_edit.html", context, status=400 if form.errors else 200)


@never_cache
@cross_origin_protected(csrf.change_refused)
@require_http_methods(["GET", "POST"])
def withdraw_comment(request, pk):
    """Ask to confirm (GET), then withdraw one's own comment (POST).

    Template ``comments/comment_withdraw.html``; context ``comment``, ``post``.
    """
    try:
        comment = own_comment(request, pk)
    except PermissionDenied:
        return not_yours(request, pk)
    if request.method == "POST":
        if refused := changes_refused(request, comment, what="withdrawn"):
            return refused
        try:
            services.comment_withdraw(comment=comment)
        except PermissionDenied:
            return not_yours(request, pk)
        return redirect(f"{comment.post.get_absolute_url()}#comments")
    return render(request, "comments/comment_withdraw.html", {"comment": comment, "post": comment.post})


def not_yours(request, pk):
    comment = Comment.objects.select_related("post").filter(pk=pk).first()
    message = (
        f"A comment can be edited or withdrawn for {conf.get('EDIT_MINUTES')} minutes after it is posted, "
        "from the browser it was posted from. Ask the site's moderators if it needs changing now."
    )
    return refuse(
        request, comment.post if comment else None, message, title="This comment can no longer be changed"
    )


# Mail clients send RFC 8058 one-click unsubscribes as a POST with no Origin
# (which ``cross_origin_protected`` lets through): the signed token in the URL is
# what authorises the request, and all it can do is stop email. No cache (the
# page cache included) keeps the page: it shows part of the reader's address.
@never_cache
@cross_origin_protected(csrf.change_refused)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """Confirm (GET) and stop (POST) reply notices to the address the signed token leads to.

    Template ``comments/unsubscribe.html``; context ``address`` (partly hidden), ``done``, ``count``.
    A GET changes nothing, because link scanners follow links in email.
    """
    try:
        email = notifications.read_unsubscribe_token(token)
    except signing.SignatureExpired:
        message = (
            "This unsubscribe link has expired: links in reply notices work for "
            f"{conf.get('UNSUBSCRIBE_LINK_DAYS')} days. The newest notice you received has one that works."
        )
        return refuse(request, None, message, status=410, title="This unsubscribe link has expired")
    if email is None:
        message = "This unsubscribe link is not valid. Copy the whole link from the email and try again."
        return refuse(request, None, message, status=400, title="Unknown unsubscribe link")
    if request.method == "POST" and (
        wait := ratelimit.retry_after(action="unsubscribe", email=email, ip_address=client_ip(request))
    ):
        message = "Several unsubscribe requests came in a short time, so this one was not carried out."
        return too_many(request, wait, title="Too many requests for now", message=message)
    count = services.unsubscribe(email=email) if request.method == "POST" else 0
    address = notifications.partly_hidden(email)
    context = {"address": address, "done": request.method == "POST", "count": count}
    return render(request, "comments/unsubscribe.html", context)


# Like ``unsubscribe``: the signed link authorises, a GET changes nothing (mail scanners follow
# links), no cache keeps the page.
@never_cache
@cross_origin_protected(csrf.change_refused)
@require_http_methods(["GET", "POST"])
def confirm_subscriber(request, token):
    """Ask (GET), then confirm (POST) that the address the signed link leads to wants reply notices.

    Template ``comments/confirm_subscriber.html``; context ``address`` (partly hidden), ``done``.
    """
    try:
        email = notifications.read_confirm_token(token)
    except signing.SignatureExpired:
        message = (
            f"This confirmation link has expired: it worked for {conf.get('CONFIRM_LINK_DAYS')} days. "
            "Tick “Email me when someone replies” on your next comment to get a new one."
        )
        return refuse(request, None, message, status=410, title="This confirmation link has expired")
    if email is None:
        message = "This confirmation link is not valid. Copy the whole link from the email and try again."
        return refuse(request, None, message, status=400, title="Unknown confirmation link")
    if request.method == "POST":
        services.subscriber_confirm(email=email)
    context = {"address": notifications.partly_hidden(email), "done": request.method == "POST"}
    return render(request, "comments/confirm_subscriber.html", context)
