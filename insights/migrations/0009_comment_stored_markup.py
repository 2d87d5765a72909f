from django.db import migrations, models

BATCH = 1000


def render_approved(apps, schema_editor):
    """The stored markup of the comments readers already see (rendered as save() does)."""
    from insights.models import render_comment_markup

    Comment = apps.get_model("insights", "Comment")
    approved = Comment.objects.filter(status="approved").only("name", "body", "created_at")
    batch = []
    for comment in approved.iterator(chunk_size=BATCH):
        comment.stored_markup = render_comment_markup(comment)
        batch.append(comment)
        if len(batch) == BATCH:
            Comment.objects.bulk_update(batch, ["stored_markup"])
            batch = []
    Comment.objects.bulk_update(batch, ["stored_markup"])


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0008_search_index_of_analysed_words"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="stored_markup",
            field=models.JSONField(default=dict, editable=False),
        ),
        migrations.RunPython(render_approved, migrations.RunPython.noop, elidable=True),
    ]
