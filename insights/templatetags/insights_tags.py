from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def comment_list(comments, anchor_prefix: str, reply_base: str = "") -> str:
    """Approved comments with their replies (insights.models.shown_comments), each an
    <article> of its stored markup, with a reply link to `reply_base` where there is one.
    Joined here rather than in a template loop, which cost some 300 function calls a comment:
    most of a busy article's page."""
    prefix, base = conditional_escape(anchor_prefix), conditional_escape(reply_base)
    return mark_safe("\n".join(_comment(comment, prefix, base) for comment in comments))


def _comment(comment, prefix: str, reply_base: str) -> str:
    # Nothing here needs escaping: the markup was stored escaped, the prefix and the address
    # are escaped above and a comment's pk is digits.
    parts = [comment.content]
    if reply_base:
        link = f"{reply_base}?vastaa={comment.pk}#kommentoi"
        parts.append(f'<p class="comment-actions"><a href="{link}">{comment.reply_label}</a></p>')
    if comment.replies:
        replies = "".join(_comment(reply, prefix, "") for reply in comment.replies)
        parts.append(f'<div class="replies">{replies}</div>')
    inner = "\n".join(parts)
    return f'<article class="comment" id="{prefix}-{comment.pk}">{inner}</article>'
