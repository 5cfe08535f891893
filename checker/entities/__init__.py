"""Entities: an alias lexicon (countries, blocs, regions) and proper names found in text."""
from checker.entities.lexicon import EntityLexicon, load_entities
from checker.entities.match import find_entities
from checker.entities.names import NameCanon

__all__ = ["EntityLexicon", "load_entities", "find_entities", "NameCanon"]
