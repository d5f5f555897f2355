from django.db import migrations


def load_vocabulary(apps, schema_editor):
    from profiles.models import VOCABULARY

    for model, choices in VOCABULARY.items():
        historical = apps.get_model("profiles", model.__name__)
        for code, name in choices:
            historical.objects.update_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("profiles", "0001_initial")]

    operations = [migrations.RunPython(load_vocabulary, migrations.RunPython.noop)]
