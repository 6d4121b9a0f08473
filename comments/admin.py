"""The moderation queue; on the blog's post admin, pending-comment counts and the comments switch.

Moderators and editors (``comments.moderate_every_comment``) see every
comment; an author sees and moderates only the comments on their own posts,
as in WordPress. Nobody adds or deletes comments here: readers
write them, and moderation only changes their status, through
``comments.services``, which records each decision in the comment's history.

The queue is a workbench: each row shows the comment as readers see it, who
wrote it from where, and buttons that decide it (``moderate_view``, a POST
that returns to the same filtered page, or answers JSON to the queue's
script, ``admin/comments/queue.js``). Its cost is bounded (``comments.queue``).
"""

from django.contrib import admin, messages
from django.contrib.admin.options import ShowFacets
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import Http404, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from blog.admin import posts as posts_admin
from comments import discussion, history, queue, services
from comments.email_actions import email_action
from comments.models import Block, Comment, DiscussionSettings
from comments.queue import AddressFilter, PostFilter, QueuePaginator, RuleFilter, network_of
from comments.queue import moderates_every_comment as is_moderator
from comments.selectors import comment_count

# The per-row buttons: (status, label, keyboard shortcut), as WordPress names them.
ROW_ACTIONS = [
    (Comment.Status.APPROVED, "Approve", "a"),
    (Comment.Status.PENDING, "Unapprove", "u"),
    (Comment.Status.SPAM, "Spam", "s"),
    (Comment.Status.REMOVED, "Trash", "d"),
]
# Related rows' long texts, which no row of the queue shows.
UNSHOWN = [
    "post__body",
    "post__body_html",
    "post__summary",
    "post__cited_works",
    "post__search_document",
    "parent__body",
    "parent__body_html",
    "parent__user_agent",
]


def _moderation_action(status, description):
    def action(modeladmin, request, queryset):
        changed = services.comment_moderate(comments=queryset, status=status, moderator=request.user)
        queue.forget_pending_count(request.user)
        modeladmin.message_user(request, f"{changed} comment{'s' if changed != 1 else ''} {description}.")

    action.__name__ = f"mark_{status}"
    action.short_description = f"Mark selected comments as {Comment.Status(status).label.lower()}"
    action.allowed_permissions = ("change",)
    return action


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["commenter", "comment", "in_response_to", "created"]
    list_display_links = ["created"]
    list_filter = ["status", PostFilter, RuleFilter, AddressFilter, "created"]
    list_select_related = ["post", "parent"]
    list_per_page = 50
    sortable_by = ["created"]
    search_fields = ["author_name", "author_email", "body", "ip_address"]
    search_help_text = "Name, email, text or IP address (searching text reads every comment: filter first)."
    show_full_result_count = False
    show_facets = ShowFacets.NEVER
    paginator = QueuePaginator
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = [
        _moderation_action(Comment.Status.APPROVED, "approved"),
        _moderation_action(Comment.Status.SPAM, "marked as spam"),
        _moderation_action(Comment.Status.REMOVED, "removed"),
        _moderation_action(Comment.Status.PENDING, "sent back to pending"),
    ]
    fieldsets = [
        (None, {"fields": ["post", "parent_link", "status", "status_reason", "rendered", "body"]}),
        ("Commenter", {"fields": ["author_name", "author_email", "author_url", "user", "notify_replies"]}),
        (
            "Record",
            {"fields": ["created", "edited", "ip_address", "user_agent", "moderated_by", "moderated_at"]},
        ),
    ]
    readonly_fields = [
        "post",
        "parent_link",
        "status_reason",
        "rendered",
        "user",
        "created",
        "edited",
        "ip_address",
        "user_agent",
        "moderated_by",
        "moderated_at",
    ]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("post", "parent").defer(*UNSHOWN)
        if not is_moderator(request.user):
            queryset = queryset.filter(post__author=request.user)
        return queryset

    def get_ordering(self, request):
        # Newest first, as WordPress lists them: an indexed order (with the status filter, comment_queue_idx).
        return ["-created"]

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._may_moderate(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_moderate(request, obj)

    @staticmethod
    def _may_moderate(request, comment):
        # get_queryset already limits authors; this says it for any caller holding a comment.
        return comment is None or is_moderator(request.user) or comment.post.author_id == request.user.pk

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        moderate = self.admin_site.admin_view(require_POST(self.moderate_view))
        block = self.admin_site.admin_view(require_POST(self.block_view))
        return [
            path("<path:object_id>/block/", block, name="comments_comment_block"),
            # Signed links from moderators' email: the link is the credential, no sign-in needed.
            path("email/<str:token>/", email_action, name="comments_comment_email_action"),
            path("<path:object_id>/moderate/", moderate, name="comments_comment_moderate"),
            *super().get_urls(),
        ]

    def moderate_view(self, request, object_id):
        """Give one comment the status its row's button sends, then go back to the page it was on.

        A script asking for JSON gets the comment's new status, and the moderator's pending count
        for the admin header, instead of the redirect.
        """
        comment = self.get_object(request, object_id)
        if comment is None:
            raise Http404("No such comment, or not one of yours to moderate.")
        if not self.has_change_permission(request, comment):
            raise PermissionDenied
        status = request.POST.get("status", "")
        if status not in Comment.Status.values:
            return HttpResponseBadRequest("Choose approve, unapprove, spam or trash.")
        services.comment_moderate(comments=[comment], status=status, moderator=request.user)
        queue.forget_pending_count(request.user)
        label = Comment.Status(status).label.lower()
        message = f"The comment by {comment.author_name} is now {label}."
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse(
                {
                    "id": comment.pk,
                    "status": status,
                    "label": label,
                    "message": message,
                    "pending": queue.pending_count(request.user),
                }
            )
        self.message_user(request, message, messages.SUCCESS)
        return HttpResponseRedirect(self.back_to_queue(request))

    def block_view(self, request, object_id):
        """Block the comment's address, network or email (``services.commenter_block``), then go back."""
        comment = self.get_object(request, object_id)
        if comment is None:
            raise Http404("No such comment, or not one of yours to moderate.")
        if not (self.has_change_permission(request, comment) and request.user.has_perm("comments.add_block")):
            raise PermissionDenied
        what = request.POST.get("what", "")
        if what not in services.BLOCKABLE:
            return HttpResponseBadRequest("Choose to block the address, the network or the email.")
        try:
            block, spam = services.commenter_block(comment=comment, what=what, moderator=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        else:
            queue.forget_pending_count(request.user)
            self.message_user(
                request,
                f"Blocked {block.value}: their comments go to the trash from now on; "
                f"{spam} pending comment{'s' if spam != 1 else ''} from it marked as spam.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(self.back_to_queue(request))

    def get_list_display(self, request):
        if request.user.has_perm("comments.add_block"):
            return ["commenter_blockable", *self.list_display[1:]]
        return self.list_display

    def back_to_queue(self, request):
        """The filtered queue page the button was pressed on (never another site's page)."""
        queue = reverse("admin:comments_comment_changelist")
        back = request.POST.get("next", "")
        allowed = url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure())
        return back if allowed and back.startswith(queue) else queue

    def change_view(self, request, object_id, form_url="", extra_context=None):
        comment = self.get_object(request, object_id)
        if comment is not None and self.has_view_permission(request, comment):
            replies = comment.replies.order_by("created", "pk")[:50]
            extra_context = {
                **(extra_context or {}),
                "thread_parent": comment.parent,
                "thread_replies": replies,
                "history": history.events_for(comment),
                "block_buttons": block_buttons(comment, form="comment-block")
                if request.user.has_perm("comments.add_block")
                else "",
            }
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.display(description="name")
    def commenter(self, obj):
        """Name, email, website and address, with links to everything from the address and its network."""
        parts = [format_html('<strong class="comment-name"><bdi>{}</bdi></strong>', obj.author_name)]
        if obj.author_email:
            parts.append(format_html('<a href="mailto:{0}">{0}</a>', obj.author_email))
        if obj.author_url.startswith(("http://", "https://")):
            parts.append(
                format_html('<a href="{0}" rel="nofollow noopener noreferrer">{0}</a>', obj.author_url)
            )
        if obj.ip_address:
            queue = reverse("admin:comments_comment_changelist")
            network = network_of(obj.ip_address)
            parts.append(
                format_html(
                    '<span class="comment-address">{}</span> <a href="{}?address={}">everything from it</a>'
                    ' · <a href="{}?address={}">from {}</a>',
                    obj.ip_address,
                    queue,
                    obj.ip_address,
                    queue,
                    network,
                    network,
                )
            )
        return format_html_join("", '<span class="comment-who">{}</span>', ((part,) for part in parts))

    @admin.display(description="name")
    def commenter_blockable(self, obj):
        """``commenter``, with buttons that block the address, its network or the email."""
        return format_html('{}<span class="comment-block">{}</span>', self.commenter(obj), block_buttons(obj))

    @admin.display(description="comment")
    def comment(self, obj):
        """The comment as readers see it, why it has its status, and the buttons that change it."""
        parent = ""
        if obj.parent_id:
            parent = format_html(
                '<p class="comment-parent">In reply to <a href="{}"><bdi>{}</bdi></a></p>',
                reverse("admin:comments_comment_change", args=[obj.parent_id]),
                obj.parent.author_name,
            )
        return format_html(
            '{}<p class="comment-state comment-status-{}"><strong>{}</strong> {}</p>'
            '<div class="comment-rendered">{}</div><div class="comment-row-actions">{}</div>',
            parent,
            obj.status,
            obj.get_status_display(),
            f"— {obj.status_reason}" if obj.status_reason else "",
            self.rendered(obj),
            self.row_actions(obj),
        )

    def row_actions(self, obj):
        """Buttons of the page's one row-action form (outside the bulk form), and the reply and edit links.

        The button of the comment's own status is there but hidden (and Reply, until it is approved): the
        queue's script shows them as the comment's status changes, so a decision can be undone in place.
        """
        url = reverse("admin:comments_comment_moderate", args=[obj.pk])
        buttons = format_html_join(
            " ",
            '<button type="submit" form="comment-row-action" formaction="{}" name="status" value="{}"'
            ' data-key="{}" class="comment-action-{}"{}>{}</button>',
            (
                (url, status, key, status, mark_safe(" hidden") if status == obj.status else "", label)
                for status, label, key in ROW_ACTIONS
            ),
        )
        reply = format_html(
            '<a href="{}?replyto={}#comment-form" data-key="r"{}>Reply</a>',
            obj.post.get_absolute_url(),
            obj.pk,
            "" if obj.status == Comment.Status.APPROVED else mark_safe(" hidden"),
        )
        edit = format_html(
            '<a href="{}">Edit · history</a>', reverse("admin:comments_comment_change", args=[obj.pk])
        )
        return format_html("{} {} {}", buttons, reply, edit)

    @admin.display(description="in response to")
    def in_response_to(self, obj):
        return format_html(
            '<a href="{}?post={}">{}</a> <a href="{}" class="comment-view-post">view post</a>',
            reverse("admin:comments_comment_changelist"),
            obj.post_id,
            obj.post.title,
            obj.post.get_absolute_url(),
        )

    @admin.display(description="as readers see it")
    def rendered(self, obj):
        # body_html is blog.rendering.render_comment's sanitized output, stored when the comment was saved.
        return mark_safe(obj.body_html)  # noqa: S308

    @admin.display(description="in reply to")
    def parent_link(self, obj):
        if not obj.parent_id:
            return "—"
        url = reverse("admin:comments_comment_change", args=[obj.parent_id])
        return format_html('<a href="{}">comment #{}</a>', url, obj.parent_id)

    def save_model(self, request, obj, form, change):
        """Save edits, recorded with the previous text; a changed status goes through the service."""
        new_status = obj.status
        if "status" in form.changed_data:
            obj.status = form.initial["status"]
        super().save_model(request, obj, form, change)
        if change:
            history.record_edit(
                obj,
                previous_status=form.initial["status"],
                previous_body=form.initial["body"],
                changed=form.changed_data,
                actor=request.user,
            )
        if new_status != obj.status:
            services.comment_moderate(comments=[obj], status=new_status, moderator=request.user)


def block_buttons(comment, form="comment-row-action"):
    """Buttons that block the comment's writer, submitting ``form`` (token, way back)."""
    url = reverse("admin:comments_comment_block", args=[comment.pk])
    choices = []
    if comment.ip_address:
        choices += [
            ("address", "Block this address"),
            ("network", f"Block network {network_of(comment.ip_address)}"),
        ]
    if comment.author_email:
        choices.append(("email", "Block this email"))
    return format_html_join(
        " ",
        '<button type="submit" form="{}" formaction="{}" name="what" value="{}"'
        ' class="comment-block-{}">{}</button>',
        ((form, url, what, what, label) for what, label in choices),
    )


@admin.display(description="pending comments", ordering="pending_comment_count")
def pending_comments(post):
    """A post's count of comments awaiting moderation, linked to them in the queue."""
    if not post.pending_comment_count:
        return "0"
    url = reverse("admin:comments_comment_changelist")
    return format_html(
        '<a href="{}?post={}&amp;status__exact=pending">{}</a>',
        url,
        post.pk,
        post.pending_comment_count,
    )


posts_admin.add_column(pending_comments, pending_comment_count=comment_count(Comment.Status.PENDING))
posts_admin.add_fields("Publishing", "comments_enabled")


@admin.register(DiscussionSettings)
class DiscussionSettingsAdmin(admin.ModelAdmin):
    """Settings → Discussion: the comment rules, changed by those with ``change_discussionsettings``.

    Before its first save the form shows the deployment's settings, which are
    the rules in force; each field says what the deployment's value is.
    """

    fieldsets = [
        (
            "Other comment settings",
            {"fields": ["close_after_days", "max_depth", "max_length", "edit_minutes"]},
        ),
        ("Pages of comments", {"fields": ["per_page", "default_page", "order"]}),
        ("Email", {"fields": ["notify_author", "notify_moderators", "moderator_digest"]}),
        ("Before a comment appears", {"fields": ["manual_approval"]}),
        ("Comment moderation", {"fields": ["hold_links", "hold_words"]}),
        (
            "Disallowed comment keys",
            {
                "fields": ["spam_words"],
                "description": "Blocked addresses, networks, emails and domains are listed under "
                "Blocked commenters (a blocked commenter's comments go to the trash).",
            },
        ),
        (
            "Rate limits",
            {
                "fields": [
                    "rate_window_seconds",
                    ("rate_limit", "rate_limit_network"),
                    ("edit_rate_limit", "edit_rate_limit_network"),
                    ("unsubscribe_rate_limit", "unsubscribe_rate_limit_network"),
                ]
            },
        ),
        ("Personal data", {"fields": ["spam_retention_days", "ip_retention_days"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_object(self, request, object_id, from_field=None):
        if str(object_id) != str(discussion.SINGLETON):
            return None
        saved = DiscussionSettings.objects.filter(pk=discussion.SINGLETON).first()
        return saved or DiscussionSettings(pk=discussion.SINGLETON, **discussion.defaults())

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        return redirect("admin:comments_discussionsettings_change", discussion.SINGLETON)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        for name, value in discussion.defaults().items():
            if name in form.base_fields:
                field = form.base_fields[name]
                shown = (
                    "empty"
                    if value in ("", None)
                    else ("yes" if value is True else "no" if value is False else value)
                )
                if isinstance(value, str) and "\n" in value:
                    shown = ", ".join(discussion.words(value))
                field.help_text = format_html(
                    '{} <span class="setting-default">Deployment default: {}.</span>', field.help_text, shown
                )
        return form


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    """The block list; moderators add to it from the queue too (``CommentAdmin.block_view``)."""

    list_display = ["value", "kind", "note", "created", "created_by"]
    list_filter = ["kind"]
    search_fields = ["value", "note"]
    fields = ["kind", "value", "note"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)
