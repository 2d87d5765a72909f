from django.db import models


class SearchWord(models.Model):
    """A word of published articles and cases, or a base form of one: what the search may
    suggest ("Tarkoititko…") when a query finds little. Readers' comments and queries add no
    words. Emptied and filled again when the search index is rebuilt."""

    word = models.CharField(max_length=100, unique=True)
    # For words of close spelling: the first two letters and the length.
    start = models.CharField(max_length=2)
    length = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [models.Index(fields=["start", "length"], name="searchword_spelling_idx")]

    def __str__(self) -> str:
        return self.word

    @classmethod
    def of(cls, word: str) -> "SearchWord":
        return cls(word=word[:100], start=word[:2], length=len(word))
