"""Claims: split an article body into sentences and bullets, with offsets, lines and citations."""
from checker.claims.split import split_claims, load_claim_rules

__all__ = ["split_claims", "load_claim_rules"]
