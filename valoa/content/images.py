"""Images of cases and articles: resized once on upload, so that readers never download a
camera original, and always with a text alternative."""

from io import BytesIO
from pathlib import PurePath

from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

# The page column is at most ~42rem wide: 1200 px covers it at 2x, 600 px suits phones.
LARGE_WIDTH = 1200
SMALL_WIDTH = 600
JPEG_QUALITY = 85


def resized_versions(file, name: str) -> tuple[ContentFile, ContentFile]:
    """A large and a small version of an uploaded image, as JPEG (PNG if it has transparency)."""
    file.seek(0)
    with Image.open(file) as original:
        image = ImageOps.exif_transpose(original)
        transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
        image = image.convert("RGBA" if transparent else "RGB")
        stem = PurePath(name).stem[:80] or "kuva"
        versions = []
        for width, suffix in ((LARGE_WIDTH, ""), (SMALL_WIDTH, "-pieni")):
            copy = image.copy()
            copy.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
            buffer = BytesIO()
            if transparent:
                copy.save(buffer, "PNG", optimize=True)
                extension = "png"
            else:
                copy.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
                extension = "jpg"
            versions.append(ContentFile(buffer.getvalue(), name=f"{stem}{suffix}.{extension}"))
    file.seek(0)
    return versions[0], versions[1]


def delete_files_on_commit(storage, names: list[str]) -> None:
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


def image_path(instance: "Pictured", filename: str) -> str:
    return f"{instance.IMAGE_FOLDER}/{filename}"


# A version in an item's history leaves its image out: a replaced image's files are deleted,
# so restoring an old version keeps the current image.
IMAGE_FIELDS = [
    *("image", "image_width", "image_height", "image_alt"),
    *("image_small", "image_small_width", "image_small_height"),
]


class Pictured(models.Model):
    """Content with an optional image, stored in two widths, and its required text alternative.

    A subclass names its IMAGE_FOLDER under MEDIA_ROOT, calls `resize_new_image()` before it
    saves and deletes the files that returns after, merges `image_errors()` into its clean(),
    and deletes its files with `delete_images` on post_delete."""

    IMAGE_FOLDER = ""

    image = models.ImageField(
        _("kuva"),
        upload_to=image_path,
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_(
            "JPEG, PNG tai WebP. Kuva pienennetään tallennettaessa enintään 1 200 pikselin "
            "levyiseksi."
        ),
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_small = models.ImageField(
        upload_to=image_path,
        blank=True,
        editable=False,
        width_field="image_small_width",
        height_field="image_small_height",
    )
    image_small_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_small_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        _("kuvan tekstivastine"),
        max_length=300,
        blank=True,
        help_text=_("Pakollinen, jos kuva on. Kerro lyhyesti, mitä kuvassa on."),
    )

    class Meta:
        abstract = True

    def image_errors(self) -> dict:
        if self.image and not self.image_alt.strip():
            return {"image_alt": _("Kirjoita kuvalle tekstivastine: mitä kuvassa on.")}
        return {}

    def resize_new_image(self) -> list[str]:
        """Store a newly uploaded image in two sensible widths; returns files now unused."""
        old = {}
        if self.pk:
            stored = type(self)._base_manager.filter(pk=self.pk)
            old = stored.values("image", "image_small").first() or {}
        if self.image and not self.image._committed:
            large, small = resized_versions(self.image.file, self.image.name)
            self.image.save(large.name, large, save=False)
            self.image_small.save(small.name, small, save=False)
        elif not self.image:
            self.image_small = None
            self.image_width = self.image_height = None
            self.image_small_width = self.image_small_height = None
        current = {self.image.name or "", self.image_small.name or ""}
        return [name for name in old.values() if name and name not in current]


def delete_images(sender, instance: Pictured, **kwargs) -> None:
    """post_delete: the row's image files go with it."""
    delete_files_on_commit(instance.image.storage, [instance.image.name, instance.image_small.name])
