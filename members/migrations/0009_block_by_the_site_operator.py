from django.db import migrations, models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone


def block_those_only_the_operator_could_have_deactivated(apps, schema_editor):
    """Until now one flag, is_active, said both "blocked by the site operator" and "no role
    in any group". An inactive person who still has an active role, or who is a superuser
    or staff, was made inactive by the operator (a group takes away roles, never a
    superuser's access): they become blocked. The rest lost their last role in a group and
    stay as they are, for a group to give a role again."""
    User = apps.get_model("members", "User")
    Membership = apps.get_model("members", "Membership")
    has_role = Exists(Membership.objects.filter(user=OuterRef("pk"), is_active=True))
    User.objects.filter(is_active=False).filter(
        has_role | Q(is_superuser=True) | Q(is_staff=True)
    ).update(blocked_at=timezone.now())


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0008_group_data_version"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="blocked_at",
            field=models.DateTimeField(
                blank=True,
                help_text="A blocked person cannot sign in, and no group can give them access.",
                null=True,
                verbose_name="blocked by the site operator",
            ),
        ),
        migrations.AlterField(
            model_name="user",
            name="is_active",
            field=models.BooleanField(
                default=True,
                help_text="Not blocked, and has a role in a group (or is a superuser).",
                verbose_name="active",
            ),
        ),
        migrations.RunPython(
            block_those_only_the_operator_could_have_deactivated, migrations.RunPython.noop
        ),
    ]
