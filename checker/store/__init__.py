"""The archive store: articles, claims, facts and events extracted once and kept in SQLite."""
