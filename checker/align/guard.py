"""One article the analyser cannot read never stops the batch: it is reported and the rest go on."""
from __future__ import annotations

import os

from checker.align.article import ArticleAnalysis, Analyzer
from checker.data import DataError
from checker.model import Article, InputProblem


def analyse_or_report(analyzer: Analyzer, article: Article) -> tuple[ArticleAnalysis | None, list[InputProblem]]:
    """The article's analysis, or None and a problem naming the article and the error (with
    FACTLINT_DEBUG=1 the error is raised, to see its traceback). A fault of the rule files (a user
    pattern that backtracks forever) is no article's: it stops the run with its file and key."""
    try:
        return analyzer.analyse(article), []
    except DataError:
        raise
    except Exception as exc:  # noqa: BLE001 - one bad article never stops the batch
        if os.environ.get("FACTLINT_DEBUG"):
            raise
        if isinstance(exc, (RecursionError, MemoryError)):
            return None, [InputProblem(article.doc_id, f"article {article.index} too complex to analyse ({type(exc).__name__}); "
                                                       "its claims were not checked", "limit")]
        return None, [InputProblem(article.doc_id, f"internal error while analysing article {article.index}: "
                                                   f"{type(exc).__name__}: {exc}; its claims were not checked", "input")]


def analyse_all(analyzer: Analyzer, articles: list[Article]) -> tuple[list[ArticleAnalysis], list[InputProblem]]:
    """The analyses of the articles that could be analysed, and a problem for each that could not."""
    analyses: list[ArticleAnalysis] = []
    problems: list[InputProblem] = []
    for article in articles:
        analysis, trouble = analyse_or_report(analyzer, article)
        problems.extend(trouble)
        if analysis is not None:
            analyses.append(analysis)
    return analyses, problems
