from django.db import migrations

from kotacerdas.framework.install import install


def forwards(apps, schema_editor):
    install(apps, "kominfo-2021")


class Migration(migrations.Migration):
    dependencies = [("framework", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
