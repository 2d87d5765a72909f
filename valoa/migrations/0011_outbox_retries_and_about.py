from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("valoa", "0010_theme_translations")]

    operations = [
        migrations.AddField(
            model_name="outboxmessage",
            name="about",
            field=models.CharField(blank=True, db_index=True, max_length=100, verbose_name="koskee"),
        ),
        migrations.AddField(
            model_name="outboxmessage",
            name="failed_at",
            field=models.DateTimeField(
                blank=True, null=True, verbose_name="epäonnistui lopullisesti"
            ),
        ),
        migrations.AddField(
            model_name="outboxmessage",
            name="next_attempt_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="seuraava yritys"),
        ),
    ]
