from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Theme",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100, unique=True, verbose_name="nimi")),
                ("slug", models.SlugField(max_length=100, unique=True, verbose_name="tunniste")),
                ("description", models.TextField(blank=True, verbose_name="kuvaus")),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="järjestys")),
            ],
            options={"verbose_name": "teema", "verbose_name_plural": "teemat", "ordering": ["order", "name"]},
        ),
    ]
