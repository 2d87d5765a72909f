"""The words of published articles and cases that the search may suggest ("Tarkoititko…")."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('valoa', '0012_editors_outbox_not_login_attempts'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(max_length=100, unique=True)),
                ('start', models.CharField(max_length=2)),
                ('length', models.PositiveSmallIntegerField()),
            ],
            options={
                'indexes': [models.Index(fields=['start', 'length'], name='searchword_spelling_idx')],
            },
        ),
    ]
