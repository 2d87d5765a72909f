from django.db import migrations, models

def render_approved(apps, schema_editor):
    """The stored markup of the comments readers already see (rendered as save() does)."""
    from insights.models import store_comment_markup

    store_comment_markup(apps.get_model("insights", "Comment").objects.filter(status="approved"))


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0016_posted_base"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="stored_markup",
            field=models.JSONField(default=dict, editable=False),
        ),
        migrations.RunPython(render_approved, migrations.RunPython.noop, elidable=True),
    ]
