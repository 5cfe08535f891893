"""align stage: facts, events and counts from claims, and the labels used to describe them."""
from checker.align.article import ArticleAnalysis, Analyzer

__all__ = ["ArticleAnalysis", "Analyzer"]
