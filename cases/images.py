"""Case images are resized once on upload, so that readers never download a camera original."""

from io import BytesIO
from pathlib import PurePath

from django.core.files.base import ContentFile
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
